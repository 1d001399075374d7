/**
 * Scenario 4: millions of stat() calls on distinct nonexistent paths fill the dentry cache with
 * negative dentries. Then `echo 2 > /proc/sys/vm/drop_caches` (only this scenario drops caches)
 * shows they were reclaimable. The report must name the dentry cache and its growth.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { e2eBinDir, python } from './harness/env.js';
import { describeIncident } from './harness/incident.js';
import { findingOf, tableOf } from './harness/report.js';

const NAMES = 1_600_000;
/** A dentry is 192 bytes on this kernel (slabinfo objsize); allow for the slab's own rounding and churn. */
const DENTRY_BYTES = 192;

describeIncident('dentry', 'scenario 4: a dentry cache explosion', {}, async (incident) => {
  const lookups = path.join(incident.dir, 'lookups');
  mkdirSync(lookups);
  const recorder = await incident.record();
  await recorder.moreSamples(1, 'before the stats');
  const stat = incident.start([python, path.join(e2eBinDir, 'negative-dentries.py'), lookups, String(NAMES)]);
  await stat.waitForOutput(/^done/m, 45_000);
  await recorder.moreSamples(2, 'at the peak');
  writeFileSync('/proc/sys/vm/drop_caches', '2');
  await recorder.moreSamples(2, 'after drop_caches');
  return incident.bundle(recorder);
}, (report) => {
  it('names the dentry cache explosion with its growth', () => {
    const f = findingOf(report(), 'slab-growth');
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('dentry cache explosion');
    expect(f.summary).toMatch(/dentry cache explosion: dentry grew \d+×, from [\d.]+ MiB to [\d.]+ MiB \(\d+(\.\d+)?% of MemTotal\) with [\d,]+ active objects\./);
    const dentry = tableOf(f, 'Largest slab caches').rows.find((r) => r.name === 'dentry')!;
    expect(Number(dentry.peak) - Number(dentry.first)).toBeGreaterThan(0.9 * NAMES * DENTRY_BYTES);
    expect(Number(dentry.objs)).toBeGreaterThan(NAMES);
  });

  it('sees that drop_caches gave it back, and cites the drop', () => {
    const f = findingOf(report(), 'slab-growth');
    expect(f.summary).toMatch(/By the last sample it was back to [\d.]+ (KiB|MiB), so it was reclaimable\./);
    expect(f.summary).toMatch(new RegExp(`\\(pid ${process.pid}\\) ran drop_caches 2 at `));
    expect(report().events).toContainEqual(expect.objectContaining({ type: 'drop-caches', pid: process.pid }));
  });
});
