import { describe, expect, it } from 'vitest';
import { memoryAccountingAudit } from '../../src/audits/memory-accounting.js';
import { preventionAudit } from '../../src/audits/prevention.js';
import { runAudits } from '../../src/audits/runner.js';
import { baselineTimeline, makeTimeline, trackFromStatusSamples } from './make-timeline.js';

describe('prevention', () => {
  it('diffs the real baseline sysctls against the runbook and writes 99-memory.conf', () => {
    const f = runAudits(baselineTimeline(), [preventionAudit]).findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.summary).toContain('5 vm sysctl(s) differ from the runbook baseline: vm.swappiness 60 (runbook 10), vm.vfs_cache_pressure 100 (runbook 200), vm.overcommit_memory 0 (runbook 2), vm.overcommit_ratio 50 (runbook 80), vm.oom_kill_allocating_task 0 (runbook 1).');
    expect(f.summary).toContain('memtrail cannot see this machine\'s alerting configuration');
    const conf = f.remediation.find((r) => r.file?.path === '/etc/sysctl.d/99-memory.conf')!;
    expect(conf.file!.content).not.toContain('compaction_proactiveness'); // already 20
    expect(conf.file!.content).toContain('vm.swappiness = 10\n');
    expect(f.remediation.at(-1)!.file!.content).toContain('[2h], 3600');
    expect(f.details![0]!.rows.find((r) => r.key === 'vm.compaction_proactiveness')).toMatchObject({ current: '20', recommended: '20' });
  });

  it('warns about a leaking service without MemoryMax and sizes the drop-in from its peak', () => {
    const leaker = trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt');
    const unit = (name: string) => ({ unit: name, memoryMaxBytes: null, memoryHighBytes: null, memorySwapMaxBytes: null, oomPolicy: 'stop', runtimeMaxSec: null, props: {} });
    const t = makeTimeline({
      processes: [leaker],
      artifacts: {
        systemd: [unit('leaker.service'), unit('sshd.service')],
        processes: [{ pid: 11705, status: null, smapsRollup: null, maps: null, cmdline: null, oomScoreAdj: 0, cgroup: ['0::/system.slice/leaker.service'] }],
      },
    });
    const f = runAudits(t, [preventionAudit]).findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.summary).toContain('2 service(s) have no MemoryMax (leaker.service, sshd.service)');
    expect(f.summary).toContain('That includes the leaking leaker.service.');
    expect(f.remediation[0]!.file).toEqual({ path: '/etc/systemd/system/leaker.service.d/50-memory.conf', content: '[Service]\nMemoryMax=128M\nOOMPolicy=kill\n' });
  });
});

describe('memory-accounting', () => {
  it('states where the baseline memory is and the small remainder stays info', () => {
    const f = runAudits(baselineTimeline(), [memoryAccountingAudit]).findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.details![0]!.rows.at(-1)).toMatchObject({ category: 'Unexplained remainder', last: 28912 * 1024 });
    expect(runAudits(makeTimeline(), [memoryAccountingAudit]).audits[0]!.status).toBe('not-enough-data');
  });
});
