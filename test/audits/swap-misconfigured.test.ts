import { describe, expect, it } from 'vitest';
import { runAudits } from '../../src/audits/runner.js';
import { swapMisconfiguredAudit } from '../../src/audits/swap-misconfigured.js';
import { baselineTimeline, makeTimeline, sample } from './make-timeline.js';

const KB = 1024;
// The runbook's Root Cause 5 machine: 16 GB, 7.8 GB of 8 GB swap used, swappiness 60,
// vmstat `so` 512 → 768 KB/s (128 → 192 pages/s), worker.py 2 GB and java 1 GB in swap.
function runbookSwapTimeline() {
  const meminfo = [sample('series/meminfo', 7200, { MemTotal: 16384000 * KB, MemAvailable: 524288 * KB, SwapTotal: 8388608 * KB, SwapFree: 209715 * KB })];
  const point = (pid: number, rss: number, swap: number) => ({ time: 7200, pid, rssBytes: rss * KB, swapBytes: swap * KB, oomScoreAdj: 0 });
  return makeTimeline({
    artifacts: {
      meminfo, sysctl: { 'vm.swappiness': '60' },
      swaps: [sample('proc/swaps', 7200, [{ name: '/dev/mapper/vg0-swap', type: 'partition', sizeBytes: 8388608 * KB, usedBytes: 8178893 * KB, priority: -2 }])],
    },
    rates: [['pswpout', { counter: 'pswpout', times: [7190, 7192, 7194], perSecond: [128, 192, 160], totalIncrease: 960 }]],
    processes: [
      { comm: 'java', pids: [2103], points: [point(2103, 1478652, 1048576)], restarts: [] },
      { comm: 'worker.py', pids: [1842], points: [point(1842, 2971328, 2097152)], restarts: [] },
    ],
  });
}

describe('swap-misconfigured', () => {
  it('reports the runbook machine: nearly full, sustained swap-out, the top swappers, dm swap', () => {
    const f = runAudits(runbookSwapTimeline(), [swapMisconfiguredAudit]).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain('Swap is 97.5% used (7.8 GiB of 8.0 GiB)');
    expect(f.summary).toContain('Swap-out peaked at 192.0 pages/s at 1970-01-01 01:59:52 UTC and was ≥ 5/s in 100% of samples (sustained)');
    expect(f.summary).toContain('vm.swappiness is 60');
    expect(f.summary).toContain('/dev/mapper/vg0-swap is on a device-mapper volume');
    expect(f.details![0]!.rows.map((r) => r.comm)).toEqual(['worker.py', 'java']);
    const commands = f.remediation.map((r) => r.command);
    expect(commands).toContain('fallocate -l 4G /swapfile-emergency && chmod 600 /swapfile-emergency && mkswap /swapfile-emergency && swapon /swapfile-emergency');
    expect(commands).toContain('sysctl -w vm.swappiness=10');
    expect(commands).toContain('lvs -o lv_name,vg_name,pool_lv,data_percent,lv_size');
  });

  it('only notes swappiness 60 on the real baseline, which has no swap', () => {
    const f = runAudits(baselineTimeline(), [swapMisconfiguredAudit]).findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.evidence).toEqual([{ source: 'proc/sys/vm/swappiness', text: 'vm.swappiness = 60' }]);
  });

  it('warns when memory runs out with no swap at all', () => {
    const meminfo = [sample('series/meminfo', 1, { MemTotal: 24684084 * KB, MemAvailable: 1000000 * KB, SwapTotal: 0, SwapFree: 0 })];
    const f = runAudits(makeTimeline({ artifacts: { meminfo } }), [swapMisconfiguredAudit]).findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.summary).toMatch(/^There is no swap, and MemAvailable fell to 977 MiB \(4\.1%\)/);
    expect(runAudits(makeTimeline(), [swapMisconfiguredAudit]).audits[0]!.status).toBe('not-enough-data');
  });
});
