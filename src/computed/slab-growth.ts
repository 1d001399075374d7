/** Size of each slab cache across slabinfo samples: first, peak and last, with a growth fit. */
import type { Timeline } from '../model/timeline.js';
import { linearFit, slopeMBPerHour, type LinearFit, type Point } from './linear-fit.js';

export interface SlabCacheGrowth {
  name: string;
  firstBytes: number;
  firstTime: number;
  peakBytes: number;
  peakTime: number;
  /** active objects at the peak: what slabtop's ACTIVE column shows. */
  peakActiveObjs: number;
  lastBytes: number;
  lastTime: number;
  fit: LinearFit | null;
  slopeMBPerHour: number;
  /** peak ÷ first (Infinity when the cache started empty). */
  growthFactor: number;
}

export function slabCacheGrowth(t: Timeline): SlabCacheGrowth[] {
  const byName = new Map<string, { time: number; bytes: number; activeObjs: number }[]>();
  for (const sample of t.artifacts.slabinfo) {
    for (const c of sample.data.caches) {
      const rows = byName.get(c.name) ?? [];
      rows.push({ time: sample.time, bytes: c.sizeBytes, activeObjs: c.activeObjs });
      byName.set(c.name, rows);
    }
  }
  return [...byName].map(([name, rows]) => {
    const peak = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const fit = linearFit(rows.map((r): Point => [r.time, r.bytes]));
    const first = rows[0]!, last = rows.at(-1)!;
    return {
      name,
      firstBytes: first.bytes, firstTime: first.time,
      peakBytes: peak.bytes, peakTime: peak.time, peakActiveObjs: peak.activeObjs,
      lastBytes: last.bytes, lastTime: last.time,
      fit,
      slopeMBPerHour: fit ? slopeMBPerHour(fit) : 0,
      growthFactor: first.bytes > 0 ? peak.bytes / first.bytes : peak.bytes > 0 ? Infinity : 1,
    };
  });
}

/** The `n` largest caches by peak size. */
/** The `n` largest caches by peak of slabCacheGrowth's list (copied: the list may be a memoised one). */
export function largestSlabCaches(growth: readonly SlabCacheGrowth[], n: number): SlabCacheGrowth[] {
  return [...growth].sort((a, b) => b.peakBytes - a.peakBytes).slice(0, n);
}
