/**
 * What a middle record keeps: `largest` must pick exactly what a stable descending sort cut to n
 * picks (ties in input order), and procs/slabinfo records parsed lean must equal the whole parse cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../../src/model/diagnostic.js';
import { largest, largestCaches, PROCS_KEPT, SLAB_CACHES_KEPT, topProcs } from '../../../src/load/series/compact.js';
import { SERIES_KINDS } from '../../../src/load/series/kinds.js';
import { parseProcsTable } from '../../../src/parsers/procs-table.js';
import { parseSlabinfo } from '../../../src/parsers/slabinfo.js';
import { real } from '../real-bundles.js';

const bySortCut = <T>(items: T[], n: number, size: (item: T) => number) =>
  items.length <= n ? items : [...items].sort((a, b) => size(b) - size(a)).slice(0, n);

describe('largest', () => {
  it('keeps what a stable descending sort cut to n keeps, in that order, with many ties', () => {
    const item = fc.record({ id: fc.nat(), size: fc.integer({ min: 0, max: 12 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), fc.integer({ min: 1, max: 30 }), (items, n) => {
        expect(largest(items, n, (i) => i.size)).toEqual(bySortCut(items, n, (i) => i.size));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('returns a short list as it is, not sorted', () => {
    const items = [{ size: 1 }, { size: 3 }];
    expect(largest(items, 2, (i) => i.size)).toBe(items);
  });
});

describe('lean procs and slabinfo records', () => {
  const ctx = parseContext('series/procs', 10);

  it('a procs record parsed lean is the whole parse cut to the largest processes, diagnostics included', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i + 1} 1 proc-${i} ${(i * 7919) % 1000} ${i % 3 === 0 ? 5 : 0} 0`);
    const text = ['PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ', ...rows.slice(0, 150), '12 x broken', ...rows.slice(150)].join('\n');
    const whole = parseProcsTable(text, ctx);
    const lean = SERIES_KINDS.procs.lean!(text, ctx);
    expect(lean.data).toHaveLength(PROCS_KEPT);
    expect(lean.data).toEqual(topProcs(whole.data));
    expect(lean.diagnostics).toEqual(whole.diagnostics);
    expect(lean.diagnostics).toHaveLength(1);
  });

  it('a real slabinfo parsed lean is the whole parse cut to the largest caches', async () => {
    const text = await real('01_baseline/proc_slabinfo.txt');
    const whole = parseSlabinfo(text, ctx);
    const lean = SERIES_KINDS.slabinfo.lean!(text, ctx);
    expect(lean.data.caches).toHaveLength(SLAB_CACHES_KEPT);
    expect(lean.data).toEqual(largestCaches(whole.data));
    expect(lean.data.caches[0]!.sizeBytes).toBe(Math.max(...whole.data.caches.map((c) => c.sizeBytes)));
  });
});
