/** Helpers over sample times shared by the timeline's parts. */
import type { Sample } from '../model/artifacts.js';
import { UNKNOWN_CAPTURE_TIME } from '../load/static-time.js';

/** Samples whose capture time is known (one-shot files of a bundle without times carry 0). */
export function timed<T>(samples: Sample<T>[]): Sample<T>[] {
  return samples.filter((s) => s.time !== UNKNOWN_CAPTURE_TIME && Number.isFinite(s.time));
}

/** The `series/*` samples when there are at least two, else every timed sample (static + series). */
export function preferSeries<T>(samples: Sample<T>[]): Sample<T>[] {
  const known = timed(samples);
  const series = known.filter((s) => s.source.startsWith('series/'));
  return series.length >= 2 ? series : known;
}

/** Median of the positive gaps between consecutive times (sorted input); null with fewer than two. */
export function medianStep(times: number[]): number | null {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const step = times[i]! - times[i - 1]!;
    if (step > 0) steps.push(step);
  }
  if (steps.length === 0) return null;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)]!;
}
