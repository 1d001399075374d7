import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSlabinfo } from '../../src/parsers/slabinfo.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/slabinfo');
const baseline = readRealFixture('01_baseline/proc_slabinfo.txt');
const DENTRY_STAGES = ['1_before', '2_midway', '3_after', '4_after_drop_caches'];

describe('parseSlabinfo on real captures', () => {
  it('reads all 235 caches of the baseline with their sizes', () => {
    const { data, diagnostics } = parseSlabinfo(baseline, ctx);
    expect(diagnostics).toEqual([]);
    expect(data.version).toBe('2.1');
    expect(data.caches).toHaveLength(235);
    expect(data.caches.find((c) => c.name === 'ext4_inode_cache')).toEqual({
      name: 'ext4_inode_cache', activeObjs: 13496, numObjs: 13496, objSizeBytes: 1128, objPerSlab: 14,
      pagesPerSlab: 4, activeSlabs: 964, numSlabs: 964, sizeBytes: 964 * 4 * 4096,
    });
    // Sum of num_slabs × pagesperslab × 4096 over the file, computed with awk on the fixture.
    expect(data.caches.reduce((sum, c) => sum + c.sizeBytes, 0)).toBe(44437504);
  });

  it('follows the dentry cache through growth and drop_caches', () => {
    const dentries = DENTRY_STAGES.map((stage) => {
      const { data, diagnostics } = parseSlabinfo(readRealFixture(`03_dentry_slab/snapshots/${stage}_proc_slabinfo.txt`), ctx);
      expect(diagnostics).toEqual([]);
      return data.caches.find((c) => c.name === 'dentry');
    });
    expect(dentries.map((d) => d?.activeObjs)).toEqual([21553, 771519, 1521534, 1357]);
    expect(dentries.map((d) => d?.numObjs)).toEqual([21588, 771519, 1521534, 2037]);
    expect(dentries.map((d) => d?.sizeBytes)).toEqual([1028, 36739, 72454, 97].map((slabs) => slabs * 4096));
  });

  it('uses the page size of the captured machine', () => {
    const { data } = parseSlabinfo(baseline, parseContext('proc/slabinfo', 1, 16384));
    expect(data.caches.find((c) => c.name === 'kmalloc-8k')?.sizeBytes).toBe(9 * 8 * 16384);
  });
});

describe('parseSlabinfo versions', () => {
  it('2.0 rows have the same columns: read, with an info on the version line', () => {
    const text = 'slabinfo - version: 2.0\ndentry_cache 1046 3335 136 29 1 : tunables 120 60 8 : slabdata 115 115 0\n';
    const { data, diagnostics } = parseSlabinfo(text, ctx);
    expect(data.version).toBe('2.0');
    expect(data.caches.map((c) => [c.name, c.activeObjs, c.sizeBytes])).toEqual([['dentry_cache', 1046, 115 * 4096]]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[1, 'info']]);
  });

  it('2.1 (statistics) rows carry extra sections after slabdata; they are ignored', () => {
    const text = 'slabinfo - version: 2.1 (statistics)\n' +
      'dentry 10 20 192 21 1 : tunables 0 0 0 : slabdata 1 1 0 : globalstat 9 9 1 0 0 0 0 0 0 : cpustat 1 2 3 4\n';
    const { data, diagnostics } = parseSlabinfo(text, ctx);
    expect(diagnostics).toEqual([]);
    expect(data.caches[0]?.numSlabs).toBe(1);
  });

  it('an unknown version warns; 1.1 rows (no slabdata) are each reported, nothing is invented', () => {
    const text = 'slabinfo - version: 1.1\nkmem_cache 80 80 244 5 5 1 : 252 126\n';
    const { data, diagnostics } = parseSlabinfo(text, ctx);
    expect(data).toEqual({ version: '1.1', caches: [] });
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [1, 'warning', 'slabinfo version "1.1" is unknown: rows read with the 2.1 columns'],
      [2, 'warning', 'expected "name <5 counts> : tunables … : slabdata <3 counts>", got "kmem_cache 80 80 244 5 5 1 : 252 126"'],
      [undefined, 'warning', 'no slab cache line found'],
    ]);
  });

  it('no version line (the file cut at the top): rows still read, one file warning', () => {
    const rows = baseline.split('\n').slice(2).join('\n');
    const { data, diagnostics } = parseSlabinfo(rows, ctx);
    expect(data.version).toBe('');
    expect(data.caches).toHaveLength(235);
    expect(diagnostics).toEqual([
      { source: 'proc/slabinfo', severity: 'warning', message: 'no "slabinfo - version:" line: rows read with the 2.1 columns' },
    ]);
  });
});

