/**
 * oom-events: each OOM kill, cgroup-scoped or global, its victim compared with the process that
 * actually grew, and swap-out, PSI and MemAvailable in the minutes before.
 */
import { formatBytes } from '../format/bytes.js';
import { leakingProcesses } from '../computed/leaks.js';
import { samplesBetween, timeWindow } from '../computed/series.js';
import type { DetailsTable } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { oomKills, type TimedOomKill } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { eventEvidence, fmtDuration, fmtWhen, iso } from './format.js';
import { aimOf, type KillAim } from './oom-aim.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

/** "In the 5 minutes before: …" from whatever series cover that window. */
function contextBefore(t: Timeline, time: number | null): string {
  if (time === null) return ' Its wall time is unknown (no boot time), so the minutes before cannot be shown.';
  const w = th('oomContextWindowS');
  const parts: string[] = [];
  const swap = t.rates.get('pswpout');
  if (swap) {
    const { start, end } = timeWindow(swap.times.length, (i) => swap.times[i]!, time - w, time);
    const vals = swap.perSecond.slice(start, end);
    if (vals.length > 0) parts.push(`swap-out up to ${Math.max(...vals).toFixed(1)} pages/s`);
  }
  const psi = samplesBetween(t.artifacts.pressure, time - w, time);
  if (psi.length > 0) {
    parts.push(`PSI some avg10 up to ${Math.max(...psi.map((s) => s.data.some?.avg10 ?? 0))}%, full up to ${Math.max(...psi.map((s) => s.data.full?.avg10 ?? 0))}%`);
  }
  const avail = samplesBetween(t.artifacts.meminfo, time - w, time).flatMap((s) => s.data.MemAvailable ?? []);
  if (avail.length > 0) parts.push(`MemAvailable down to ${formatBytes(Math.min(...avail))}`);
  return parts.length > 0 ? ` In the ${fmtDuration(w)} before: ${parts.join('; ')}.` : ' No samples cover the minutes before it.';
}

function killSeverity(t: Timeline, k: TimedOomKill): Signal['severity'] {
  if (k.scope !== 'memcg') return 'critical';
  // A cgroup kill is the limit doing its job; one from before the capture is history.
  const start = t.info.start;
  return start !== null && k.time !== null && k.time < start ? 'info' : 'warning';
}

function killSignal(t: Timeline, a: KillAim): Signal {
  const k = a.kill;
  const scope = k.scope === 'memcg'
    ? `a memory-cgroup kill inside ${k.memcg ?? '?'} (its limit was hit; the rest of the machine was not out of memory)`
    : k.scope === 'global' ? 'a global kill (the whole machine was out of memory)' : 'an OOM kill of unknown scope';
  const when = k.time !== null ? `At ${fmtWhen(t, k.time)}` : `At uptime ${k.uptime ?? '?'} s`;
  const old = killSeverity(t, k) === 'info' && k.time !== null && t.info.start !== null ? ` It happened ${fmtDuration(t.info.start - k.time)} before the capture started.` : '';
  return {
    severity: killSeverity(t, k),
    text: `${when}, ${scope}: the kernel killed ${k.comm} (pid ${k.pid}, anon-rss ${k.anonRssKb ?? '?'} kB, oom_score_adj ${k.oomScoreAdj ?? '?'})`
      + `${a.invocation ? `, triggered by ${a.invocation.comm}${a.invocation.pid !== null ? ` (pid ${a.invocation.pid})` : ''}` : ''}. ${a.sentence}${old}${contextBefore(t, k.time)}`,
    evidence: [...(a.invocation ? [eventEvidence(a.invocation)] : []), eventEvidence(k)],
  };
}

function killTable(aims: KillAim[]): DetailsTable {
  return {
    type: 'table',
    title: 'OOM kills',
    headings: [
      { key: 'time', label: 'Time', unit: 'time' }, { key: 'scope', label: 'Scope', unit: 'text' }, { key: 'memcg', label: 'Memory cgroup', unit: 'text' },
      { key: 'victim', label: 'Victim', unit: 'text' }, { key: 'pid', label: 'PID', unit: 'count' }, { key: 'anon', label: 'anon-rss', unit: 'bytes' },
      { key: 'adj', label: 'oom_score_adj', unit: 'count' }, { key: 'aim', label: 'Aimed at', unit: 'text' },
    ],
    rows: aims.map((a) => ({
      time: a.kill.time === null ? null : iso(a.kill.time), scope: a.kill.scope, memcg: a.kill.memcg, victim: a.kill.comm, pid: a.kill.pid,
      anon: a.kill.anonRssKb === null ? null : a.kill.anonRssKb * 1024, adj: a.kill.oomScoreAdj, aim: a.verdict,
    })),
  };
}

export const oomEventsAudit: Audit = {
  id: 'oom-events',
  title: 'OOM kills',
  requires: ['kernel-log'],
  run(ctx) {
    const t = ctx.timeline;
    const leaks = ctx.computed.get(leakingProcesses);
    const aims = oomKills(t).map((k) => aimOf(t, k, leaks));
    if (aims.length === 0) return null;
    const global = aims.filter((a) => a.kill.scope !== 'memcg').length;
    const title = `${aims.length} OOM kill(s): ${global} global, ${aims.length - global} in a memory cgroup`;
    return composeFinding('oom-events', title, aims.map((a) => killSignal(t, a)), { details: [killTable(aims)] });
  },
};
