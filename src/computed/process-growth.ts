/**
 * Growth of each process track (series/procs, followed by comm across restarts) and of each pid's
 * Private_Dirty (series/smaps_rollup). The fit covers the latest pid only: a restart drops RSS back,
 * and fitting across it would hide the climb that matters.
 */
import type { ProcessPoint, ProcessTrack, Timeline } from '../model/timeline.js';
import { linearFit, slopeMBPerHour, type LinearFit, type Point } from './linear-fit.js';

export interface ProcessGrowth {
  comm: string;
  /** The pid the fit describes (the latest one of the track). */
  pid: number;
  pids: number[];
  /** RSS + swap of `pid` over time: a leak that is being swapped out keeps growing here. */
  fit: LinearFit | null;
  /** The (time, RSS + swap) points of `pid` that the fit used. */
  series: Point[];
  slopeMBPerHour: number;
  first: ProcessPoint;
  last: ProcessPoint;
  /** Largest RSS + swap seen for any pid of the track. */
  peakBytes: number;
  peakTime: number;
  growthBytes: number;
  restarts: ProcessTrack['restarts'];
}

const footprint = (p: ProcessPoint): number => p.rssBytes + p.swapBytes;

function growthOf(track: ProcessTrack): ProcessGrowth | null {
  const lastPid = track.points.at(-1)?.pid;
  if (lastPid === undefined) return null;
  const own = track.points.filter((p) => p.pid === lastPid);
  const peak = track.points.reduce((a, b) => (footprint(b) > footprint(a) ? b : a));
  const series = own.map((p): Point => [p.time, footprint(p)]);
  const fit = linearFit(series);
  const first = own[0]!, last = own.at(-1)!;
  return {
    comm: track.comm,
    pid: lastPid,
    pids: track.pids,
    fit,
    series,
    slopeMBPerHour: fit ? slopeMBPerHour(fit) : 0,
    first,
    last,
    peakBytes: footprint(peak),
    peakTime: peak.time,
    growthBytes: footprint(last) - footprint(first),
    restarts: track.restarts,
  };
}

/** Every track with at least one point, fastest grower first. */
export function processGrowth(t: Timeline): ProcessGrowth[] {
  return t.processes
    .map(growthOf)
    .filter((g): g is ProcessGrowth => g !== null)
    .sort((a, b) => b.slopeMBPerHour - a.slopeMBPerHour);
}

export function topGrowingProcesses(t: Timeline, n: number): ProcessGrowth[] {
  return processGrowth(t).filter((g) => g.slopeMBPerHour > 0).slice(0, n);
}

export interface PrivateDirtyGrowth {
  pid: number;
  comm: string;
  fit: LinearFit | null;
  slopeMBPerHour: number;
  firstBytes: number;
  lastBytes: number;
  firstTime: number;
  lastTime: number;
  source: string;
}

/** Private_Dirty (heap and other private anonymous writes) per pid across series/smaps_rollup. */
export function privateDirtyGrowth(t: Timeline): PrivateDirtyGrowth[] {
  const byPid = new Map<number, { comm: string; source: string; points: Point[] }>();
  for (const sample of t.artifacts.smapsRollup) {
    for (const e of sample.data) {
      const v = e.rollup.Private_Dirty;
      if (v === undefined) continue;
      const entry = byPid.get(e.pid) ?? { comm: e.comm, source: sample.source, points: [] };
      entry.points.push([sample.time, v]);
      byPid.set(e.pid, entry);
    }
  }
  return [...byPid].map(([pid, { comm, source, points }]) => {
    const fit = linearFit(points);
    return {
      pid, comm, fit, source,
      slopeMBPerHour: fit ? slopeMBPerHour(fit) : 0,
      firstBytes: points[0]![1], lastBytes: points.at(-1)![1],
      firstTime: points[0]![0], lastTime: points.at(-1)![0],
    };
  }).sort((a, b) => b.slopeMBPerHour - a.slopeMBPerHour);
}
