/**
 * Holes in the recording: two consecutive records of the collector's main series more than
 * GAP_FACTOR intervals apart (the collector was stopped, the machine hung or rebooted).
 */
import type { Sample } from '../model/artifacts.js';
import type { DerivedEvent } from '../model/timeline.js';

export const GAP_FACTOR = 3;

export function sampleGaps(series: Sample<unknown>[], intervalS: number | null): DerivedEvent[] {
  if (intervalS === null || intervalS <= 0) return [];
  const gaps: DerivedEvent[] = [];
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1]!;
    const after = series[i]!;
    const seconds = after.time - before.time;
    if (seconds > GAP_FACTOR * intervalS) {
      gaps.push({
        type: 'sample-gap',
        time: before.time,
        source: after.source,
        line: after.line,
        text: `no samples for ${seconds.toFixed(0)} s (interval ${intervalS} s)`,
      });
    }
  }
  return gaps;
}
