/**
 * Time to exhaustion, predict_linear style: fit a line over the whole captured window and see
 * where it goes. MemAvailable and SwapFree reach back further when a sysstat history (sadf -d)
 * starts before the bundle's own samples (coarseSource says so). A "depleting" series (MemAvailable, SwapFree) runs out when it reaches 0; a
 * "consuming" one (SUnreclaim, Shmem, a process's RSS) runs out when its growth has eaten the
 * MemAvailable left at the last sample.
 */
import { th } from '../audits/thresholds.js';
import type { Timeline } from '../model/timeline.js';
import { linearFit, type LinearFit, type Point } from './linear-fit.js';
import { topGrowingProcesses } from './process-growth.js';
import { coarseByName } from '../timeline/sysstat.js';
import { lastMeminfo, meminfoSeries, meminfoWithHistory } from './series.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface Forecast {
  name: string;
  kind: 'depleting' | 'consuming';
  /** Bundle path of the series. */
  source: string;
  /** The sadf file(s) whose coarse history extends the window before the bundle's own samples, else null. */
  coarseSource: string | null;
  fit: LinearFit;
  currentBytes: number;
  /** What is left to use up: the current value (depleting) or MemAvailable at the last sample (consuming). */
  headroomBytes: number;
  /** Seconds from the last sample until exhaustion at the fitted rate; null when not heading there. */
  secondsToExhaustion: number | null;
  exhaustionTime: number | null;
  /** Exhaustion falls within `horizonS` of the last sample. */
  withinHorizon: boolean;
  confidence: Confidence;
  windowS: number;
  horizonS: number;
  /** The dashed projection for charts: from the last sample to exhaustion or to the horizon. */
  projection: [number, number][];
}

export function confidenceOf(fit: LinearFit, secondsAhead: number | null): Confidence {
  const levels: Confidence[] = ['low', 'medium', 'high'];
  let level = fit.r2 >= th('confidenceHighR2') && fit.n >= th('confidenceHighN') ? 2
    : fit.r2 >= th('confidenceMediumR2') && fit.n >= th('confidenceMediumN') ? 1 : 0;
  const windowS = fit.endTime - fit.startTime;
  if (windowS < th('forecastMinWindowS')) return 'low';
  if (secondsAhead !== null && secondsAhead > th('confidenceMaxExtrapolation') * windowS) level = Math.max(0, level - 1);
  return levels[level]!;
}

/** Coarse history in front of the samples: its source, and the time of the first sample (Infinity: no samples). */
interface History {
  source: string;
  until: number;
}

function makeForecast(
  name: string, kind: Forecast['kind'], source: string, points: Point[], headroomAtEnd: number | null, history: History | null = null,
): Forecast | null {
  const fit = linearFit(points);
  if (!fit) return null;
  const current = points.at(-1)![1];
  const headroom = kind === 'depleting' ? current : headroomAtEnd;
  if (headroom === null) return null;
  const ratePerS = kind === 'depleting' ? -fit.slopePerS : fit.slopePerS;
  const secondsToExhaustion = ratePerS > 0 ? headroom / ratePerS : null;
  const horizonS = th('forecastHorizonS');
  const end = fit.endTime;
  const projEnd = end + Math.min(secondsToExhaustion ?? horizonS, horizonS);
  // From the last observed value at the fitted rate, so the projection meets 0 at the stated time.
  // (predict_linear starts from the fitted value instead; on a good fit the two are close.)
  const projected = current + fit.slopePerS * (projEnd - end);
  return {
    name, kind, source, fit,
    // Said only when the fitted window still holds history points (a reset may have cut them).
    coarseSource: history !== null && fit.startTime < history.until ? history.source : null,
    currentBytes: current,
    headroomBytes: headroom,
    secondsToExhaustion,
    exhaustionTime: secondsToExhaustion === null ? null : end + secondsToExhaustion,
    withinHorizon: secondsToExhaustion !== null && secondsToExhaustion <= horizonS,
    confidence: confidenceOf(fit, secondsToExhaustion),
    windowS: end - fit.startTime,
    horizonS,
    projection: [[end, current], [projEnd, projected]],
  };
}

