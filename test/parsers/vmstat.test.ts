import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseVmstat } from '../../src/parsers/vmstat.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/vmstat');
const baseline = readRealFixture('01_baseline/proc_vmstat.txt');

describe('parseVmstat on real captures', () => {
  it('reads all 192 baseline counters as printed', () => {
    const { data, diagnostics } = parseVmstat(baseline, ctx);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(data)).toHaveLength(192);
    expect(data.nr_free_pages).toBe(1128650);
    expect(data.pgmajfault).toBe(710);
    expect(data.oom_kill).toBe(1);
    expect(data.pswpin).toBe(0);
    expect(data.pswpout).toBe(0);
  });

  it('shows the dentry stages: reclaimable slab pages grow, then drop_caches scans and frees them', () => {
    const stages = ['1_before', '2_midway', '3_after', '4_after_drop_caches']
      .map((stage) => parseVmstat(readRealFixture(`03_dentry_slab/snapshots/${stage}_proc_vmstat.txt`), ctx));
    expect(stages.flatMap((s) => s.diagnostics)).toEqual([]);
    expect(stages.map((s) => s.data.nr_slab_reclaimable)).toEqual([7489, 43182, 78919, 1801]);
    expect(stages.map((s) => s.data.slabs_scanned)).toEqual([473, 473, 473, 110955]);
    expect(stages.map((s) => s.data.drop_slab)).toEqual([2, 2, 2, 3]);
  });
});

describe('parseVmstat edge cases', () => {
  it('empty text: no data and one file-level warning', () => {
    const { data, diagnostics } = parseVmstat('', ctx);
    expect(data).toEqual({});
    expect(diagnostics).toEqual([{ source: 'proc/vmstat', severity: 'warning', message: 'no "name <integer>" line found' }]);
  });

  it('a truncated last line without its value, extra fields, binary names: each reported on its line', () => {
    const text = ['nr_free_pages 1128650', 'pgmajfault 710 3', 'nr_\u0000bad 5', 'oom_kill 1', 'pswpin'].join('\n');
    const { data, diagnostics } = parseVmstat(text, parseContext('series/vmstat', 100));
    expect(data).toEqual({ nr_free_pages: 1128650, oom_kill: 1 });
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [101, 'expected "name <integer>", got "pgmajfault 710 3"'],
      [102, 'expected "name <integer>", got "nr_\\u0000bad 5"'],
      [104, 'expected "name <integer>", got "pswpin"'],
    ]);
  });

  it('counters past 2^53 are kept as the nearest double, negative gauges as printed', () => {
    const { data } = parseVmstat('pgpgin 18446744073709551615\nnr_free_pages -3\n', ctx);
    expect(data).toEqual({ pgpgin: 18446744073709551615, nr_free_pages: -3 });
  });
});

describe('parseVmstat properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseVmstat, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseVmstat, baseline);
  });
});
