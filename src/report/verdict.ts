import type { OomKillEvent } from '../model/kernel-events.js';
import { ROOT_CAUSE_IDS, type Finding, type FindingSeverity, type Verdict } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { describeTime } from '../time/zoned-time.js';

const SEVERITY_RANK: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Root-cause findings at warning or worse, most severe first, runbook order breaking ties. */
function rootCauses(findings: Finding[]): Finding[] {
  return findings
    .filter((f) => (ROOT_CAUSE_IDS as readonly string[]).includes(f.id) && f.severity !== 'info')
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        ROOT_CAUSE_IDS.indexOf(a.id as never) - ROOT_CAUSE_IDS.indexOf(b.id as never),
    );
}

/**
 * Kills inside the capture window; older ones in the kernel log are history. Five seconds of slack
 * at the start cover btime's whole-second cut and the first sample's lag.
 */
function killsInWindow(t: Timeline): { inWindow: (OomKillEvent & { time: number | null })[]; earlier: number } {
  const kills = t.events.filter((e): e is OomKillEvent & { time: number | null } => e.type === 'oom-kill');
  const start = t.info.start;
  if (start === null) return { inWindow: kills, earlier: 0 };
  const inWindow = kills.filter((k) => k.time === null || k.time >= start - 5);
  return { inWindow, earlier: kills.length - inWindow.length };
}

function whatDied(t: Timeline): string | null {
  const { inWindow: kills, earlier } = killsInWindow(t);
  if (kills.length === 0) {
    return earlier > 0 ? `No OOM kill during the capture (the kernel log holds ${earlier} from before it).` : null;
  }
  const last = kills.at(-1)!;
  const when =
    last.time !== null
      ? describeTime(last.time * 1000, t.info.timezone)
      : last.uptime !== null
        ? `${last.uptime.toFixed(0)} s after boot`
        : 'an unknown time';
  const where =
    last.scope === 'memcg'
      ? `, inside memory cgroup ${last.taskMemcg ?? last.memcg ?? '(unknown)'}`
      : last.scope === 'global'
        ? ', a system-wide OOM'
        : '';
  const lead = kills.length === 1 ? 'The OOM killer killed' : `The OOM killer fired ${kills.length} times; the last kill was`;
  return `${lead} ${last.comm} (pid ${last.pid}) at ${when}${where}.`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return (match ? match[1]! : text).trim();
}

/** Two or three sentences: what died and when, the root cause, the fix. */
export function buildVerdict(t: Timeline, findings: Finding[]): Verdict {
  const died = whatDied(t);
  const killed = killsInWindow(t).inWindow.length > 0;
  const causes = rootCauses(findings);
  // Memory ran out and nothing was killed: what defines the incident is the OOM killer that could
  // not act (the machine hung instead of recovering); what filled memory compounds it.
  const neutered = causes.findIndex((f) => f.id === 'oom-killer-neutered' && f.severity === 'critical');
  if (!killed && neutered > 0) causes.unshift(...causes.splice(neutered, 1));
  const cause = causes[0] ?? null;
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
  // Other critical root causes compound the first (a leak the OOM killer was kept from stopping).
  const compounding = causes.slice(1).filter((f) => f.severity === 'critical');
  const also = compounding.length > 0 ? ` Compounded by: ${compounding.map((f) => lowerFirst(f.title)).join('; ')}.` : '';
  const sentences = [
    died ?? (cause.severity === 'critical' ? 'No process was killed by the OOM killer during the capture.' : null),
    `Root cause: ${cause.title}. ${firstSentence(cause.summary)}${also}`,
    fix ? `Fix: ${firstSentence(fix.text)}` : null,
  ];
  return { text: sentences.filter(Boolean).join(' '), rootCause: cause.id, severity: cause.severity };
}
