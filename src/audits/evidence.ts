/** Evidence lookups that need the timeline: which record a process point or an event came from. */
import type { Evidence } from '../model/report.js';
import type { OomKillEvent } from '../model/kernel-events.js';
import type { Timeline, TimelineEvent } from '../model/timeline.js';
import { iso, sampleEvidence } from './format.js';

/** The bundle path of an artifact whose path matches `pattern`, or `fallback` when the index has none. */
export function artifactPath(t: Timeline, pattern: RegExp, fallback: string): string {
  return t.artifacts.index.find((e) => pattern.test(e.path))?.path ?? fallback;
}

/** Evidence for a process-track point: the series/procs record at that time when there is one. */
export function processPointEvidence(t: Timeline, time: number, text: string): Evidence {
  const sample = t.artifacts.procs.find((s) => s.time === time);
  return sample ? sampleEvidence(sample, text) : { source: t.artifacts.procs[0]?.source ?? 'series/procs', time: iso(time), text };
}

export type TimedOomKill = OomKillEvent & { time: number | null };

export function oomKills(t: Timeline): TimedOomKill[] {
  return t.events.filter((e): e is TimedOomKill => e.type === 'oom-kill');
}

export function eventsOfType<K extends TimelineEvent['type']>(t: Timeline, type: K): Extract<TimelineEvent, { type: K }>[] {
  return t.events.filter((e): e is Extract<TimelineEvent, { type: K }> => e.type === type);
}
