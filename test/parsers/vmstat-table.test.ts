import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseVmstatTable } from '../../src/parsers/vmstat-table.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const KiB = 1024;
const ctx = parseContext('commands/vmstat');
const baseline = readRealFixture('01_baseline/vmstat_1_5.txt');
const [groupLine = '', headerLine = '', ...dataLines] = baseline.trimEnd().split('\n');

describe('parseVmstatTable on the real baseline', () => {
  it('reads five rows, KiB → bytes, only the first one since boot', () => {
    const { data, diagnostics } = parseVmstatTable(baseline, ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toHaveLength(5);
    expect(data[0]).toEqual({
      runnable: 1, blocked: 0, swpdBytes: 0, freeBytes: 24517284 * KiB, buffBytes: 1960 * KiB, cacheBytes: 88296 * KiB,
      siKBps: 0, soKBps: 0, bi: 573, bo: 702, sinceBoot: true,
    });
    expect(data.slice(1).map((row) => [row.sinceBoot, row.bi, row.bo])).toEqual(Array(4).fill([false, 0, 0]));
  });
});

describe('parseVmstatTable edge cases', () => {
  it('empty text: no rows, one file warning', () => {
    expect(parseVmstatTable('', ctx)).toEqual({
      data: [],
      diagnostics: [{ source: 'commands/vmstat', severity: 'warning', message: 'no vmstat row found' }],
    });
  });

  it('a truncated last row is reported; a repeated header does not make another since-boot row', () => {
    const text = [groupLine, headerLine, dataLines[0], groupLine, headerLine, dataLines[1], ' 1  0      0 2451'].join('\n');
    const { data, diagnostics } = parseVmstatTable(text, parseContext('commands/vmstat', 3));
    expect(data.map((row) => row.sinceBoot)).toEqual([true, false]);
    expect(diagnostics.map((d) => d.line)).toEqual([9]);
  });

  it('an unreadable first row does not pass "since boot" to the second', () => {
    const { data, diagnostics } = parseVmstatTable([groupLine, headerLine, ' 1  0  x', dataLines[1]].join('\n'), ctx);
    expect(data.map((row) => row.sinceBoot)).toEqual([false]);
    expect(diagnostics.map((d) => d.line)).toEqual([3]);
  });

  it('rows with no header before them are reported, not read in a guessed layout', () => {
    const { data, diagnostics } = parseVmstatTable(dataLines.join('\n'), ctx);
    expect(data).toEqual([]);
    expect(diagnostics.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, undefined]);
  });

  it('vmstat -a (inact/active, no buff/cache): its header is reported and its rows skipped', () => {
    const text = 'procs -----------memory---------- ---swap--\n r  b   swpd   free  inact active   si   so    bi    bo\n 1  0 0 24517284 35828 20812 0 0 573 702\n';
    const { data, diagnostics } = parseVmstatTable(text, ctx);
    expect(data).toEqual([]);
    expect(diagnostics.map((d) => d.line)).toEqual([2, 3, undefined]);
  });

  it('a -t timestamp after the columns is ignored; huge values kept as the nearest double', () => {
    const text = `${headerLine} UTC\n 1  0 0 18014398509481983 1960 88296 0 0 573 702 172 430 2 2 96 0 0 2026-11-26 14:50:23\n`;
    const { data, diagnostics } = parseVmstatTable(text, ctx);
    expect(diagnostics).toEqual([]);
    expect(data[0]?.freeBytes).toBe(18014398509481983 * KiB);
  });
});

describe('parseVmstatTable properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseVmstatTable, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseVmstatTable, baseline);
  });
});
