import type { ReportEvent } from '../../model/report.js';
import { formatValue } from '../units.js';
import type { Zone } from '../../time/zoned-time.js';
import { bothTimes, type BothTimes } from './times.js';

export interface TimelineRow {
  time: BothTimes | null;
  /** When only the uptime is known (no boot time): `uptime 254.07 s`. */
  uptime: string | null;
  type: string;
  typeLabel: string;
  /** Who and how much: `python3 (pid 11705), anon-rss 61.1 MiB, memcg /app`. */
  summary: string;
  text: string;
  where: string;
}

/** A page-sized timeline; the JSON keeps every event. */
export const TIMELINE_ROWS_MAX = 300;

const TYPE_LABELS: Record<string, string> = {
  'oom-kill': 'OOM kill',
  'oom-invocation': 'OOM invoked',
  'oom-reaper': 'OOM reaper',
  'oom-panic': 'OOM panic',
  'alloc-failure': 'Allocation failure',
  'slub-alloc-failure': 'Slab allocation failure',
  'hung-task': 'Hung task',
  'soft-lockup': 'Soft lockup',
  'process-restart': 'Process restart',
  reboot: 'Reboot',
  boot: 'Boot',
  'drop-caches': 'Caches dropped',
  'network-memory': 'Network memory',
  'sample-gap': 'Sample gap',
  'counter-reset': 'Counter reset',
};

function field(event: ReportEvent, key: string): string | number | null {
  const value = event[key];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function summaryOf(event: ReportEvent): string {
  const parts: string[] = [];
  const comm = field(event, 'comm');
  const pid = field(event, 'pid');
  if (comm !== null) parts.push(pid !== null ? `${comm} (pid ${pid})` : String(comm));
  const anonKb = field(event, 'anonRssKb');
  if (typeof anonKb === 'number') parts.push(`anon-rss ${formatValue(anonKb * 1024, 'bytes')}`);
  const order = field(event, 'order');
  if (order !== null) parts.push(`order ${order}`);
  const memcg = field(event, 'taskMemcg') ?? field(event, 'memcg');
  if (memcg !== null) parts.push(`memcg ${memcg}`);
  else if (field(event, 'scope') === 'global') parts.push('system-wide');
  return parts.join(', ');
}

export function timelineRows(events: ReportEvent[], zone: Zone): { rows: TimelineRow[]; omitted: number } {
  const sorted = [...events].sort((a, b) => (a.time ?? '').localeCompare(b.time ?? '') || (a.uptime ?? 0) - (b.uptime ?? 0));
  const rows = sorted.slice(0, TIMELINE_ROWS_MAX).map((event) => ({
    time: bothTimes(event.time, zone),
    uptime: event.time === null && event.uptime !== null ? `uptime ${event.uptime.toFixed(2)} s` : null,
    type: event.type.replace(/[^a-z-]/g, ''),
    typeLabel: TYPE_LABELS[event.type] ?? event.type,
    summary: summaryOf(event),
    text: event.text,
    where: event.line !== null ? `${event.source}:${event.line}` : event.source,
  }));
  return { rows, omitted: Math.max(0, sorted.length - TIMELINE_ROWS_MAX) };
}
