/**
 * pmdiff's comparison of two averages: the ratio after ÷ before, flagged when it leaves the band
 * (½, 2) (pmdiff -q 2, its default). A side at zero has no ratio; pmdiff marks it |+| (was zero)
 * or |-| (is zero) and reports it, so it is flagged here too, with `zeroSide`.
 */
import type { DiffMetric, MetricValue } from './types.js';

export const FLAG_RATIO = 2;

export type Comparison = Pick<DiffMetric, 'ratio' | 'flagged' | 'zeroSide'>;

/** `floorAbs`: magnitudes below it count as zero, so a slope of 0.3 MiB/h is "no growth". */
export function compareValues(before: MetricValue, after: MetricValue, floorAbs: number): Comparison {
  if (before === null || after === null) return { ratio: null, flagged: false, zeroSide: null };
  if (before === 'never' || after === 'never') return { ratio: null, flagged: before !== after, zeroSide: null };
  const zeroBefore = Math.abs(before) < floorAbs || before === 0;
  const zeroAfter = Math.abs(after) < floorAbs || after === 0;
  if (zeroBefore && zeroAfter) return { ratio: null, flagged: false, zeroSide: 'both' };
  if (zeroBefore || zeroAfter) return { ratio: null, flagged: true, zeroSide: zeroBefore ? 'before' : 'after' };
  const ratio = after / before;
  return { ratio, flagged: ratio >= FLAG_RATIO || ratio <= 1 / FLAG_RATIO, zeroSide: null };
}

/** Noise floors: under 1 MiB, or a slope under 1 MiB/h, is indistinguishable from none. */
export const BYTES_FLOOR = 1024 * 1024;
export const SLOPE_FLOOR_MB_H = 1;

/**
 * A row of the slab or process table: flagged when its peak or its growth rate moved 2× or more.
 * An absent side counts as zero, so a cache or command that appeared or vanished is flagged when
 * it is large enough to matter.
 */
export function rowFlagged(peakBytes: [number | null, number | null], slopeMBPerHour: [number | null, number | null]): boolean {
  const peak = compareValues(peakBytes[0] ?? 0, peakBytes[1] ?? 0, BYTES_FLOOR);
  const slope = compareValues(slopeMBPerHour[0] ?? 0, slopeMBPerHour[1] ?? 0, SLOPE_FLOOR_MB_H);
  return peak.flagged || slope.flagged;
}
