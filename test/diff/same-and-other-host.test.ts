import { describe, expect, it } from 'vitest';
import { diffSamples } from './sample-diffs.js';

describe('diff of a capture against itself', () => {
  it('flags nothing, and every raised finding persists', async () => {
    const diff = await diffSamples('process-leak', 'process-leak');
    expect(diff.metrics.filter((m) => m.flagged)).toEqual([]);
    expect(diff.metrics.every((m) => m.ratio === null || m.ratio === 1)).toBe(true);
    expect(diff.slabs.filter((r) => r.flagged || r.status !== 'both')).toEqual([]);
    expect(diff.processes.filter((r) => r.flagged || r.status !== 'both')).toEqual([]);
    expect(diff.config).toEqual([]);
    expect(diff.findings.resolved).toEqual([]);
    expect(diff.findings.new).toEqual([]);
    expect(diff.findings.severityChanges).toEqual([]);
    expect(diff.findings.persisting).toEqual(expect.arrayContaining(['process-leak', 'oom-events', 'swap-misconfigured']));
    const raised = diff.findings.checks.filter((c) => c.beforeStatus === 'fail').map((c) => c.id);
    expect(diff.findings.persisting).toEqual(raised);
    expect(diff.warnings.map((w) => w.kind)).toEqual(['same-capture']);
  }, 30_000);
});

describe('diff of two hosts', () => {
  it('warns that the hosts differ, and still compares', async () => {
    const diff = await diffSamples('healthy-baseline', 'healthy-other-host');
    const warning = diff.warnings.find((w) => w.kind === 'different-host');
    expect(warning?.text).toContain("'app-01' before, 'db-02' after");
    expect(diff.warnings.map((w) => w.kind)).not.toContain('different-kernel');
    expect(diff.before.host).toBe('app-01');
    expect(diff.after.host).toBe('db-02');
    expect(diff.metrics.length).toBeGreaterThan(20);
    expect(diff.processes.length).toBeGreaterThan(0);
    expect(diff.findings.new).toEqual([]);
  }, 30_000);

  it('warns about swapped arguments when "after" was captured first', async () => {
    const diff = await diffSamples('process-leak-fixed', 'process-leak');
    expect(diff.warnings.map((w) => w.kind)).toEqual(['after-precedes-before']);
    expect(diff.findings.new).toContain('process-leak');
  }, 30_000);
});
