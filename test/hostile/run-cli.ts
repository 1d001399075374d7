/**
 * Runs the built CLI (`node dist/cli/main.js`, built by `npm test` before vitest) as a user
 * would, in a child process, and reads what it wrote. Also measures the child's peak RSS through
 * a preload that reports process.resourceUsage() at exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ReportJson } from '../../src/model/report.js';

export const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const MAX_RSS_PRELOAD = fileURLToPath(new URL('./max-rss-preload.mjs', import.meta.url));

if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npx tsc -p tsconfig.json' (npm test does) first`);

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set of the child, KiB (only with measureRss). */
  maxRssKiB?: number;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  measureRss?: boolean;
}

export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const rssFile = opts.measureRss ? join(mkdtempSync(join(tmpdir(), 'memtrail-rss-')), 'rss') : null;
  const nodeArgs = rssFile ? ['--import', MAX_RSS_PRELOAD, MAIN] : [MAIN];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: opts.cwd ?? tmpdir(),
    env: { PATH: process.env.PATH ?? '', ...(rssFile ? { MEMTRAIL_TEST_RSS_FILE: rssFile } : {}), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => stdout.push(d));
  child.stderr.on('data', (d: Buffer) => stderr.push(d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const run: CliRun = { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  if (rssFile) {
    run.maxRssKiB = Number(readFileSync(rssFile, 'utf8'));
    rmSync(join(rssFile, '..'), { recursive: true });
  }
  return run;
}

/** `memtrail report <input> -f json -o -` and the parsed report; the run must succeed. */
export async function reportJson(input: string, extraArgs: string[] = [], opts: CliOptions = {}): Promise<{ run: CliRun; report: ReportJson }> {
  const run = await runCli(['report', input, '-f', 'json', '-o', '-', '-q', ...extraArgs], opts);
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(0);
  return { run, report: JSON.parse(run.stdout) as ReportJson };
}

/** Never an uncaught exception, an internal error or a stack trace, whatever the input. */
export function expectNoCrash(run: CliRun): void {
  expect(run.code, run.stderr).not.toBe(4);
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/internal error|Uncaught|Unhandled|TypeError|RangeError|ReferenceError/);
}

/** Exit 3 with exactly one stderr line that names the input file. */
export function expectUnreadable(run: CliRun, input: string): void {
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(3);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toContain(input);
}
