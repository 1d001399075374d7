/**
 * Broken files inside a readable bundle, through the CLI: each bad file costs itself (diagnostics
 * naming the file, and the line where one applies), never the rest of the bundle, never exit 3.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { useCorpus } from './corpus-dir.js';
import { reportJson } from './run-cli.js';

const { corpus } = useCorpus(['files']);

const from = (diagnostics: Diagnostic[], source: string) => diagnostics.filter((d) => d.source === source);

describe.concurrent('broken files', () => {
  it('binary garbage in /proc files, a 10 MB line, garbage inside a series record, empty files: diagnostics per file and line, the rest analysed', async () => {
    const { report } = await reportJson(corpus['broken-files.tar.gz']!);
    const d = report.diagnostics;
    // The 10 MB line is line 3 of the kernel log: cut, named, and the OOM kill after it still found.
    expect(d).toContainEqual(expect.objectContaining({ source: 'commands/dmesg', line: 3, severity: 'warning', message: expect.stringMatching(/^line of 10(\.0)? MiB cut to its first 1(\.0)? MiB \(maxLineBytes\)$/) }));
    expect(report.events.some((e) => e.type === 'oom-kill' && e.pid === 1842)).toBe(true);
    // Garbage /proc files: line diagnostics inside the file; the good lines of proc/vmstat kept.
    for (const source of ['proc/meminfo', 'proc/1842/status', 'proc/vmstat']) {
      expect(from(d, source).length, source).toBeGreaterThan(0);
      for (const x of from(d, source)) expect(x.line ?? 1, source).toBeGreaterThanOrEqual(1);
    }
    expect(from(d, 'proc/vmstat').map((x) => x.line)).not.toContain(1);
    // Record 4 of series/buddyinfo is garbage: its diagnostics point inside that record, not at line 1.
    const buddy = from(d, 'series/buddyinfo');
    expect(buddy.length).toBeGreaterThan(0);
    for (const x of buddy) if (x.line !== undefined) expect(x.line).toBeGreaterThan(3 * 4);
    // Empty files say so.
    expect(from(d, 'proc/slabinfo').length).toBeGreaterThan(0);
    // Every series and the root-cause findings survive.
    expect(report.bundle.samples.meminfo).toBeGreaterThanOrEqual(97);
    expect(report.bundle.samples.buddyinfo).toBeGreaterThan(90);
    expect(report.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['process-leak', 'oom-events']));
  });

  it('every file empty: exit 0, a diagnostic per empty parsed file, audits say what data they lacked', async () => {
    const { report } = await reportJson(corpus['empty-files']!);
    for (const source of ['proc/buddyinfo', 'proc/meminfo', 'proc/1210/oom_score_adj']) {
      expect(from(report.diagnostics, source).length, source).toBeGreaterThan(0);
    }
    expect(report.findings.filter((f) => f.severity === 'critical')).toEqual([]);
    const lacking = report.audits.filter((a) => a.status === 'not-enough-data');
    expect(lacking.map((a) => a.id)).toEqual(expect.arrayContaining(['process-leak', 'exhaustion-forecast']));
    for (const a of lacking) expect(a.reason, a.id).toMatch(/^needs /);
  });

  // An empty proc/meminfo or proc/slabinfo is not data: audits with nothing to judge must say
  // `not-enough-data`, not `pass`.
  it('every file empty: no audit passes without data to judge', async () => {
    const { report } = await reportJson(corpus['empty-files']!);
    const passed = report.audits.filter((a) => a.status === 'pass').map((a) => a.id);
    expect(passed).not.toContain('memory-accounting');
    expect(passed).not.toContain('slab-growth');
  });

  it('every artifact missing (only the manifest, every capture recorded absent): exit 0, each artifact listed missing with its reason', async () => {
    const { report } = await reportJson(corpus['every-artifact-missing.tar.gz']!);
    expect(report.bundle.host).toBe('app-01');
    const artifacts = report.bundle.artifacts.filter((a) => a.path !== 'manifest.json');
    expect(artifacts.length).toBeGreaterThan(40);
    for (const a of artifacts) {
      expect(a.status, a.path).toBe('missing');
      expect(a.note, a.path).toMatch(/^absent: /);
    }
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    for (const a of report.audits) {
      expect(a.status, a.id).toBe('not-enough-data');
      expect(a.reason, a.id).toMatch(/^needs /);
    }
  });
});

describe.concurrent('manifest and boot time', () => {
  it('a manifest with every field of the wrong type: one diagnostic per field, the rest of the bundle analysed', async () => {
    const { report } = await reportJson(corpus['manifest-wrong-types.tar.gz']!);
    const messages = from(report.diagnostics, 'manifest.json').map((x) => x.message);
    for (const field of ['format', 'collector', 'host', 'kernel', 'pageSize', 'bootTime', 'start', 'timezone', 'uid', 'redaction']) {
      expect(messages.some((m) => m.startsWith(`${field}:`)), `${field} in ${messages.join(' | ')}`).toBe(true);
    }
    expect(messages.some((m) => m.startsWith('artifacts[0]'))).toBe(true);
    expect(report.bundle.host).toBeNull();
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
  });

  it('a manifest that is not JSON: an error diagnostic, the series still analysed', async () => {
    const { report } = await reportJson(corpus['manifest-not-json.tar.gz']!);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ source: 'manifest.json', severity: 'error', message: expect.stringMatching(/^not valid JSON/) }));
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
  });

  it('no manifest: the bundle is still analysed', async () => {
    const { report } = await reportJson(corpus['no-manifest.tar.gz']!);
    expect(report.bundle.samples.meminfo).toBe(98);
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
  });

  // A bundle with series/ and proc/ but no manifest.json must say that host, kernel, timezone and
  // capture times are unknown, not leave the data-quality section silent.
  it('no manifest: the data-quality section says manifest.json is missing', async () => {
    const { report } = await reportJson(corpus['no-manifest.tar.gz']!);
    expect(from(report.diagnostics, 'manifest.json').length).toBeGreaterThan(0);
  });

  // With no bootTime in the manifest and no proc/stat, dmesg events get time null: say why.
  it('no boot time: kernel events without a wall time are explained in the diagnostics', async () => {
    const { report } = await reportJson(corpus['no-btime.tar.gz']!);
    expect(report.events.some((e) => e.time === null)).toBe(true);
    expect(report.diagnostics.some((d) => /boot ?time|btime/i.test(d.message))).toBe(true);
  });

  it('no boot time: the bundle is analysed and the events keep their uptime', async () => {
    const { report } = await reportJson(corpus['no-btime.tar.gz']!);
    const kill = report.events.find((e) => e.type === 'oom-kill')!;
    expect(kill.uptime).toBeCloseTo(286483.6, 1);
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
  });
});
