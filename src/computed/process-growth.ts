/**
 * Growth of each process track (series/procs, followed by comm across restarts) and of each pid's
 * Private_Dirty (series/smaps_rollup). Each pid is fitted on its own points: a restart drops RSS
 * back, and fitting across it would hide the climb; several workers share a comm and must not be
 * mixed. The track is described by the pid that grew most (the one that ran longest into trouble).
 */
import type { ProcessPoint, ProcessTrack, Timeline } from '../model/timeline.js';
import { linearFit, slopeMBPerHour, type LinearFit, type Point } from './linear-fit.js';

export interface ProcessGrowth {
  comm: string;
  /** The pid the fit describes: the one of the track that grew most. */
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
  /**
   * Growth of the pid's anonymous memory (smaps_rollup Anonymous + Swap) over the same window, or
   * null without smaps_rollup samples. Much less than growthBytes means the RSS grew in file-backed
   * mappings (mmap retention), not in the heap.
   */
  anonGrowthBytes: number | null;
  /** (time, RSS + swap) of the track's live pid, the latest one: what a forecast projects. */
  liveSeries: Point[];
  /** The other pids of the track with their own slopes (a restarted leaker climbs again). */
  otherPids: { pid: number; slopeMBPerHour: number; points: number }[];
  restarts: ProcessTrack['restarts'];
}

const footprint = (p: ProcessPoint): number => p.rssBytes + p.swapBytes;

interface PidSegment {
  pid: number;
  points: ProcessPoint[];
  fit: LinearFit | null;
  growthBytes: number;
}

function segmentsOf(track: ProcessTrack): PidSegment[] {
  const byPid = new Map<number, ProcessPoint[]>();
  for (const p of track.points) {
    const list = byPid.get(p.pid);
    if (list) list.push(p);
    else byPid.set(p.pid, [p]);
  }
  return [...byPid].map(([pid, points]) => ({
    pid,
    points,
    fit: linearFit(points.map((p): Point => [p.time, footprint(p)])),
    growthBytes: footprint(points.at(-1)!) - footprint(points[0]!),
  }));
}

/** Anonymous + Swap of one pid from series/smaps_rollup between two times, or null when not sampled. */
function anonGrowth(t: Timeline, pid: number, from: number, to: number): number | null {
  const values: number[] = [];
  for (const sample of t.artifacts.smapsRollup) {
    if (sample.time < from || sample.time > to) continue;
    const entry = sample.data.find((e) => e.pid === pid);
    const anon = entry?.rollup.Anonymous;
    if (anon !== undefined) values.push(anon + (entry!.rollup.Swap ?? 0));
  }
  return values.length >= 2 ? values.at(-1)! - values[0]! : null;
}

function growthOf(t: Timeline, track: ProcessTrack): ProcessGrowth | null {
  const segments = segmentsOf(track);
  if (segments.length === 0) return null;
  const best = segments.reduce((a, b) => (b.growthBytes > a.growthBytes ? b : a));
  const peak = track.points.reduce((a, b) => (footprint(b) > footprint(a) ? b : a));
  const first = best.points[0]!, last = best.points.at(-1)!;
  const livePid = track.points.at(-1)!.pid;
  const live = segments.find((seg) => seg.pid === livePid)!;
  return {
    comm: track.comm,
    pid: best.pid,
    pids: track.pids,
    fit: best.fit,
    series: best.points.map((p): Point => [p.time, footprint(p)]),
    slopeMBPerHour: best.fit ? slopeMBPerHour(best.fit) : 0,
    first,
    last,
    peakBytes: footprint(peak),
    peakTime: peak.time,
    growthBytes: best.growthBytes,
    anonGrowthBytes: anonGrowth(t, best.pid, first.time, last.time),
    liveSeries: live.points.map((p): Point => [p.time, footprint(p)]),
    otherPids: segments
      .filter((s) => s !== best)
      .map((s) => ({ pid: s.pid, slopeMBPerHour: s.fit ? slopeMBPerHour(s.fit) : 0, points: s.points.length })),
    restarts: track.restarts,
  };
}

/** Every track with at least one point, fastest grower first. */
export function processGrowth(t: Timeline): ProcessGrowth[] {
  return t.processes
    .map((track) => growthOf(t, track))
    .filter((g): g is ProcessGrowth => g !== null)
    .sort((a, b) => b.slopeMBPerHour - a.slopeMBPerHour);
}

/** The `n` fastest growers of processGrowth's list (pass the memoised one when there is a cache). */
export function topGrowing(growth: ProcessGrowth[], n: number): ProcessGrowth[] {
  return growth.filter((g) => g.slopeMBPerHour > 0).slice(0, n);
}

export function topGrowingProcesses(t: Timeline, n: number): ProcessGrowth[] {
  return topGrowing(processGrowth(t), n);
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