describe('parseSlabinfo edge cases', () => {
  it('empty text: two file warnings, no caches', () => {
    const { data, diagnostics } = parseSlabinfo('', ctx);
    expect(data).toEqual({ version: '', caches: [] });
    expect(diagnostics.map((d) => d.line)).toEqual([undefined, undefined]);
  });

  it('a last line cut before slabdata is reported and the earlier rows are kept', () => {
    const lines = baseline.split('\n').slice(0, 10);
    lines.push('dentry             19694  19782    192   21    1 : tunables    0    0    0 : slabda');
    const { data, diagnostics } = parseSlabinfo(lines.join('\n'), parseContext('proc/slabinfo', 1));
    expect(data.caches).toHaveLength(8);
    expect(diagnostics.map((d) => d.line)).toEqual([11]);
  });

  it('huge counts are kept as the nearest double', () => {
    const { data } = parseSlabinfo('slabinfo - version: 2.1\nbig 1 1 1 1 1 : tunables 0 0 0 : slabdata 1 18446744073709551615 0\n', ctx);
    expect(data.caches[0]?.sizeBytes).toBe(18446744073709551615 * 4096);
  });
});

describe('parseSlabinfo properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseSlabinfo, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseSlabinfo, baseline);
  });

  it('the one-scan reading of kernel-shaped rows agrees with the split reading on every line', () => {
    // The split reading, as the parser had it alone: sections at ':', fields at blanks.
    const splitReading = (line: string) => {
      const [head = [], ...sections] = line.split(':').map((part) => part.trim().split(/\s+/).filter(Boolean));
      const slabdata = sections.find((fields) => fields[0] === 'slabdata');
      const counts = [...head.slice(-5), ...(slabdata ?? []).slice(1, 3)];
      if (head.length < 6 || slabdata?.length !== 4 || !counts.every((c) => /^[-+]?\d+$/.test(c))) return [];
      const [activeObjs, numObjs, objSizeBytes, objPerSlab, pagesPerSlab, activeSlabs, numSlabs] = counts.map(Number) as number[];
      const sizeBytes = (numSlabs ?? 0) * (pagesPerSlab ?? 0) * 4096;
      return [{ name: head.slice(0, -5).join(' '), activeObjs, numObjs, objSizeBytes, objPerSlab, pagesPerSlab, activeSlabs, numSlabs, sizeBytes }];
    };
    const blank = fc.oneof({ arbitrary: fc.constant(' '), weight: 8 }, fc.constantFrom('  ', '\t', '\u00a0', ''));
    const count = fc.oneof({ arbitrary: fc.nat().map(String), weight: 12 }, fc.constantFrom('+3', '-1', '007', '18446744073709551615', 'x', '1:2', '1:'));
    const name = fc.constantFrom('dentry', 'kmalloc-64', 'a:b', 'foo bar', 'x\u00a0y', '42', ':', 'slabdata');
    const word = fc.constantFrom('tunables', 'slabdata', 'globalstat', ':', '');
    const row = fc.tuple(name, fc.array(fc.tuple(blank, count), { minLength: 4, maxLength: 6 }),
      fc.array(fc.tuple(blank, fc.oneof(count, word)), { maxLength: 11 }), fc.boolean(),
      fc.constantFrom('', '', '', ' : globalstat 1 2 3', ' 7', ' :', '\u00a0'))
      .map(([n, head, rest, canonical, suffix]) => {
        const join = (parts: [string, string][]) => parts.map(([b, t]) => `${b}${t}`).join('');
        const tail = canonical ? ` : tunables ${rest.length} 0 0 : slabdata 1 ${rest.length + 2} 0${suffix}` : join(rest);
        return `${n}${join(head)}${tail}`;
      });
    let read = 0;
    fc.assert(
      fc.property(row, (line) => {
        const expected = splitReading(line);
        read += expected.length;
        expect(parseSlabinfo(`slabinfo - version: 2.1\n${line}`, ctx).data.caches).toEqual(expected);
      }),
      { seed: 42, numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
  });
});

