/**
 * The numbers one side contributes to the metric table. Each reads the timeline or a computed
 * module (src/computed/), never a file, so a diff says what the two reports say.
 */
import { forecastMemAvailable, forecastSwapFree, type Forecast } from '../computed/forecast.js';
import { linearFit, slopeMBPerHour, SECONDS_PER_HOUR } from '../computed/linear-fit.js';
import { processGrowth } from '../computed/process-growth.js';
import { meminfoSeries } from '../computed/series.js';
import type { Point } from '../computed/linear-fit.js';
import type { Timeline } from '../model/timeline.js';
import type { AnalyzedSide } from './analyzed-side.js';
import type { MetricValue } from './types.js';

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function max(values: readonly number[]): number | null {
  let best: number | null = null;
  for (const v of values) if (best === null || v > best) best = v;
  return best;
}

function min(values: readonly number[]): number | null {
  let best: number | null = null;
  for (const v of values) if (best === null || v < best) best = v;
  return best;
}

/** Average per-second rate of a /proc/vmstat counter (samples are evenly spaced, so the plain mean). */
export function meanRate(s: AnalyzedSide, counter: string): number | null {
  return mean(s.timeline.rates.get(counter)?.perSecond ?? []);
}

export function peakRate(s: AnalyzedSide, counter: string): number | null {
  return max(s.timeline.rates.get(counter)?.perSecond ?? []);
}

function windowHours(t: Timeline): number | null {
  const { start, end } = t.info;
  return start === null || end === null || end <= start ? null : (end - start) / SECONDS_PER_HOUR;
}

/**
 * OOM kills per hour of the capture. Both the vmstat counter and the kernel log undercount in
 * some cases (no counter before 4.13, a rotated log), so the larger of the two counts.
 */
export function oomKillsPerHour(s: AnalyzedSide): number | null {
  const t = s.timeline;
  const hours = windowHours(t);
  if (hours === null) return null;
  const counter = t.rates.get('oom_kill')?.totalIncrease ?? 0;
  const logged = t.events.filter((e) => e.type === 'oom-kill' && e.time !== null && e.time >= t.info.start! && e.time <= t.info.end!).length;
  return Math.max(counter, logged) / hours;
}

export function pressureValues(s: AnalyzedSide, kind: 'some' | 'full'): number[] {
  return s.timeline.artifacts.pressure.flatMap((p) => {
    const line = p.data[kind];
    return line ? [line.avg10] : [];
  });
}

export function meanPressure(s: AnalyzedSide, kind: 'some' | 'full'): number | null {
  return mean(pressureValues(s, kind));
}

export function peakPressure(s: AnalyzedSide, kind: 'some' | 'full'): number | null {
  return max(pressureValues(s, kind));
}

function meminfoValues(s: AnalyzedSide, key: string): number[] {
  return meminfoSeries(s.timeline, key).map(([, v]) => v);
}

export function peakMeminfo(s: AnalyzedSide, key: string): number | null {
  return max(meminfoValues(s, key));
}

export function lowestMeminfo(s: AnalyzedSide, key: string): number | null {
  return min(meminfoValues(s, key));
}

export function peakSwapUsed(s: AnalyzedSide): number | null {
  return max(s.timeline.artifacts.meminfo.flatMap((m) => {
    const { SwapTotal: total, SwapFree: free } = m.data;
    return total === undefined || free === undefined ? [] : [total - free];
  }));
}

/** MiB per hour of a meminfo field over the capture (negative = falling). */
export function meminfoSlope(s: AnalyzedSide, key: string): number | null {
  const fit = linearFit(meminfoSeries(s.timeline, key) as Point[]);
  return fit ? slopeMBPerHour(fit) : null;
}

/** The leak rate of the fastest-growing command (its latest pid), from process-growth. */
export function fastestProcessSlope(s: AnalyzedSide): number | null {
  const growth = s.computed.get(processGrowth);
  return growth.length === 0 ? null : growth[0]!.slopeMBPerHour;
}

export function largestProcessPeak(s: AnalyzedSide): number | null {
  return max(s.computed.get(processGrowth).map((g) => g.peakBytes));
}

/** Hours from the last sample to exhaustion; "never" when the series is not heading there. */
export function hoursToExhaustion(forecast: (t: Timeline) => Forecast | null) {
  return (s: AnalyzedSide): MetricValue => {
    const f = s.computed.get(forecast);
    if (!f) return null;
    return f.secondsToExhaustion === null ? 'never' : f.secondsToExhaustion / SECONDS_PER_HOUR;
  };
}

export const memAvailableHoursLeft = hoursToExhaustion(forecastMemAvailable);
export const swapFreeHoursLeft = hoursToExhaustion(forecastSwapFree);

/** RAM held by tmpfs mounts at capture time (df). */
export function tmpfsUsedBytes(s: AnalyzedSide): number | null {
  const df = s.timeline.artifacts.df;
  return df === null ? null : df.filter((r) => r.type === 'tmpfs').reduce((sum, r) => sum + r.usedBytes, 0);
}

/** Size of every SysV shared memory segment (ipcs -m, else /proc/sysvipc/shm). */
export function sysvShmBytes(s: AnalyzedSide): number | null {
  const a = s.timeline.artifacts;
  if (a.ipcsShm !== null) return a.ipcsShm.reduce((sum, r) => sum + r.bytes, 0);
  if (a.sysvShm !== null) return a.sysvShm.reduce((sum, r) => sum + r.sizeBytes, 0);
  return null;
}
