import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseProcSwaps } from '../../src/parsers/swaps.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/swaps');
const baseline = readRealFixture('01_baseline/proc_swaps.txt');
/** Captured on the fixtures' machine (kernel 6.18) with two swap files switched on for this test. */
const TWO_SWAP_FILES = [
  'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority',
  '/tmp/swapcap/swap\\040file.img           file\t\t32764\t\t0\t\t5',
  '/tmp/swapcap/swap2.img                  file\t\t65532\t\t0\t\t-2',
  '',
].join('\n');

describe('parseProcSwaps on real captures', () => {
  it('the baseline (no swap) is the header alone: no devices, no diagnostic', () => {
    expect(parseProcSwaps(baseline, ctx)).toEqual({ data: [], diagnostics: [] });
  });

  it('two swap files: KiB → bytes, \\040 decoded, negative priority kept', () => {
    expect(parseProcSwaps(TWO_SWAP_FILES, ctx)).toEqual({
      data: [
        { name: '/tmp/swapcap/swap file.img', type: 'file', sizeBytes: 32764 * 1024, usedBytes: 0, priority: 5 },
        { name: '/tmp/swapcap/swap2.img', type: 'file', sizeBytes: 65532 * 1024, usedBytes: 0, priority: -2 },
      ],
      diagnostics: [],
    });
  });
});

describe('parseProcSwaps edge cases', () => {
  it('empty text is no swap', () => {
    expect(parseProcSwaps('', ctx)).toEqual({ data: [], diagnostics: [] });
  });

  it('a truncated last row and a row with a non-number are reported; the good row is kept', () => {
    const text = `${TWO_SWAP_FILES}/dev/sdb2 partition 8388604 1x 0\n/dev/sdc1 partition 83886`;
    const { data, diagnostics } = parseProcSwaps(text, parseContext('proc/swaps', 9));
    expect(data.map((d) => d.name)).toEqual(['/tmp/swapcap/swap file.img', '/tmp/swapcap/swap2.img']);
    expect(diagnostics.map((d) => d.line)).toEqual([12, 13]);
  });

  it('rows before any header are reported, not read in a guessed layout', () => {
    const { data, diagnostics } = parseProcSwaps('/dev/sda2 partition 8388604 0 -2\n', ctx);
    expect(data).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'expected the header (Filename|NAME Type Size Used …), got "/dev/sda2 partition 8388604 0 -2"'],
    ]);
  });

  it('huge sizes are kept as the nearest double', () => {
    const { data } = parseProcSwaps('Filename Type Size Used Priority\n/dev/sda2 partition 18014398509481983 9007199254740993 -2\n', ctx);
    expect(data[0]?.sizeBytes).toBe(18014398509481983 * 1024);
    expect(data[0]?.usedBytes).toBe(9007199254740992 * 1024);
  });
});

describe('parseProcSwaps properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseProcSwaps, TWO_SWAP_FILES + baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseProcSwaps, TWO_SWAP_FILES);
  });
});
