import { describe, expect, it } from 'vitest';
import { oomEventsAudit } from '../../src/audits/oom-events.js';
import { runAudits } from '../../src/audits/runner.js';
import { BTIME, makeTimeline, oomInvocation, oomKill, sample, trackFromStatusSamples } from './make-timeline.js';

const V3 = '02_oom_memcg/v3_two_procs_sleep_and_leaker/dmesg_oom_event.txt';
const V3_CG = '/process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v3_two_procs_sleep_and_leaker';
// v3's task table: sleep (12092) and the leaker python3 (12094), in pages.
const v3Invocation = oomInvocation({
  source: V3, line: 1, uptime: 824.18125, comm: 'python3', pid: 12094, text: 'python3 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
  tasks: [
    { pid: 12092, uid: 0, tgid: 12092, totalVmPages: 730, rssPages: 418, rssAnonPages: 0, rssFilePages: 418, rssShmemPages: 0, pgtablesBytes: 49152, swapents: 0, oomScoreAdj: 0, name: 'sleep' },
    { pid: 12094, uid: 0, tgid: 12094, totalVmPages: 19165, rssPages: 17641, rssAnonPages: 16256, rssFilePages: 1385, rssShmemPages: 0, pgtablesBytes: 192512, swapents: 0, oomScoreAdj: 0, name: 'python3' },
  ],
});
const v3Kill = oomKill({
  source: V3, line: 79, uptime: 824.182706, pid: 12094, comm: 'python3', anonRssKb: 65024, fileRssKb: 5540, shmemRssKb: 0, oomScoreAdj: 0,
  scope: 'memcg', constraint: 'CONSTRAINT_MEMCG', memcg: V3_CG, taskMemcg: V3_CG,
  text: 'Memory cgroup out of memory: Killed process 12094 (python3) total-vm:76660kB, anon-rss:65024kB, file-rss:5540kB, shmem-rss:0kB, UID:0 pgtables:188kB oom_score_adj:0',
});

describe('oom-events', () => {
  it('tells a memcg kill from a global one and checks the victim against the task table', () => {
    const f = runAudits(makeTimeline({ artifacts: { kernelLogSources: [V3] }, events: [v3Invocation, v3Kill] }), [oomEventsAudit]).findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('1 OOM kill(s): 0 global, 1 in a memory cgroup');
    expect(f.summary).toContain(`a memory-cgroup kill inside ${V3_CG} (its limit was hit; the rest of the machine was not out of memory)`);
    expect(f.summary).toContain('python3 (pid 12094) was the largest of the 2 task(s) in the kernel\'s table (17641 pages RSS).');
    expect(f.details![0]!.rows[0]).toMatchObject({ scope: 'memcg', victim: 'python3', pid: 12094, anon: 65024 * 1024, aim: 'largest-task' });
  });

  it('says when a global kill hit a bystander while the leaker survived, with the minutes before', () => {
    const leaker = trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt');
    const killAt = 1795704733.0;
    const bystander = oomKill({ source: 'dmesg', line: 9, uptime: killAt - BTIME, pid: 12092, comm: 'sleep', anonRssKb: 0, scope: 'global', text: 'Out of memory: Killed process 12092 (sleep)' });
    const t = makeTimeline({
      processes: [leaker],
      artifacts: { kernelLogSources: ['dmesg'], meminfo: [sample('series/meminfo', killAt - 60, { MemTotal: 1e9, MemAvailable: 5e7 })], pressure: [sample('series/pressure', killAt - 30, { some: { avg10: 40, avg60: 20, avg300: 5, totalUs: 1 }, full: { avg10: 30, avg60: 10, avg300: 2, totalUs: 1 } })] },
      rates: [['pswpout', { counter: 'pswpout', times: [killAt - 20], perSecond: [250], totalIncrease: 5000 }]],
      events: [bystander],
    });
    const f = runAudits(t, [oomEventsAudit]).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain('a global kill (the whole machine was out of memory)');
    expect(f.summary).toMatch(/The killer hit a bystander: sleep \(pid 12092\) died while the leaker python3 \(pid 11705, \d+ MiB\/h\) survived and kept growing\./);
    expect(f.summary).toContain('In the 5 minutes before: swap-out up to 250.0 pages/s; PSI some avg10 up to 40%, full up to 30%; MemAvailable down to 48 MiB.');
  });

  it('does not blame a kill on a leaker outside the killed memory cgroup', () => {
    // The v1 leaker (pid 11705) grew at the time, but v3's task table lists only sleep and python3 12094.
    const leaker = trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt');
    const t = makeTimeline({ processes: [leaker], artifacts: { kernelLogSources: [V3] }, events: [v3Invocation, { ...v3Kill, pid: 12092, comm: 'sleep' }] });
    const f = runAudits(t, [oomEventsAudit]).findings[0]!;
    expect(f.summary).not.toContain('bystander');
    expect(f.details![0]!.rows[0]).toMatchObject({ victim: 'sleep', aim: 'not-largest-task' });
  });

  it('does not call a kill from before a leaker was first sampled a bystander kill', () => {
    const leaker = trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt');
    const before = oomKill({ source: 'dmesg', line: 9, uptime: leaker.points[0]!.time - BTIME - 60, pid: 12092, comm: 'sleep', anonRssKb: 0, scope: 'global', text: 'Out of memory: Killed process 12092 (sleep)' });
    const f = runAudits(makeTimeline({ processes: [leaker], artifacts: { kernelLogSources: ['dmesg'] }, events: [before] }), [oomEventsAudit]).findings[0]!;
    expect(f.details![0]!.rows[0]).toMatchObject({ victim: 'sleep', aim: 'unknown' });
  });

  it('passes without kills and needs a kernel log', () => {
    expect(runAudits(makeTimeline({ artifacts: { kernelLogSources: [V3] } }), [oomEventsAudit]).audits[0]!.status).toBe('pass');
    expect(runAudits(makeTimeline(), [oomEventsAudit]).audits[0]!.reason).toBe('needs a kernel log (dmesg, journalctl -k or kern.log)');
  });
});
