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
