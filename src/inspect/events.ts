/** Kernel and derived events: every OOM kill in full (time, victim, scope, memcg), the rest listed. */
import type { OomKillEvent } from '../model/kernel-events.js';
import type { Timeline, TimelineEvent } from '../model/timeline.js';
import { columns, formatBytes, formatTime, safe, type Painter } from './format.js';

export const OTHER_EVENTS_SHOWN = 15;

type TimedOomKill = OomKillEvent & { time: number | null };

const isOomKill = (e: TimelineEvent): e is TimedOomKill => e.type === 'oom-kill';

function when(e: TimelineEvent): string {
  if (e.time !== null) return formatTime(e.time);
  return e.uptime != null ? `uptime ${e.uptime.toFixed(6)} s` : 'time unknown';
}

function oomKillRow(e: TimedOomKill): string[] {
  const rss = e.anonRssKb !== null ? `anon-rss ${formatBytes(e.anonRssKb * 1024)}` : '';
  const memcg = e.memcg ?? e.taskMemcg;
  // The memcg path last: long, and the first thing a narrow terminal may cut.
  return [
    when(e),
    `pid ${e.pid} ${safe(e.comm, 24)}`,
    e.scope ?? 'scope ?',
    rss,
    `${safe(e.source, 40)}:${e.line}`,
    memcg !== null ? `memcg ${safe(memcg, 200)}` : '',
  ];
}

export function eventsSection(t: Timeline, p: Painter): string[] {
  const kills = t.events.filter(isOomKill);
  const others = t.events.filter((e) => !isOomKill(e));
  const lines = [p('bold', 'Events') + `  ${kills.length} OOM kill(s), ${others.length} other event(s)`];
  if (kills.length > 0) {
    lines.push(...columns(kills.map(oomKillRow)).map((l) => p('red', l)));
  }
  if (others.length > 0) {
    const rows = others.slice(0, OTHER_EVENTS_SHOWN).map((e) => [when(e), e.type, safe(e.text, 70), `${safe(e.source, 40)}:${e.line ?? '-'}`]);
    lines.push(...columns(rows));
    if (others.length > OTHER_EVENTS_SHOWN) lines.push(p('dim', `  … ${others.length - OTHER_EVENTS_SHOWN} more`));
  }
  if (t.events.some((e) => e.time === null && e.uptime != null)) {
    lines.push(p('dim', '  events without a wall time: no boot time known, or from an earlier boot'));
  }
  return lines;
}
