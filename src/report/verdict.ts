import type { OomKillEvent } from '../model/kernel-events.js';
import { ROOT_CAUSE_IDS, type Finding, type FindingSeverity, type Verdict } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { isoTime } from './iso-time.js';

const SEVERITY_RANK: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** The root cause to lead with: the most severe root-cause finding, runbook order breaking ties. */
export function leadingRootCause(findings: Finding[]): Finding | null {
  const candidates = findings
    .filter((f) => (ROOT_CAUSE_IDS as readonly string[]).includes(f.id) && f.severity !== 'info')
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        ROOT_CAUSE_IDS.indexOf(a.id as never) - ROOT_CAUSE_IDS.indexOf(b.id as never),
    );
  return candidates[0] ?? null;
}

function whatDied(t: Timeline): string | null {
  const kills = t.events.filter((e): e is OomKillEvent & { time: number | null } => e.type === 'oom-kill');
  if (kills.length === 0) return null;
  const last = kills.at(-1)!;
  const when = isoTime(last.time) ?? (last.uptime !== null ? `${last.uptime.toFixed(0)} s after boot` : 'at an unknown time');
  const where = last.scope === 'memcg' ? ` in memory cgroup ${last.taskMemcg ?? last.memcg ?? '(unknown)'}` : last.scope === 'global' ? ' (system-wide OOM)' : '';
  const lead = kills.length === 1 ? 'The OOM killer killed' : `The OOM killer fired ${kills.length} times; the last kill was`;
  return `${lead} ${last.comm} (pid ${last.pid}) at ${when}${where}.`;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return (match ? match[1]! : text).trim();
}

/** Two or three sentences: what died and when, the root cause, the fix. */
export function buildVerdict(t: Timeline, findings: Finding[]): Verdict {
  const died = whatDied(t);
  const cause = leadingRootCause(findings);
  if (!cause) {
    const worst = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
    const text = [
      died,
      worst && worst.severity !== 'info'
        ? `No root cause of the seven stands out; the most serious finding: ${worst.title}. ${firstSentence(worst.summary)}`
        : 'No memory incident found: none of the seven root causes shows in this bundle.',
    ]
      .filter(Boolean)
      .join(' ');
    return { text, rootCause: null, severity: worst && worst.severity !== 'info' ? worst.severity : 'ok' };
  }
  const fix = cause.remediation[0];
  const sentences = [
    died ?? (cause.severity === 'critical' ? 'No process was killed by the OOM killer in this capture.' : null),
    `Root cause: ${cause.title}. ${firstSentence(cause.summary)}`,
    fix ? `Fix: ${firstSentence(fix.text)}` : null,
  ];
  return { text: sentences.filter(Boolean).join(' '), rootCause: cause.id, severity: cause.severity };
}
