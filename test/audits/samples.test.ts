/** Each synthetic sample bundle in samples/ gets its root cause at the right severity, naming the culprit. */
import { describe, expect, it } from 'vitest';
import { runAudits } from '../../src/audits/runner.js';
import { loadBundle } from '../../src/load/load-bundle.js';
import type { FindingId, FindingSeverity } from '../../src/model/report.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';

const audit = async (name: string) => runAudits(buildTimeline(await loadBundle(new URL(`../../samples/${name}.tar.gz`, import.meta.url).pathname)));

const CASES: [FindingId, FindingSeverity, string][] = [
  ['process-leak', 'critical', 'python3 (pid 1842) grew from 316 MiB to 19 GiB (RSS + swap) in 7 hours 10 minutes'],
  ['slab-growth', 'critical', 'dentry cache explosion: dentry grew 56×, from 119 MiB to 6.5 GiB (41.7% of MemTotal)'],
  ['fragmentation', 'critical', 'Node 0 zone Normal has 19 MiB free but no block above order 6'],
  ['oom-killer-neutered', 'critical', 'The leaking python3 (pid 1842) has oom_score_adj -1000'],
  ['swap-misconfigured', 'critical', 'Swap is 97.5% used (7.8 GiB of 8.0 GiB)'],
  ['tmpfs-shm', 'critical', 'Largest: /run/shm/ipc_queue_buffer (3.7 GiB), /run/shm/app_cache_segment (3.2 GiB)'],
  ['mmap-retention', 'warning', '/opt/app/data/large_dataset.bin is mapped 24 times across 3 processes'],
];

describe('sample bundles', () => {
  it.each(CASES)('%s: diagnosed at %s, naming the culprit', async (id, severity, culprit) => {
    const finding = (await audit(id)).findings.find((f) => f.id === id)!;
    expect(finding.severity).toBe(severity);
    expect(finding.summary).toContain(culprit);
  });

  it.each(CASES.map(([id]) => id))('%s-fixed: no critical finding for the fixed root cause', async (id) => {
    const { findings } = await audit(`${id}-fixed`);
    expect(findings.find((f) => f.id === id)?.severity).not.toBe('critical');
  });

  it.each(['healthy-baseline', 'healthy-other-host'])('%s: no critical finding at all', async (name) => {
    const { findings, audits } = await audit(name);
    expect(findings.filter((f) => f.severity === 'critical')).toEqual([]);
    expect(audits.filter((a) => a.status === 'error')).toEqual([]);
  });
});
