import { describe, expect, it } from 'vitest';
import { runAudits } from '../../src/audits/runner.js';
import { slabGrowthAudit } from '../../src/audits/slab-growth.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { parseSlabinfo } from '../../src/parsers/slabinfo.js';
import { baselineTimeline, BTIME, makeTimeline, parsed, sample } from './make-timeline.js';

// The four 03_dentry_slab stages with their epochs from dentry_times.txt.
const STAGES: [string, number][] = [
  ['1_before', 1795704828.747], ['2_midway', 1795704830.451], ['3_after', 1795704832.202], ['4_after_drop_caches', 1795704838.95],
];
const snap = (stage: string, file: string) => `03_dentry_slab/snapshots/${stage}_${file}`;

function dentryTimeline(stages = STAGES) {
  const dropCaches = {
    type: 'drop-caches' as const, source: '03_dentry_slab/dmesg_new_lines_drop_caches.txt', line: 1, uptime: 859.721529, wallTime: null, boot: 0,
    text: 'bash (12276): drop_caches: 2', comm: 'bash', pid: 12276, value: 2, time: BTIME + 859.721529,
  };
  return makeTimeline({
    artifacts: {
      meminfo: stages.map(([s, time]) => sample(snap(s, 'proc_meminfo.txt'), time, parsed(parseMeminfo, snap(s, 'proc_meminfo.txt')))),
      slabinfo: stages.map(([s, time]) => sample(snap(s, 'proc_slabinfo.txt'), time, parsed(parseSlabinfo, snap(s, 'proc_slabinfo.txt')))),
    },
    events: stages.length === 4 ? [dropCaches] : [],
  });
}

describe('slab-growth', () => {
  it('diagnoses the real negative-dentry explosion and recommends the runbook fixes', () => {
    const f = runAudits(dentryTimeline(), [slabGrowthAudit]).findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('dentry cache explosion');
    // dentry: 1028 slabs × 4 KiB = 4.0 MiB before, 72454 slabs = 283 MiB after 1.5 M stats.
    expect(f.summary).toContain('dentry cache explosion: dentry grew 70×, from 4.0 MiB to 283 MiB (1.2% of MemTotal) with 1,521,534 active objects.');
    expect(f.summary).toContain('By the last sample it was back to 388 KiB, so it was reclaimable.');
    expect(f.summary).toContain('bash (pid 12276) ran drop_caches 2');
    expect(f.evidence.find((e) => e.text.startsWith('dentry: 283'))!.time).toBe('2026-11-26T14:53:52.202Z');
    expect(f.remediation.map((r) => r.command)).toEqual([
      'echo 2 > /proc/sys/vm/drop_caches', 'sysctl -w vm.vfs_cache_pressure=200', 'sysctl --system', expect.stringContaining('slabtop -o'),
    ]);
    expect(f.remediation[2]!.file!.content).toContain('vm.vfs_cache_pressure = 200');
    expect(f.details![0]!.rows[0]).toMatchObject({ name: 'dentry', peak: 72454 * 4096, objs: 1521534 });
  });

  it('reports the Slab share at its peak sample', () => {
    const f = runAudits(dentryTimeline(STAGES.slice(0, 3)), [slabGrowthAudit]).findings[0]!;
    expect(f.summary).toContain('Slab peaked at 343 MiB (1.4% of MemTotal) at 2026-11-26 14:53:52 UTC: 308 MiB reclaimable, 34 MiB unreclaimable (0.1%).');
  });

  it('passes on the baseline and needs meminfo or slabinfo', () => {
    expect(runAudits(baselineTimeline(), [slabGrowthAudit]).audits[0]!.status).toBe('pass');
    expect(runAudits(makeTimeline(), [slabGrowthAudit]).audits[0]).toMatchObject({ status: 'not-enough-data', reason: 'needs a /proc/meminfo sample or /proc/slabinfo (readable by root only)' });
  });
});
