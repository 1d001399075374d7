/** Slab caches side by side (src/computed/slab-growth.ts): peak size and growth, new and vanished caches. */
import { slabCacheGrowth, type SlabCacheGrowth } from '../computed/slab-growth.js';
import type { AnalyzedSide } from './analyzed-side.js';
import { rowFlagged } from './compare.js';
import { byLargestChange, pairBy } from './join.js';
import type { SlabRow } from './types.js';

export function compareSlabs(before: AnalyzedSide, after: AnalyzedSide): SlabRow[] {
  const pairs = pairBy<SlabCacheGrowth>(before.computed.get(slabCacheGrowth), after.computed.get(slabCacheGrowth), (c) => c.name);
  const rows = pairs.map(({ key, before: b, after: a, status }): SlabRow => ({
    name: key,
    status,
    beforePeakBytes: b?.peakBytes ?? null,
    afterPeakBytes: a?.peakBytes ?? null,
    changeBytes: (a?.peakBytes ?? 0) - (b?.peakBytes ?? 0),
    beforeSlopeMBPerHour: b ? b.slopeMBPerHour : null,
    afterSlopeMBPerHour: a ? a.slopeMBPerHour : null,
    flagged: rowFlagged([b?.peakBytes ?? null, a?.peakBytes ?? null], [b?.slopeMBPerHour ?? null, a?.slopeMBPerHour ?? null]),
  }));
  return byLargestChange(rows, (r) => r.name);
}
