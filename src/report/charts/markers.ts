import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';

/** Event types drawn as vertical markers on every time chart. */
const MARKED = new Set(['oom-kill', 'alloc-failure', 'hung-task', 'process-restart', 'reboot', 'drop-caches']);

/** Incident markers on the shared time axis, inside the charted window only. */
export function incidentMarkers(t: Timeline): ChartData['markers'] {
  const markers: ChartData['markers'] = [];
  for (const e of t.events) {
    if (e.time === null || !MARKED.has(e.type)) continue;
    const who = 'comm' in e && typeof e.comm === 'string' ? ` ${e.comm}` : '';
    const pid = 'pid' in e && typeof e.pid === 'number' ? ` (${e.pid})` : '';
    markers.push({ time: e.time, label: `${e.type}${who}${pid}`, type: e.type });
  }
  return markers;
}
