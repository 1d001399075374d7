/** The header (host, kernel, span, boot) and the number of samples per series. */
import type { Sample } from '../model/artifacts.js';
import type { Timeline } from '../model/timeline.js';
import { columns, formatSpan, formatTime, safe, type Painter } from './format.js';

export function overviewSection(t: Timeline, p: Painter): string[] {
  const i = t.info;
  const a = t.artifacts;
  const span = i.start !== null && i.end !== null ? `${formatTime(i.start)} → ${formatTime(i.end)} (${formatSpan(i.start, i.end)})` : 'unknown';
  const boot = i.bootTime !== null ? `${formatTime(i.bootTime)} (from ${i.bootTimeSource})` : 'unknown: uptime stamps stay unconverted';
  const rows = [
    ['Input', `${safe(a.origin, 120)} (${a.kind})`],
    ['Host', safe(i.host)],
    ['Kernel', `${safe(i.kernel)}${i.arch ? ` (${safe(i.arch)})` : ''}`],
    ['Span', span],
    ['Boot', boot],
    ['Interval', i.intervalS !== null ? `${i.intervalS} s` : '-'],
    ['Collector', `${safe(i.collectorVersion)}${i.synthetic ? p('yellow', ' (synthetic bundle)') : ''}`],
  ];
  return [p('bold', 'memtrail inspect'), ...columns(rows)];
}

/** Sample lists by the name the report uses. */
export function seriesCounts(t: Timeline): [string, Sample<unknown>[]][] {
  const a = t.artifacts;
  return [
    ['meminfo', a.meminfo], ['vmstat', a.vmstat], ['vmstat-table', a.vmstatTable], ['buddyinfo', a.buddyinfo],
    ['slabinfo', a.slabinfo], ['zoneinfo', a.zoneinfo], ['pressure', a.pressure], ['swaps', a.swaps],
    ['procs', a.procs], ['smaps_rollup', a.smapsRollup], ['cgroups', a.cgroups],
  ];
}

/** The first few distinct sources (one per cgroup directory can make hundreds). */
function listSources(sources: string[], shown = 3): string {
  const distinct = [...new Set(sources)];
  const names = distinct.slice(0, shown).map((s) => safe(s)).join(', ');
  return distinct.length > shown ? `${names} and ${distinct.length - shown} more` : names;
}

export function samplesSection(t: Timeline, p: Painter): string[] {
  const rows = seriesCounts(t)
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => [name, String(list.length), listSources(list.map((s) => s.source))]);
  const a = t.artifacts;
  if (a.sadf.length > 0) rows.push(['sadf', String(a.sadf.length), 'sysstat history (sadf -d)']);
  if (a.kernelLogSources.length > 0) rows.push(['kernel log', String(a.kernelEvents.length), `events from ${listSources(a.kernelLogSources)}`]);
  return [p('bold', 'Samples'), ...(rows.length > 0 ? columns(rows, [false, true]) : ['  none'])];
}
