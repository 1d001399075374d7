/**
 * record mode's resident sampler: one awk fed a request per tick, its clock, and the watchdog that
 * replaces a sampler which stops answering. Also checks that the rows it writes are what
 * /proc/<pid>/status says, for a process whose comm the kernel escapes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectorPath, diskTempDir, removeDir, runCollector, seriesRecords } from './collector-run.js';

let tmp: string;
beforeAll(() => void (tmp = diskTempDir()));
afterAll(() => removeDir(tmp));

/** Pids of processes whose command line mentions `text` (the record directory is in every helper's). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(text)) pids.push(Number(name));
    } catch {
      // exited while listed
    }
  }
  return pids;
}

const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['dash', ['dash']],
  ['busybox sh', ['busybox', 'sh']],
  ['bash --posix', ['bash', '--posix']],
])('record under %s', (name, shell) => {
  it('samples every tick and leaves no process behind', () => {
    const dir = path.join(tmp, `rec-${name.replace(/\W/g, '_')}`);
    // --top 1: slow samples stay short, so that even a loaded machine (the sampler runs at nice 19)
    // skips few ticks; a tick that finds the last sample still running is skipped.
    const run = runCollector(['record', '-D', dir, '-i', '1', '-d', '5', '--slow-every', '2', '--top', '1'], { shell });
    expect(run.status, run.stderr).toBe(0);
    const series = path.join(dir, 'live/series');
    expect(seriesRecords(path.join(series, 'meminfo')).length).toBeGreaterThanOrEqual(3);
    const procs = seriesRecords(path.join(series, 'procs'));
    expect(procs.every((r) => r.lines.length > 10 && r.lines[0] === 'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ')).toBe(true);
    expect(seriesRecords(path.join(series, 'slabinfo')).length).toBeGreaterThanOrEqual(2);
    expect(processesMentioning(dir)).toEqual([]);
    // A reader of every file in DIR would block on a FIFO left behind.
    expect(readdirSync(path.join(dir, '.work')).filter((f) => f.endsWith('.fifo'))).toEqual([]);
  }, 60_000);
});

describe('the watchdog', () => {
  it('replaces a sampler that stops answering, and the records go on', async () => {
    const dir = path.join(tmp, 'watchdog');
    const recorder = spawn(collectorPath, ['record', '-D', dir, '-i', '1', '-d', '30', '--slow-every', '100'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    recorder.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise((resolve) => recorder.once('exit', resolve));
    const pidFile = path.join(dir, '.work/sampler.pid');
    const meminfo = path.join(dir, 'live/series/meminfo');
    while (!existsSync(meminfo) || seriesRecords(meminfo).length < 2) await sleepMs(200);
    const stuck = Number(readFileSync(pidFile, 'utf8'));
    process.kill(stuck, 'SIGSTOP');
    await exited;

    expect(stderr).toMatch(new RegExp(`stuck for 21 s: sampler ${stuck} killed and replaced`));
    expect(Number(readFileSync(pidFile, 'utf8'))).not.toBe(stuck);
    // Gone, or a zombie nobody has reaped yet: either way it no longer runs.
    const state = existsSync(`/proc/${stuck}/stat`) ? readFileSync(`/proc/${stuck}/stat`, 'utf8').split(') ')[1]![0] : 'gone';
    expect(['gone', 'Z']).toContain(state);
    const times = seriesRecords(meminfo).map((r) => r.time);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // One stall of about 21 s (the ticks in between skipped, not queued), then samples again.
    expect(gaps.filter((g) => g > 15)).toHaveLength(1);
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThan(22);
    expect(processesMentioning(dir)).toEqual([]);
  }, 60_000);
});

describe('series/procs rows', () => {
  it('match /proc/<pid>/status, escaped comm included, and oom_score_adj', async () => {
    // comm comes from the executable's name; status prints the backslash doubled.
    const odd = path.join(tmp, 'a\\b c');
    symlinkSync('/bin/sleep', odd);
    const child = spawn(odd, ['60'], { stdio: 'ignore' });
    try {
      await sleepMs(300);
      const dir = path.join(tmp, 'rows');
      const run = runCollector(['record', '-D', dir, '-i', '1', '-d', '1']);
      expect(run.status, run.stderr).toBe(0);
      const [record] = seriesRecords(path.join(dir, 'live/series/procs'));
      const row = record!.lines.find((l) => l.startsWith(`${child.pid} `));
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const field = (key: string) => new RegExp(`^${key}:\\s*(.*?)(?: kB)?$`, 'm').exec(status)?.[1] ?? '0';
      const adj = readFileSync(`/proc/${child.pid}/oom_score_adj`, 'utf8').trim();
      expect(field('Name')).toBe('a\\\\b c');
      expect(row).toBe(`${child.pid} ${field('PPid')} ${field('Name')} ${field('VmRSS')} ${field('VmSwap')} ${adj}`);
    } finally {
      child.kill();
    }
  }, 30_000);
});
