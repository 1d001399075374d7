/** Wording helpers shared by the audits: sizes, times, durations and evidence lines. */
import type { Duration } from 'date-fns';
import { formatDuration } from 'date-fns/formatDuration';
import { intervalToDuration } from 'date-fns/intervalToDuration';
import type { Sample } from '../model/artifacts.js';
import type { Evidence } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { describeTime } from '../time/zoned-time.js';

export function fmtPct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

export function fmtMBh(mbPerHour: number): string {
  return `${mbPerHour >= 100 ? Math.round(mbPerHour) : mbPerHour.toFixed(1)} MiB/h`;
}

/** Epoch seconds → ISO 8601 UTC. */
export function iso(epochS: number): string {
  return new Date(epochS * 1000).toISOString();
}

/** 5400 → "1 hour 30 minutes"; seconds shown only below an hour. */
export function fmtDuration(seconds: number): string {
  const d = intervalToDuration({ start: 0, end: Math.round(seconds) * 1000 });
  const format: (keyof Duration)[] = seconds < 3600 ? ['minutes', 'seconds'] : ['years', 'months', 'days', 'hours', 'minutes'];
  return formatDuration(d, { format }) || '0 seconds';
}

export function sampleEvidence(sample: Pick<Sample<unknown>, 'source' | 'line' | 'time'>, text: string): Evidence {
  return { source: sample.source, line: sample.line, time: iso(sample.time), text };
}

/** Evidence for a kernel-log or derived event (time is null when no boot time is known). */
export function eventEvidence(ev: { source: string; line: number | null; time: number | null; text: string }): Evidence {
  return {
    source: ev.source,
    ...(ev.line !== null ? { line: ev.line } : {}),
    ...(ev.time !== null ? { time: iso(ev.time) } : {}),
    text: ev.text,
  };
}

/** A time for prose, in the server's zone and UTC (evidence and table cells keep ISO UTC). */
export function fmtWhen(t: Timeline, epochS: number): string {
  return describeTime(epochS * 1000, t.info.timezone);
}
