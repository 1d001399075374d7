/**
 * A real sosreport of this machine (test/sos/make-sosreport.sh: sos report --batch with the
 * memory, kernel, process, sysvipc, filesys and logs plugins), analysed by the CLI and the loader.
 * It is made here, not committed: it holds the machine's own process listings. CI installs sos
 * (.ci/run); without sos, or without root (sos needs it), the test is skipped and says why.
 * MEMTRAIL_SOSREPORT=<tarball> reuses an archive made earlier.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { arch, hostname, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/load/load-bundle.js';
import type { Artifacts } from '../../src/model/artifacts.js';
import type { ReportJson } from '../../src/model/report.js';
import { runCli } from '../hostile/run-cli.js';

const SCRIPT = fileURLToPath(new URL('./make-sosreport.sh', import.meta.url));

function skipReason(): string | null {
  if (process.env.MEMTRAIL_SOSREPORT) return null;
  try {
    execFileSync('sh', ['-c', 'command -v sos'], { stdio: 'ignore' });
  } catch {
    return 'sos is not installed (apt-get install sosreport; .ci/run does)';
  }
  return process.getuid?.() === 0 ? null : 'sos report needs root';
}

const reason = skipReason();
if (reason) console.log(`test/sos/real-sosreport: skipped: ${reason}`);

describe.skipIf(reason !== null)('a real sosreport of this machine', () => {
  let dir: string;
  let tarball: string;
  let artifacts: Artifacts;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memtrail-sos-'));
    tarball = process.env.MEMTRAIL_SOSREPORT ?? execFileSync('sh', [SCRIPT, dir], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    artifacts = await loadBundle(tarball);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('report --format json: host, kernel, meminfo/slabinfo/buddyinfo, the ps table and the sos version', async () => {
    const out = join(dir, 'report.json');
    const run = await runCli(['report', tarball, '--format', 'json', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ReportJson;
    expect(report.bundle.kind).toBe('sosreport');
    expect(report.bundle.host).toBe(hostname());
    expect(report.bundle.kernel).toBe(release());
    expect(report.bundle.arch).toBe(arch() === 'x64' ? 'x86_64' : report.bundle.arch);
    expect(report.bundle.collectorVersion).toMatch(/^sos \d+\.\d+/);
    expect(report.bundle.samples.meminfo).toBe(1);
    expect(report.bundle.samples.slabinfo).toBe(1);
    expect(report.bundle.samples.buddyinfo).toBe(1);
    expect(report.bundle.samples.procs).toBe(1);
    expect(report.diagnostics.map((d) => `${d.source}: ${d.message}`)).toContainEqual(
      expect.stringMatching(/^sos_reports\/manifest\.json: sos report \d+\.\d+ .*plugins: .*memory.*process/),
    );
  }, 120_000);

  it('processes come from the ps table, named by their comm, sos itself among them', () => {
    const [ps] = artifacts.procs;
    expect(ps?.source).toMatch(/^sos_commands\/process\/ps_(alxwww|auxwww)$/);
    const rows = ps!.data;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.find((r) => r.pid === 1)?.ppid).toBe(0);
    expect(rows.some((r) => r.comm === 'sos' && r.rssBytes > 1024 * 1024)).toBe(true);
    // Comms, not args: at most the kernel's 15 bytes, never a path.
    expect(rows.filter((r) => r.comm.length > 15 || r.comm.startsWith('/'))).toEqual([]);
    expect(ps!.time).toBeGreaterThan(artifacts.manifest!.start! - 1);
  });

  it('the manifest: every command sos ran has a status; proc files carry their plugin time', () => {
    const m = artifacts.manifest!;
    expect(m.format).toBe('sosreport');
    expect(m.artifacts.find((e) => e.path === 'sos_commands/process/ps_alxwww')?.exit).toBe(0);
    expect(m.artifacts.find((e) => e.path === 'proc/meminfo')?.time).toBeGreaterThan(m.start!);
    expect(artifacts.meminfo[0]!.data.MemTotal).toBeGreaterThan(0);
    expect(artifacts.slabinfo[0]!.data.caches.length).toBeGreaterThan(10);
    expect(artifacts.sysctl['vm.swappiness']).toBeDefined();
  });

  it('inspect names sos as the collector', async () => {
    const run = await runCli(['inspect', tarball]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Collector\s+sos \d/);
    expect(run.stdout).toContain('sos_commands/process/ps_');
  }, 120_000);
});
