/**
 * oom-killer-neutered (runbook Root Cause 4): the OOM killer cannot act or aims wrong.
 * overcommit_memory=1, processes at oom_score_adj -1000 (worst when the leaker is one of them),
 * memcg oom_kill_disable (with under_oom, failcnt and tasks stuck in D), memory exhausted with no
 * kill following, and oom_kill_allocating_task=0 when a kill hit a bystander.
 */
import { formatBytes } from '../format/bytes.js';
import { shellQuote } from '../format/quoting.js';
import { leakingProcesses } from '../computed/leaks.js';
import type { ProcessGrowth } from '../computed/process-growth.js';
import type { DetailsTable } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { oomKills } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtDuration, fmtWhen, sampleEvidence } from './format.js';
import { aimOf } from './oom-aim.js';
import { sysctlConfRemediation } from './remediation.js';
import { sysctlEvidence, sysctlValue } from './sysctl.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

const OVERCOMMIT_FIX = [
  { text: 'Switch to strict overcommit: allocations beyond 80% of RAM plus swap fail at malloc() time instead of OOM chaos later (check Redis and fork-heavy services first).', command: 'sysctl -w vm.overcommit_memory=2 && sysctl -w vm.overcommit_ratio=80' },
  sysctlConfRemediation(['vm.overcommit_memory', 'vm.overcommit_ratio']),
];

function overcommitSignals(t: Timeline): Signal[] {
  if (sysctlValue(t, 'vm.overcommit_memory') !== '1') return [];
  return [{
    severity: 'warning',
    text: 'vm.overcommit_memory is 1 (always overcommit): the kernel grants allocations with no realistic chance of backing them, and recovery when RAM runs out is messier.',
    evidence: [sysctlEvidence(t, 'vm.overcommit_memory')],
    remediation: OVERCOMMIT_FIX,
  }];
}

interface ProtectedProcess { pid: number; comm: string; rssBytes: number | null; source: string }

function protectedProcesses(t: Timeline): ProtectedProcess[] {
  const byPid = new Map<number, ProtectedProcess>();
  for (const track of t.processes) {
    const p = track.points.at(-1);
    if (p && p.oomScoreAdj === -1000) byPid.set(p.pid, { pid: p.pid, comm: track.comm, rssBytes: p.rssBytes, source: t.artifacts.procs.at(-1)?.source ?? 'series/procs' });
  }
  for (const c of t.artifacts.processes) {
    if (c.oomScoreAdj === -1000 && !byPid.has(c.pid)) {
      byPid.set(c.pid, { pid: c.pid, comm: c.status?.name ?? '?', rssBytes: c.status?.vmRssBytes ?? null, source: `proc/${c.pid}/oom_score_adj` });
    }
  }
  return [...byPid.values()];
}

function protectionSignals(t: Timeline, leaks: ProcessGrowth[]): { signals: Signal[]; table: DetailsTable | null } {
  const prot = protectedProcesses(t);
  if (prot.length === 0) return { signals: [], table: null };
  const leaking = prot.filter((p) => leaks.some((g) => g.pids.includes(p.pid)));
  const signals: Signal[] = leaking.map((p) => ({
    severity: 'critical',
    text: `The leaking ${p.comm} (pid ${p.pid}) has oom_score_adj -1000: the OOM killer will never pick it, whatever it grows to.`,
    evidence: [{ source: p.source, text: `pid ${p.pid} ${p.comm} oom_score_adj -1000` }],
    remediation: [{ text: `Remove the protection from the leaker (pid ${p.pid}), and from its unit's OOMScoreAdjust= so that a restart does not bring it back.`, command: `echo 0 > /proc/${p.pid}/oom_score_adj` }],
  }));
  const others = prot.filter((p) => !leaking.includes(p));
  if (others.length > 0) {
    signals.push({
      severity: 'info',
      text: `${others.length} other process(es) are at oom_score_adj -1000 (${others.slice(0, 6).map((p) => `${p.comm} ${p.pid}`).join(', ')}). If every significant process is protected, the killer has nothing safe to target; keep -1000 for the few that truly need it.`,
      evidence: others.slice(0, 6).map((p) => ({ source: p.source, text: `pid ${p.pid} ${p.comm} oom_score_adj -1000` })),
    });
  }
  const table: DetailsTable = {
    type: 'table',
    title: 'Processes the OOM killer may not kill (oom_score_adj -1000)',
    headings: [{ key: 'pid', label: 'PID', unit: 'count' }, { key: 'comm', label: 'Command', unit: 'text' }, { key: 'rss', label: 'RSS', unit: 'bytes' }, { key: 'leaking', label: 'Leaking', unit: 'text' }],
    rows: prot.map((p) => ({ pid: p.pid, comm: p.comm, rss: p.rssBytes, leaking: leaking.includes(p) ? 'yes' : 'no' })),
  };
  return { signals, table };
}

