/** Plain (time, value) series pulled out of the timeline's samples, shared by the computed modules. */
import type { Sample } from '../model/artifacts.js';
import type { Meminfo } from '../model/sources.js';
import type { Timeline } from '../model/timeline.js';
import { coarseByName } from '../timeline/sysstat.js';
import type { Point } from './linear-fit.js';

/** One /proc/meminfo field (bytes) over time; samples that lack the field are skipped. */
export function meminfoSeries(t: Timeline, key: string): Point[] {
  const points: Point[] = [];
  for (const s of t.artifacts.meminfo) {
    const v = s.data[key];
    if (v !== undefined) points.push([s.time, v]);
  }
  return points;
}

export function lastMeminfo(t: Timeline): Sample<Meminfo> | null {
  return t.artifacts.meminfo.at(-1) ?? null;
}

/** The sample whose value of `key` is smallest (e.g. the moment MemAvailable was lowest). */
export function meminfoMinSample(t: Timeline, key: string): Sample<Meminfo> | null {
  let best: Sample<Meminfo> | null = null;
  for (const s of t.artifacts.meminfo) {
    const v = s.data[key];
    if (v !== undefined && (best === null || v < best.data[key]!)) best = s;
  }
  return best;
}

export function memTotalBytes(t: Timeline): number | null {
  for (let i = t.artifacts.meminfo.length - 1; i >= 0; i--) {
    const v = t.artifacts.meminfo[i]!.data.MemTotal;
    if (v !== undefined && v > 0) return v;
  }
  return null;
}

/**
 * Indexes [start, end) of the items of a time-ordered list whose time lies in [from, to], found by
 * binary search: an "in the minutes before" window per OOM kill must not scan a week of samples.
 */
export function timeWindow(count: number, timeAt: (index: number) => number, from: number, to: number): { start: number; end: number } {
  const firstAtOrAfter = (time: number, strict: boolean) => {
    let lo = 0, hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? timeAt(mid) <= time : timeAt(mid) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = firstAtOrAfter(from, false);
  return { start, end: Math.max(start, firstAtOrAfter(to, true)) };
}

/** Samples of a time-ordered list within [from, to] (inclusive). */
export function samplesBetween<T extends { time: number }>(samples: readonly T[], from: number, to: number): T[] {
  const { start, end } = timeWindow(samples.length, (i) => samples[i]!.time, from, to);
  return samples.slice(start, end);
}

/** A meminfo field over the longest window the bundle has: sysstat history before its own samples. */
export interface HistorySeries {
  points: Point[];
  /** The sadf file(s) of the points before the first sample; null when the history adds nothing. */
  coarseSource: string | null;
}

/**
 * `key` from /proc/meminfo samples, preceded by the sysstat history of the same field where it
 * reaches back before the first sample (`kbavail` for MemAvailable, `kbswpfree` for SwapFree).
 * Where both cover the same time the finer samples win. Without samples, the history alone.
 */
export function meminfoWithHistory(t: Timeline, key: string): HistorySeries {
  const fine = meminfoSeries(t, key);
  const coarse = coarseByName(t.coarse, key);
  const firstFine = fine[0]?.[0] ?? Infinity;
  const before = coarse ? coarse.points.filter(([time]) => time < firstFine) : [];
  if (before.length === 0) return { points: fine, coarseSource: null };
  return { points: [...before, ...fine], coarseSource: coarse!.source };
}
