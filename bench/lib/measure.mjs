/**
 * Runs one command and measures it: wall seconds, CPU seconds (user + sys of the process and its
 * children) and peak RSS. Uses GNU time (`/usr/bin/time -f`) when present; otherwise a node child
 * that runs the command and reports `resourceUsage()` of its reaped children via getrusage.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/** `argv` is run through `sh -c` when it is a string (pipelines), else directly. */
export function measure(argv, { stdout = 'ignore', env } = {}) {
  const cmd = typeof argv === 'string' ? ['sh', '-c', argv] : argv;
  const dir = mkdtempSync(join(tmpdir(), 'memtrail-bench-'));
  const report = join(dir, 'usage');
  try {
    const wrapped = hasGnuTime
      ? [GNU_TIME, '-o', report, '-f', '%e %U %S %M', ...cmd]
      : [process.execPath, new URL('./rusage-child.mjs', import.meta.url).pathname, report, ...cmd];
    const began = performance.now();
    const run = spawnSync(wrapped[0], wrapped.slice(1), { stdio: ['ignore', stdout, 'pipe'], env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
    const wallS = (performance.now() - began) / 1000;
    const [elapsed, user, sys, maxRssKb] = readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    return {
      ok: run.status === 0,
      status: run.status,
      stderr: run.stderr?.toString() ?? '',
      stdout: run.stdout?.toString() ?? '',
      wallS: hasGnuTime ? elapsed : wallS,
      cpuS: user + sys,
      maxRssMb: maxRssKb / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The shell's answer, trimmed; '' when the command fails. */
export function sh(command) {
  try {
    return execFileSync('sh', ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}
