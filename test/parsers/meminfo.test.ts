import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const KiB = 1024;
const ctx = parseContext('proc/meminfo');
const baseline = readRealFixture('01_baseline/proc_meminfo.txt');
const dentryStage = (stage: string): string => readRealFixture(`03_dentry_slab/snapshots/${stage}_proc_meminfo.txt`);

describe('parseMeminfo on real captures', () => {
  it('reads the baseline: kB → bytes, HugePages_* stay counts, every line kept', () => {
    const { data, diagnostics } = parseMeminfo(baseline, ctx);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(data)).toHaveLength(54);
    expect(data.MemTotal).toBe(24684084 * KiB);
    expect(data.MemFree).toBe(24519000 * KiB);
    expect(data['Active(anon)']).toBe(1520 * KiB);
    expect(data.Shmem).toBe(8872 * KiB);
    expect(data.SUnreclaim).toBe(21632 * KiB);
    expect(data.VmallocTotal).toBe(34359738367 * KiB);
    expect(data.HugePages_Total).toBe(0);
    expect(data.Hugepagesize).toBe(2048 * KiB);
    expect(data.DirectMap1G).toBe(25165824 * KiB);
  });

  it('follows Slab and SReclaimable through the dentry growth and drop_caches', () => {
    const stages = ['1_before', '2_midway', '3_after', '4_after_drop_caches'].map((stage) => parseMeminfo(dentryStage(stage), ctx));
    expect(stages.flatMap((s) => s.diagnostics)).toEqual([]);
    expect(stages.map((s) => s.data.Slab)).toEqual([51656, 201140, 350888, 28500].map((kb) => kb * KiB));
    expect(stages.map((s) => s.data.SReclaimable)).toEqual([29956, 172728, 315676, 7204].map((kb) => kb * KiB));
  });
});

describe('parseMeminfo edge cases', () => {
  it('empty text: no data and one file-level warning', () => {
    expect(parseMeminfo('', ctx)).toEqual({
      data: {},
      diagnostics: [{ source: 'proc/meminfo', severity: 'warning', message: 'no "Key: <integer> kB" (no unit only for HugePages_*) line found' }],
    });
  });

  it('a last line cut in its number or unit is reported, not kept as a wrong value', () => {
    for (const cut of ['MemFree:        245', 'MemFree:        24519000 k']) {
      const { data, diagnostics } = parseMeminfo(`MemTotal:       24684084 kB\n${cut}`, ctx);
      expect(data).toEqual({ MemTotal: 24684084 * KiB });
      expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
        [2, `expected "Key: <integer> kB" (no unit only for HugePages_*), got ${JSON.stringify(cut)}`],
      ]);
    }
  });

  it('missing values, other units, binary and a repeated key: each a diagnostic on its own line', () => {
    const text = ['MemTotal:', 'Cached: 12 MB', '\u0000\u0001\ufffd', 'Slab:  49976 kB', 'Slab:  50000 kB', '', 'Shmem: -'].join('\n');
    const { data, diagnostics } = parseMeminfo(text, parseContext('proc/meminfo', 40));
    expect(data).toEqual({ Slab: 50000 * KiB });
    expect(diagnostics.map((d) => d.line)).toEqual([40, 41, 42, 44, 46]);
    expect(diagnostics[3]?.message).toBe('Slab repeated; the later value wins');
  });

  it('numbers past 2^53 stay numbers (nearest double), CRLF is accepted', () => {
    const { data, diagnostics } = parseMeminfo('VmallocTotal:   18446744073709551615 kB\r\nHugePages_Free: 9007199254740993\r\n', ctx);
    expect(diagnostics).toEqual([]);
    expect(data.VmallocTotal).toBe(18446744073709551615 * KiB);
    expect(data.HugePages_Free).toBe(9007199254740992);
  });
});

describe('parseMeminfo properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseMeminfo, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseMeminfo, baseline);
  });
});
