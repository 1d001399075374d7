/**
 * Every root cause against the capture after its fix (SAMPLE_PAIRS): the finding moves to
 * `resolved`, and the numbers that prove the fix move the way the runbook says they should.
 */
import { describe, expect, it } from 'vitest';
import type { DiffJson } from '../../src/diff/types.js';
import { SAMPLE_PAIRS } from '../../src/synth/generate-samples.js';
import { diffSamples, metric } from './sample-diffs.js';

const MiB = 1024 * 1024;

function configChange(diff: DiffJson, key: string) {
  return diff.config.find((c) => c.key === key) ?? null;
}

/** What each fix must change, beyond the finding itself. */
const PROOF: Record<string, (diff: DiffJson) => void> = {
  'process-leak': (diff) => {
    const worker = diff.processes.find((p) => p.comm === 'python3')!;
    expect(worker.beforeSlopeMBPerHour!).toBeGreaterThan(2400);
    expect(worker.beforeSlopeMBPerHour!).toBeLessThan(2900);
    expect(Math.abs(worker.afterSlopeMBPerHour!)).toBeLessThan(1);
    expect(worker.beforeRestarts).toBe(1);
    expect(worker).toMatchObject({ afterRestarts: 0, flagged: true, status: 'both' });
    expect(diff.processes[0]!.comm).toBe('python3');
    expect(metric(diff, 'Fastest-growing process')).toMatchObject({ flagged: true, zeroSide: 'after' });
    expect(metric(diff, 'OOM kills per hour')).toMatchObject({ flagged: true, zeroSide: 'after', after: 0 });
    expect(metric(diff, 'MemAvailable runs out in')).toMatchObject({ flagged: true, after: 'never' });
  },
  'slab-growth': (diff) => {
    const dentry = diff.slabs[0]!;
    expect(dentry.name).toBe('dentry');
    expect(dentry.beforePeakBytes!).toBeGreaterThan(6000 * MiB);
    expect(dentry.beforeSlopeMBPerHour!).toBeGreaterThan(500);
    expect(dentry.afterSlopeMBPerHour!).toBeLessThan(5);
    expect(dentry.flagged).toBe(true);
    expect(metric(diff, 'Slab reclaimable trend').flagged).toBe(true);
    expect(configChange(diff, 'vm.vfs_cache_pressure')).toEqual({ area: 'sysctl', key: 'vm.vfs_cache_pressure', before: '100', after: '200' });
  },
  fragmentation: (diff) => {
    const normal = diff.fragmentation.find((z) => z.zone === 'Node 0 Normal')!;
    expect(normal.beforeHighestOrder!).toBeLessThan(7);
    expect(normal.afterHighestOrder!).toBeGreaterThanOrEqual(9);
    expect(metric(diff, 'Compaction stalls')).toMatchObject({ flagged: true, zeroSide: 'after' });
    expect(configChange(diff, 'transparent_hugepage/enabled')).toMatchObject({ before: 'always', after: 'madvise' });
    expect(configChange(diff, 'vm.compaction_proactiveness')).toMatchObject({ before: '0', after: '20' });
  },
  'oom-killer-neutered': (diff) => {
    expect(configChange(diff, 'vm.overcommit_memory')).toMatchObject({ before: '1', after: '2' });
    expect(configChange(diff, 'vm.overcommit_ratio')).toMatchObject({ before: '50', after: '80' });
    expect(metric(diff, 'PSI memory some').ratio!).toBeLessThan(0.1);
    expect(metric(diff, 'Direct reclaim stalls')).toMatchObject({ flagged: true, zeroSide: 'after' });
  },
  'swap-misconfigured': (diff) => {
    const swapOut = metric(diff, 'Swap-out');
    expect(swapOut.flagged).toBe(true);
    expect(swapOut.ratio!).toBeLessThan(0.5);
    expect(metric(diff, 'Peak swap used').ratio!).toBeLessThan(0.1);
    expect(configChange(diff, 'vm.swappiness')).toEqual({ area: 'sysctl', key: 'vm.swappiness', before: '60', after: '10' });
  },
  'tmpfs-shm': (diff) => {
    const tmpfs = metric(diff, 'tmpfs used');
    expect(tmpfs.before as number).toBeGreaterThan(8000 * MiB);
    expect(tmpfs.after as number).toBeLessThan(1000 * MiB);
    expect(tmpfs.flagged).toBe(true);
    expect(metric(diff, 'SysV shared memory')).toMatchObject({ flagged: true, zeroSide: 'after' });
    const shmem = diff.accounting.find((r) => r.category === 'shmem')!;
    expect(shmem.changeBytes!).toBeLessThan(-5000 * MiB);
    expect(configChange(diff, '/run/shm')).toMatchObject({ area: 'tmpfs', after: 'size=2097152k' });
    expect(diff.config.filter((c) => c.area === 'sysv-shm' && c.after === null)).toHaveLength(2);
  },
  'mmap-retention': (diff) => {
    const workers = diff.processes.find((p) => p.comm === 'python3')!;
    expect(workers.afterPeakBytes!).toBeLessThan(workers.beforePeakBytes! / 2);
    expect(workers.flagged).toBe(true);
  },
};

describe('diff of each root cause against its fix', () => {
  it('has a proof for every pair', () => {
    expect(Object.keys(PROOF).sort()).toEqual(SAMPLE_PAIRS.map(([s]) => s.expected).sort());
  });

  it.each(SAMPLE_PAIRS.map(([sick, fixed]) => [sick.expected!, sick.name, fixed.name] as const))(
    '%s: resolved, and the right numbers change',
    async (cause, sick, fixed) => {
      const diff = await diffSamples(sick, fixed);
      const after = diff.findings.checks.find((c) => c.id === cause);
      expect(diff.findings.resolved, `after the fix, ${cause} says: ${after?.afterSummary}`).toContain(cause);
      expect(diff.findings.new).toEqual([]);
      expect(diff.findings.persisting).not.toContain(cause);
      expect(diff.warnings).toEqual([]);
      PROOF[cause]!(diff);
    },
    30_000,
  );
});