function memcgDisableSignals(t: Timeline): Signal[] {
  const byPath = new Map<string, typeof t.artifacts.cgroups>();
  for (const s of t.artifacts.cgroups) if (s.data.oomKillDisable) byPath.set(s.data.path, [...(byPath.get(s.data.path) ?? []), s]);
  return [...byPath].map(([path, samples]) => {
    const stuck = samples.find((s) => s.data.underOom);
    const last = samples.at(-1)!;
    const dState = t.artifacts.processes.filter((p) => p.status?.state?.startsWith('D') && p.cgroup?.some((l) => l.endsWith(`:${path}`)));
    const evidence = [sampleEvidence(stuck ?? last, `${path}: oom_kill_disable 1, under_oom ${stuck ? 1 : 0}, failcnt ${(stuck ?? last).data.failcnt ?? '?'}, usage ${formatBytes((stuck ?? last).data.usageBytes ?? 0)} of ${(stuck ?? last).data.limitBytes === null ? 'no limit' : formatBytes((stuck ?? last).data.limitBytes!)}`)];
    for (const p of dState) evidence.push({ source: `proc/${p.pid}/status`, text: `pid ${p.pid} ${p.status?.name ?? ''} State: ${p.status?.state}` });
    const hung = stuck ? ` It hit its limit at ${fmtWhen(t, stuck.time)} (under_oom 1, failcnt ${stuck.data.failcnt ?? '?'}): its tasks hang in the memcg OOM wait instead of one being killed${dState.length > 0 ? `; ${dState.map((p) => `pid ${p.pid}`).join(', ')} ${dState.length > 1 ? 'are' : 'is'} in state D` : ''}. The kernel prints nothing to dmesg for this.` : '';
    return {
      severity: stuck ? 'critical' : 'warning',
      text: `Memory cgroup ${path} has oom_kill_disable set.${hung}`,
      evidence,
      remediation: [{ text: `Let the OOM killer act inside ${path} again.`, command: `echo 0 > ${shellQuote(`/sys/fs/cgroup/memory${path}/memory.oom_control`)}` }],
    } satisfies Signal;
  });
}

/** First moment memory was exhausted: MemAvailable near zero, or PSI full at systemd-oomd's limit. */
function exhaustedAt(t: Timeline): { time: number; evidence: ReturnType<typeof sampleEvidence> } | null {
  const avail = t.artifacts.meminfo.find((s) => s.data.MemTotal && s.data.MemAvailable !== undefined && (100 * s.data.MemAvailable) / s.data.MemTotal < th('memExhaustedPct'));
  const psi = t.artifacts.pressure.find((s) => (s.data.full?.avg10 ?? 0) >= th('psiFullAvg10Pct'));
  const candidates = [
    avail && { time: avail.time, evidence: sampleEvidence(avail, `MemAvailable ${formatBytes(avail.data.MemAvailable!)} of ${formatBytes(avail.data.MemTotal!)}`) },
    psi && { time: psi.time, evidence: sampleEvidence(psi, `memory full avg10=${psi.data.full!.avg10}`) },
  ].filter((c): c is { time: number; evidence: ReturnType<typeof sampleEvidence> } => Boolean(c));
  return candidates.sort((a, b) => a.time - b.time)[0] ?? null;
}

function noKillSignals(t: Timeline): Signal[] {
  const ex = exhaustedAt(t);
  if (!ex) return [];
  const window = th('oomFollowWindowS');
  const followed = oomKills(t).some((k) => k.scope !== 'memcg' && k.time !== null && k.time >= ex.time && k.time <= ex.time + window);
  if (followed) return [];
  const observedS = Math.min(window, (t.info.end ?? t.artifacts.meminfo.at(-1)?.time ?? ex.time) - ex.time);
  return [{
    severity: 'critical',
    text: `Memory was exhausted at ${fmtWhen(t, ex.time)} and no global OOM kill followed in the ${fmtDuration(observedS)} after: the machine stalls instead of recovering.`,
    evidence: [ex.evidence],
    remediation: [...OVERCOMMIT_FIX, { text: 'Have the OOM killer target the task that triggered the failure.', command: 'sysctl -w vm.oom_kill_allocating_task=1' }],
  }];
}

function allocatingTaskSignals(t: Timeline, leaks: ProcessGrowth[]): Signal[] {
  if (sysctlValue(t, 'vm.oom_kill_allocating_task') !== '0') return [];
  // The latest one: the kill of the incident at hand, not one from long before the capture.
  const bystander = oomKills(t).map((k) => aimOf(t, k, leaks)).filter((a) => a.verdict === 'bystander' || a.verdict === 'not-largest-task').at(-1);
  if (!bystander) return [];
  return [{
    severity: 'warning',
    text: `vm.oom_kill_allocating_task is 0 and a kill hit a bystander. ${bystander.sentence}`,
    evidence: [sysctlEvidence(t, 'vm.oom_kill_allocating_task')],
    remediation: [{ text: 'Kill the task that triggered the allocation failure rather than the highest-score one.', command: 'sysctl -w vm.oom_kill_allocating_task=1' }, sysctlConfRemediation(['vm.oom_kill_allocating_task'])],
  }];
}

export const oomKillerNeuteredAudit: Audit = {
  id: 'oom-killer-neutered',
  title: 'OOM killer cannot act or aims wrong',
  requires: [['sysctl', 'processes', 'cgroups', 'meminfo']],
  run(ctx) {
    const t = ctx.timeline;
    const leaks = ctx.computed.get(leakingProcesses);
    const prot = protectionSignals(t, leaks);
    const signals = [...overcommitSignals(t), ...prot.signals, ...memcgDisableSignals(t), ...noKillSignals(t), ...allocatingTaskSignals(t, leaks)];
    if (signals.every((s) => s.severity === 'info')) return null;
    return composeFinding('oom-killer-neutered', 'The OOM killer is neutered', signals, { details: prot.table ? [prot.table] : [] });
  },
};
