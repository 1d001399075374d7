import type { ReportEvent } from '../model/report.js';
import type { TimelineEvent } from '../model/timeline.js';
import { isoTime } from './iso-time.js';

/** Fields every timeline event has; the rest are type-specific and copied as they are. */
const BASE_FIELDS = new Set(['type', 'time', 'uptime', 'wallTime', 'source', 'line', 'text', 'boot']);

/**
 * Timeline events → the JSON contract's events: ISO times, the kernel's own fields kept
 * (oom-kill: pid, comm, anonRssKb, … scope, memcg) and nothing invented (absent stays null).
 */
export function reportEvents(events: TimelineEvent[]): ReportEvent[] {
  return events.map((event) => {
    const out: ReportEvent = {
      type: event.type,
      time: isoTime(event.time),
      uptime: 'uptime' in event && typeof event.uptime === 'number' ? event.uptime : null,
      source: event.source,
      line: event.line ?? null,
      text: event.text,
    };
    if ('boot' in event) out.boot = event.boot;
    for (const [key, value] of Object.entries(event)) {
      if (!BASE_FIELDS.has(key)) out[key] = value;
    }
    return out;
  });
}
