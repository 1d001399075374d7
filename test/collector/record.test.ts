/** record mode: killed mid-sample it leaves a readable directory, and `bundle` packs what it wrote. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectorPath, diskTempDir, extractBundle, listFiles, readManifest, removeDir, runCollector, seriesRecords,
} from './collector-run.js';

let tmp: string;
let recordDir: string;
const meminfoKeys = readFileSync('/proc/meminfo', 'utf8').trim().split('\n').length;

beforeAll(async () => {
  tmp = diskTempDir();
  recordDir = path.join(tmp, 'rec');
  // Every sample is slow (slabinfo, smaps_rollup of 200 processes, cgroups), so a kill at a random
  // moment is likely to land inside one. Its own process group lets the test clean up afterwards.
  const recorder = spawn(collectorPath, ['record', '-D', recordDir, '-i', '1', '--slow-every', '1', '--top', '200'], {
    detached: true, stdio: 'ignore',
  });
  await new Promise((resolve) => setTimeout(resolve, 3700));
  recorder.kill('SIGKILL');
  await new Promise((resolve) => recorder.once('exit', resolve));
  // What systemd's KillMode=control-group would also do: the kmsg follower and any in-flight sampler.
  try {
    process.kill(-recorder.pid!, 'SIGKILL');
  } catch {
    // the group is already gone
  }
  const follower = path.join(recordDir, 'kmsg.pid');
  if (existsSync(follower)) {
    try {
      // SIGTERM: `timeout` passes it on to its `cat`, which runs in timeout's own process group.
      process.kill(Number(readFileSync(follower, 'utf8')), 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
afterAll(() => removeDir(tmp));

describe('record killed with SIGKILL mid-sample', () => {
  it('leaves series files whose records are all complete except possibly the last', () => {
    const dir = path.join(recordDir, 'live/series');
    const meminfo = seriesRecords(path.join(dir, 'meminfo'));
    expect(meminfo.length).toBeGreaterThanOrEqual(3);
    for (const r of meminfo.slice(0, -1)) expect(r.lines).toHaveLength(meminfoKeys);
    const procs = seriesRecords(path.join(dir, 'procs'));
    for (const r of procs.slice(0, -1)) {
      expect(r.lines[0]).toBe('PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ');
      expect(r.lines.slice(1).every((l) => /^\d+ \d+ .* \d+ \d+ -?\d+$/.test(l))).toBe(true);
    }
    for (const file of readdirSync(dir)) {
      const records = seriesRecords(path.join(dir, file));
      expect(records.slice(0, -1).every((r) => r.lines.length > 0), file).toBe(true);
    }
  });

  it('followed kernel messages into dmesg.live in dmesg format', () => {
    const records = seriesRecords(path.join(recordDir, 'dmesg.live'));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.lines.length === 1 && /^\[ *\d+\.\d{6}\] /.test(r.lines[0]!))).toBe(true);
    expect(readFileSync(path.join(recordDir, 'kmsg.state'), 'utf8')).toMatch(/^\S+ \d+\n$/);
  });

  it('can still be bundled: the records, a fresh sample and a static capture', async () => {
    const run = runCollector(['bundle', '-D', recordDir, '--since', '1', '-o', path.join(tmp, 'out')]);
    expect(run.status, run.stderr).toBe(0);
    const dir = await extractBundle(run.bundlePath, path.join(tmp, 'out'));
    const manifest = readManifest(dir);
    expect(manifest).toMatchObject({ mode: 'bundle', interval: 1 });
    const recorded = seriesRecords(path.join(recordDir, 'live/series/meminfo')).length;
    expect(seriesRecords(path.join(dir, 'series/meminfo'))).toHaveLength(recorded + 1);
    expect(listFiles(dir)).toEqual(expect.arrayContaining(['series/dmesg', 'proc/meminfo', 'commands/vmstat_1_5']));
    expect(manifest.start).toBeLessThan(manifest.end - 3);
  });
});

describe('record rotation', () => {
  it('closes compressed segments and stays under --max-mb', () => {
    const dir = path.join(tmp, 'small');
    const run = runCollector(['record', '-D', dir, '-i', '1', '-d', '11', '--slow-every', '1', '--max-mb', '1']);
    expect(run.status, run.stderr).toBe(0);
    const segments = readdirSync(path.join(dir, 'segments'));
    expect(segments.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'segments', segments[0]!, 'series')).some((f) => /\.(zst|gz)$/.test(f))).toBe(true);
    const bytes = listFiles(dir).reduce((sum, f) => sum + readFileSync(path.join(dir, f)).length, 0);
    expect(bytes).toBeLessThan(1024 * 1024);
  });
});