/** Events after which memory starts over: what came before says nothing about the trend now. */
const RESETS = new Set(['oom-kill', 'reboot', 'process-restart', 'boot']);

/**
 * The points after the last kill, restart or reboot, when enough remain to fit a line: a forecast
 * across an OOM kill would average the collapse with the new climb and predict neither.
 */
export function sinceLastReset(t: Timeline, points: Point[]): Point[] {
  const last = points.at(-1)?.[0];
  if (last === undefined) return points;
  const reset = t.events.reduce<number | null>(
    (latest, e) => (e.time !== null && RESETS.has(e.type) && e.time < last && (latest === null || e.time > latest) ? e.time : latest),
    null,
  );
  if (reset === null) return points;
  const after = points.filter(([time]) => time > reset);
  return after.length >= th('leakMinPoints') ? after : points;
}

function meminfoSource(t: Timeline): string {
  return t.artifacts.meminfo.at(-1)?.source ?? 'proc/meminfo';
}

/** A depleting meminfo field fitted over the samples and, before them, the sysstat history. */
function depletingWithHistory(t: Timeline, key: string): Forecast | null {
  const { points, coarseSource } = meminfoWithHistory(t, key);
  const history = coarseSource === null ? null : { source: coarseSource, until: meminfoSeries(t, key)[0]?.[0] ?? Infinity };
  const source = t.artifacts.meminfo.length > 0 || history === null ? meminfoSource(t) : history.source;
  return makeForecast(key, 'depleting', source, sinceLastReset(t, points), null, history);
}

/** Swap is configured: SwapTotal of the last sample, else swap used + free in the sysstat history. */
function hasSwap(t: Timeline): boolean {
  const total = lastMeminfo(t)?.data.SwapTotal;
  if (total !== undefined) return total > 0;
  const last = (name: string) => coarseByName(t.coarse, name)?.points.at(-1)?.[1] ?? 0;
  return last('SwapFree') + last('swap used') > 0;
}

function availableAtEnd(t: Timeline): number | null {
  return lastMeminfo(t)?.data.MemAvailable ?? null;
}

export function forecastMemAvailable(t: Timeline): Forecast | null {
  return depletingWithHistory(t, 'MemAvailable');
}

export function forecastSwapFree(t: Timeline): Forecast | null {
  return hasSwap(t) ? depletingWithHistory(t, 'SwapFree') : null;
}

function livePid(g: { pid: number; pids: number[]; restarts: { toPid: number }[] }): number {
  return g.restarts.at(-1)?.toPid ?? g.pids.at(-1) ?? g.pid;
}

/** MemAvailable, SwapFree, SUnreclaim, Shmem (tmpfs + shm) and the three fastest-growing processes. */
export function forecastAll(t: Timeline): Forecast[] {
  const avail = availableAtEnd(t);
  const consuming = (name: string, key: string) =>
    makeForecast(name, 'consuming', meminfoSource(t), sinceLastReset(t, meminfoSeries(t, key)), avail);
  // The live pid is the one that will run out: a leaker the OOM killer took is not coming back,
  // and a process absent from the last process sample (killed, exited) has nothing to forecast.
  const lastSampleTime = t.processes.reduce((max, p) => Math.max(max, p.points.at(-1)?.time ?? -Infinity), -Infinity);
  const alive = topGrowingProcesses(t, 3).filter((g) => g.liveSeries.at(-1)?.[0] === lastSampleTime);
  const processForecasts = alive.map((g) =>
    makeForecast(`RSS+swap of ${g.comm} (pid ${livePid(g)})`, 'consuming',
      t.artifacts.procs.at(-1)?.source ?? 'series/procs', g.liveSeries, avail));
  return [
    forecastMemAvailable(t), forecastSwapFree(t),
    consuming('SUnreclaim', 'SUnreclaim'), consuming('Shmem (tmpfs and shared memory)', 'Shmem'),
    ...processForecasts,
  ].filter((f): f is Forecast => f !== null);
}
