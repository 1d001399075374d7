import { describe, expect, it } from 'vitest';
import { oomKillerNeuteredAudit } from '../../src/audits/oom-killer-neutered.js';
import { runAudits } from '../../src/audits/runner.js';
import type { CgroupMemory } from '../../src/model/sources.js';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseProcStatus } from '../../src/parsers/proc-status.js';
import { splitSamples } from '../load/real-bundles.js';
import { baselineTimeline, makeTimeline, oomInvocation, oomKill, real, sample, trackFromStatusSamples } from './make-timeline.js';

const V2C = '02_oom_memcg/v2c_oom_kill_disable_hang';
const CG = '/process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v2c_oom_kill_disable_hang';
const num = (text: string, key: string) => Number(new RegExp(`^${key} (\\d+)`, 'm').exec(text)![1]);

/** The real v2c cgroup samples: oom_control, failcnt and usage every 0.5 s, as CgroupMemory samples. */
function v2cCgroups() {
  const failcnt = splitSamples(real(`${V2C}/cgroup_memory.failcnt.samples.txt`));
  const usage = splitSamples(real(`${V2C}/cgroup_memory.usage_in_bytes.samples.txt`));
  return splitSamples(real(`${V2C}/cgroup_memory.oom_control.samples.txt`)).map(([time, text], i) => sample<CgroupMemory>(`${V2C}/cgroup_memory.oom_control.samples.txt`, time, {
    path: CG, version: 1, usageBytes: Number(usage[i]![1]), limitBytes: 67108864, highBytes: null, swapUsageBytes: null, swapLimitBytes: null,
    failcnt: Number(failcnt[i]![1]), oomKillDisable: num(text, 'oom_kill_disable') === 1, underOom: num(text, 'under_oom') === 1,
    oomKills: num(text, 'oom_kill'), events: {}, stat: {},
  }));
}

function stuckLeaker() {
  const rel = `${V2C}/proc_pid_status.samples.txt`;
  const status = parseProcStatus(splitSamples(real(rel)).at(-1)![1], parseContext(rel)).data;
  return { pid: 11946, status, smapsRollup: null, maps: null, cmdline: null, oomScoreAdj: 0, cgroup: [`4:memory:${CG}`] };
}

describe('oom-killer-neutered', () => {
  it('catches the real oom_kill_disable hang: under_oom, failcnt and the task in state D', () => {
    const t = makeTimeline({ artifacts: { cgroups: v2cCgroups(), processes: [stuckLeaker()] } });
    const f = runAudits(t, [oomKillerNeuteredAudit]).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain(`Memory cgroup ${CG} has oom_kill_disable set. It hit its limit at 2026-11-26 14:53:02 UTC (under_oom 1, failcnt 245)`);
    expect(f.summary).toContain('pid 11946 is in state D');
    expect(f.evidence[0]!.text).toContain('usage 64 MiB of 64 MiB');
    expect(f.evidence[1]).toEqual({ source: 'proc/11946/status', text: 'pid 11946 python3 State: D' });
    expect(f.remediation[0]!.command).toBe(`echo 0 > /sys/fs/cgroup/memory${CG}/memory.oom_control`);
  });

  it('flags overcommit 1 and a leaker protected at -1000 with its real pid', () => {
    // The v1 leaker's real RSS climb; -1000 is what the runbook's worker.py had (this VM could not lower it: no CAP_SYS_RESOURCE).
    const leaker = trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt', -1000);
    const t = makeTimeline({ processes: [leaker], artifacts: { sysctl: { 'vm.overcommit_memory': '1', 'vm.overcommit_ratio': '50' } } });
    const f = runAudits(t, [oomKillerNeuteredAudit]).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toMatch(/^The leaking python3 \(pid 11705\) has oom_score_adj -1000/);
    expect(f.summary).toContain('vm.overcommit_memory is 1');
    expect(f.remediation.map((r) => r.command)).toEqual(expect.arrayContaining(['echo 0 > /proc/11705/oom_score_adj', 'sysctl -w vm.overcommit_memory=2 && sysctl -w vm.overcommit_ratio=80']));
    expect(f.details![0]!.rows).toEqual([{ pid: 11705, comm: 'python3', rss: 64940 * 1024, leaking: 'yes' }]);
  });

  it('calls out memory exhausted with no OOM kill following', () => {
    const meminfo = [sample('series/meminfo', 1000, { MemTotal: 16384000 * 1024, MemAvailable: 131072 * 1024 }), sample('series/meminfo', 1600, { MemTotal: 16384000 * 1024, MemAvailable: 120000 * 1024 })];
    const f = runAudits(makeTimeline({ info: { end: 1600 }, artifacts: { meminfo } }), [oomKillerNeuteredAudit]).findings[0]!;
    expect(f.summary).toBe('Memory was exhausted at 1970-01-01 00:16:40 UTC and no global OOM kill followed in the 5 minutes after: the machine stalls instead of recovering.');
  });

  it('passes on the baseline (overcommit 0, nothing protected)', () => {
    expect(runAudits(baselineTimeline(), [oomKillerNeuteredAudit]).audits[0]!.status).toBe('pass');
  });

  it('cites the latest bystander kill, not an older one, for oom_kill_allocating_task=0', () => {
    const kill = (line: number, uptime: number, pid: number, comm: string) => oomKill({ source: 'dmesg', line, uptime, pid, comm, scope: 'memcg', text: `Memory cgroup out of memory: Killed process ${pid} (${comm})` });
    const table = (uptime: number, victim: number, survivor: number) => oomInvocation({
      source: 'dmesg', line: uptime, uptime, comm: 'python3', text: 'python3 invoked oom-killer',
      tasks: [victim, survivor].map((pid, i) => ({ pid, uid: 0, tgid: pid, totalVmPages: 1, rssPages: i === 0 ? 10 : 1000, rssAnonPages: 0, rssFilePages: 0, rssShmemPages: 0, pgtablesBytes: 0, swapents: 0, oomScoreAdj: i === 0 ? 1000 : 0, name: i === 0 ? 'sleep' : 'python3' })),
    });
    const t = makeTimeline({ artifacts: { sysctl: { 'vm.oom_kill_allocating_task': '0' } }, events: [table(100, 21, 22), kill(101, 100.1, 21, 'sleep'), table(200, 31, 32), kill(201, 200.1, 31, 'sleep')] });
    const f = runAudits(t, [oomKillerNeuteredAudit]).findings[0]!;
    expect(f.summary).toContain('vm.oom_kill_allocating_task is 0 and a kill hit a bystander. sleep (pid 31) was not the largest task: python3 (pid 32)');
  });
});
