/**
 * Follows processes across `procs` samples, one track per comm. A pid reused by another command
 * lands in that command's track, so it never extends the old one. A restart is a single-instance
 * command whose only pid vanishes while its only new pid appears, with RSS dropping back below
 * RESTART_RSS_RATIO of the old one. Commands that run several processes at once (workers, shells,
 * `node` test runners) come and go all the time; pairing their pids would invent restarts, so they
 * get none. A vanished pid that shows up again later was not restarted (it had only dropped out of
 * a compacted sample), so such pairs are discarded too.
 */
import type { Sample } from '../model/artifacts.js';
import type { ProcRow } from '../model/sources.js';
import type { DerivedEvent, ProcessTrack } from '../model/timeline.js';
import { preferSeries } from './known-times.js';

export const RESTART_RSS_RATIO = 0.5;
/** Tracks kept, by peak RSS+swap: bounds memory on long recordings with many small processes. */
export const TRACKS_KEPT = 30;

type Restart = ProcessTrack['restarts'][number];

interface TrackState {
  track: ProcessTrack;
  /** pid → RSS in the latest sample, for the pids present in it. */
  alive: Map<number, number>;
  /** pid → time of the latest sample that showed it. */
  lastSeen: Map<number, number>;
  peakBytes: number;
  candidates: { restart: Restart; source: string; line: number }[];
}

function newTrack(comm: string): TrackState {
  return { track: { comm, pids: [], points: [], restarts: [] }, alive: new Map(), lastSeen: new Map(), peakBytes: 0, candidates: [] };
}

/** One pid before, another one now, and RSS dropped back: a candidate restart. */
function findRestart(state: TrackState, now: Map<number, number>, sample: Sample<ProcRow[]>): void {
  if (state.alive.size !== 1 || now.size !== 1) return;
  const [fromPid, rssBeforeBytes] = [...state.alive][0]!;
  const [toPid, rssAfterBytes] = [...now][0]!;
  if (fromPid === toPid || state.lastSeen.has(toPid)) return;
  if (rssAfterBytes < rssBeforeBytes * RESTART_RSS_RATIO) {
    state.candidates.push({ restart: { time: sample.time, fromPid, toPid, rssBeforeBytes, rssAfterBytes }, source: sample.source, line: sample.line });
  }
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

function restartEvent(comm: string, c: TrackState['candidates'][number]): DerivedEvent {
  const r = c.restart;
  return {
    type: 'process-restart',
    time: r.time,
    source: c.source,
    line: c.line,
    text: `${comm} restarted: pid ${r.fromPid} (${mib(r.rssBeforeBytes)} MiB RSS) → pid ${r.toPid} (${mib(r.rssAfterBytes)} MiB)`,
  };
}

export function buildProcessTracks(procs: Sample<ProcRow[]>[]): { tracks: ProcessTrack[]; restarts: DerivedEvent[] } {
  const tracks = new Map<string, TrackState>();
  let aliveComms = new Set<string>();
  for (const sample of preferSeries(procs)) {
    const byComm = new Map<string, Map<number, number>>();
    for (const row of sample.data) {
      let state = tracks.get(row.comm);
      if (!state) tracks.set(row.comm, (state = newTrack(row.comm)));
      state.track.points.push({ time: sample.time, pid: row.pid, rssBytes: row.rssBytes, swapBytes: row.swapBytes, oomScoreAdj: row.oomScoreAdj });
      state.peakBytes = Math.max(state.peakBytes, row.rssBytes + row.swapBytes);
      let pids = byComm.get(row.comm);
      if (!pids) byComm.set(row.comm, (pids = new Map()));
      pids.set(row.pid, row.rssBytes);
    }
    for (const comm of new Set([...aliveComms, ...byComm.keys()])) {
      const state = tracks.get(comm)!;
      const now = byComm.get(comm) ?? new Map<number, number>();
      findRestart(state, now, sample);
      for (const pid of now.keys()) {
        if (!state.lastSeen.has(pid)) state.track.pids.push(pid);
        state.lastSeen.set(pid, sample.time);
      }
      state.alive = now;
    }
    aliveComms = new Set(byComm.keys());
  }
  const kept = [...tracks.values()].sort((a, b) => b.peakBytes - a.peakBytes).slice(0, TRACKS_KEPT);
  const restarts: DerivedEvent[] = [];
  for (const state of kept) {
    const confirmed = state.candidates.filter((c) => (state.lastSeen.get(c.restart.fromPid) ?? 0) < c.restart.time);
    state.track.restarts = confirmed.map((c) => c.restart);
    for (const c of confirmed) restarts.push(restartEvent(state.track.comm, c));
  }
  return { tracks: kept.map((s) => s.track), restarts };
}
