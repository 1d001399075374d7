import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSwaponShow } from '../../src/parsers/swapon.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('commands/swapon_show');
const baseline = readRealFixture('01_baseline/swapon_show_bytes.txt');
/** Captured on the fixtures' machine (util-linux 2.38.1) with two swap files switched on for this test. */
const TWO_SWAP_FILES = [
  'NAME                       TYPE     SIZE USED PRIO',
  '/tmp/swapcap/swap file.img file 33550336    0    5',
  '/tmp/swapcap/swap2.img     file 67104768    0   -2',
  '',
].join('\n');

describe('parseSwaponShow on real captures', () => {
  it('the baseline is an empty file (no swap): no devices, no diagnostic', () => {
    expect(baseline).toBe('');
    expect(parseSwaponShow(baseline, ctx)).toEqual({ data: [], diagnostics: [] });
  });

  it('two swap files: bytes as printed (/proc/swaps said 32764 and 65532 KiB), a path with a space kept whole', () => {
    expect(parseSwaponShow(TWO_SWAP_FILES, ctx)).toEqual({
      data: [
        { name: '/tmp/swapcap/swap file.img', type: 'file', sizeBytes: 33550336, usedBytes: 0, priority: 5 },
        { name: '/tmp/swapcap/swap2.img', type: 'file', sizeBytes: 67104768, usedBytes: 0, priority: -2 },
      ],
      diagnostics: [],
    });
  });
});

describe('parseSwaponShow edge cases', () => {
  it('human sizes (no --bytes, real output of the same moment) are reported, not guessed', () => {
    const human = 'NAME                       TYPE SIZE USED PRIO\n/tmp/swapcap/swap file.img file  32M   0B    5\n';
    const { data, diagnostics } = parseSwaponShow(human, ctx);
    expect(data).toEqual([]);
    expect(diagnostics.map((d) => d.line)).toEqual([2]);
  });

  it('columns in another order, without PRIO: priority null', () => {
    const { data, diagnostics } = parseSwaponShow('TYPE SIZE USED NAME\npartition 1024 0 /dev/sda2\n', ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([{ name: '/dev/sda2', type: 'partition', sizeBytes: 1024, usedBytes: 0, priority: null }]);
  });

  it('a truncated last row is reported on its line', () => {
    const { data, diagnostics } = parseSwaponShow(`${TWO_SWAP_FILES}/dev/sdb1 partition 8589`, parseContext('commands/swapon_show', 2));
    expect(data).toHaveLength(2);
    expect(diagnostics.map((d) => d.line)).toEqual([5]);
  });
});

describe('parseSwaponShow properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseSwaponShow, TWO_SWAP_FILES);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseSwaponShow, TWO_SWAP_FILES);
  });
});
