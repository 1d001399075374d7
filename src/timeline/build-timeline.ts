/**
 * buildTimeline: the one wall-clock model. Bundle facts with fallbacks, kernel events on the wall
 * clock (once each, however many logs hold them), vmstat counters as rates, processes tracked
 * across samples, derived events (restarts, counter resets, sampling gaps, reboots), all sorted on one
 * axis, and the sysstat history as coarse series. Caveats of the clock: docs/timeline.md.
 */
import type { Artifacts } from '../model/artifacts.js';
import type { Timeline, TimelineEvent } from '../model/timeline.js';
import { bundleInfo, longestSeries } from './bundle-info.js';
import { dedupeKernelEvents } from './dedupe-events.js';
import { withWallTimes } from './kernel-times.js';
import { buildProcessTracks } from './process-tracks.js';
import { buildRates } from './rates.js';
import { rebootEvents } from './reboots.js';
import { sampleGaps } from './sample-gaps.js';
import { sysstatSeries } from './sysstat.js';
import { timelineDiagnostics } from './quality.js';

/** By time; events without a time last, in source and line order, so the order is stable. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.time !== null && b.time !== null && a.time !== b.time) return a.time - b.time;
  if (a.time === null && b.time !== null) return 1;
  if (a.time !== null && b.time === null) return -1;
  return a.source.localeCompare(b.source) || (a.line ?? 0) - (b.line ?? 0);
}

export function buildTimeline(a: Artifacts): Timeline {
  const info = bundleInfo(a);
  const { rates, resets } = buildRates(a.vmstat);
  const { tracks, restarts } = buildProcessTracks(a.procs);
  const gaps = sampleGaps(longestSeries(a), info.intervalS);
  const kernel = dedupeKernelEvents(withWallTimes(a.kernelEvents, info.bootTime));
  const reboots = rebootEvents(kernel, info.bootTime, info.bootTimeSource);
  const events: TimelineEvent[] = [...kernel, ...resets, ...restarts, ...gaps, ...reboots];
  events.sort(compareEvents);
  const diagnostics = timelineDiagnostics(a, info, events);
  const artifacts = diagnostics.length > 0 ? { ...a, diagnostics: [...a.diagnostics, ...diagnostics] } : a;
  return { info, artifacts, rates, processes: tracks, events, coarse: sysstatSeries(a.sadf) };
}

export { RATE_COUNTERS, RATE_COUNTER_PREFIXES, ALLOCSTALL_SUM } from './rate-counters.js';
