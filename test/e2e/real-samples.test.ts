/**
 * The real bundles kept in samples/ (recorded by scenarios 1, 3 and 4 with MEMTRAIL_E2E_SAMPLES_DIR
 * set) still get their diagnosis. They need no root: only the analyzer reads them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from './harness/env.js';
import { findingOf, oomKillsDuringCapture, runReport, tableOf } from './harness/report.js';

const sample = (name: string) => runReport(path.join(repoRoot, 'samples', `${name}.tar.zst`));

const missingCli = !existsSync(cliPath);
if (missingCli) process.stderr.write(`[e2e] SKIPPED real samples: ${cliPath} is missing (npm run build)\n`);

describe.skipIf(missingCli)('real samples', () => {
  it('real-memcg-oom: one memcg kill during the capture, of the leaker, found leaking at about 8 MiB/s', () => {
    const r = sample('real-memcg-oom');
    expect(r.bundle).toMatchObject({ kind: 'collector', synthetic: false, intervalS: 1 });
    const kills = oomKillsDuringCapture(r);
    expect(kills).toHaveLength(1);
    expect(kills[0]).toMatchObject({ comm: 'memleak', scope: 'memcg', memcg: expect.stringMatching(/\/memtrail-e2e-leak-\d+$/) });
    const row = tableOf(findingOf(r, 'process-leak'), 'Growing processes').rows.find((x) => x.pid === kills[0]!.pid);
    expect(Math.abs(Number(row?.slope) - 8 * 3600) / (8 * 3600)).toBeLessThan(0.15);
    expect(tableOf(findingOf(r, 'oom-events'), 'OOM kills').rows.find((x) => x.pid === kills[0]!.pid)).toMatchObject({ aim: 'leaker' });
  });

  it('real-oom-disabled: oom-killer-neutered critical, no kill during the capture', () => {
    const r = sample('real-oom-disabled');
    expect(oomKillsDuringCapture(r)).toEqual([]);
    const f = findingOf(r, 'oom-killer-neutered');
    expect(f.severity).toBe('critical');
    expect(f.summary).toMatch(/memtrail-e2e-nokill-\d+ has oom_kill_disable set\. It hit its limit at .*\(under_oom 1, failcnt [1-9]\d*\).*pid \d+ is in state D\./);
  });

  it('real-dentry: the dentry cache explosion, its growth and the drop_caches that undid it', () => {
    const r = sample('real-dentry');
    const f = findingOf(r, 'slab-growth');
    expect(f.title).toBe('dentry cache explosion');
    const dentry = tableOf(f, 'Largest slab caches').rows.find((x) => x.name === 'dentry')!;
    expect(Number(dentry.peak) - Number(dentry.first)).toBeGreaterThan(1_500_000 * 192 * 0.9);
    expect(r.events.filter((e) => e.type === 'drop-caches' && e.time !== null && e.time >= r.bundle.start!)).toHaveLength(1);
  });
});
