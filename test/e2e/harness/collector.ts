/** The real collector: `record` in the background while the incident happens, then `bundle`. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { collectorPath } from './env.js';
import { sleep, waitUntil } from './wait.js';

export interface Recorder {
  /** Waits until `count` more samples are on disk, so the bundle shows the state the scenario made. */
  moreSamples(count: number, what: string): Promise<void>;
  /** SIGTERM, as systemd would stop it; waits for it, and for its /dev/kmsg follower, to end. */
  stop(): Promise<void>;
}

export interface RecordOptions {
  intervalS?: number;
  /** Take slabinfo, smaps_rollup and cgroup-memory every K samples (1: every sample). */
  slowEvery?: number;
  /** Processes captured in detail. */
  top?: number;
}

function recordArgs(dir: string, o: RecordOptions): string[] {
  return ['record', '-D', dir, '-i', String(o.intervalS ?? 1), '--slow-every', String(o.slowEvery ?? 1), '--top', String(o.top ?? 20)];
}

/** Starts `memtrail-collect record` and returns once its first sample is on disk. */
export async function startRecorder(dir: string, options: RecordOptions = {}): Promise<Recorder> {
  const child = spawn(collectorPath, recordArgs(dir, options), { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  let done = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    done = true;
    resolve();
  }));
  const meminfo = path.join(dir, 'live/series/meminfo');
  const samples = () => (existsSync(meminfo) ? readFileSync(meminfo, 'utf8').split('\n').filter((l) => l.startsWith('=== ')).length : 0);
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // nothing left in the group
    }
  };
  await waitUntil(`the recorder's first sample (stderr: ${stderr})`, () => {
    if (done) throw new Error(`memtrail-collect record exited: ${stderr}`);
    return samples() >= 1;
  }, 20_000);
  return {
    moreSamples: async (count, what) => {
      const target = samples() + count;
      await waitUntil(`${count} samples ${what}`, () => samples() >= target, (count + 8) * 1000 * (options.intervalS ?? 1));
    },
    stop: async () => {
      if (!done) child.kill('SIGTERM');
      // Its trap runs after the command in progress (a sleep of at most the interval, or a sample).
      await Promise.race([exited, sleep(15_000)]);
      killGroup();
      await exited;
      // Only a recorder that ignored SIGTERM leaves its follower: `timeout` runs in a group of its own.
      const follower = path.join(dir, 'kmsg.pid');
      if (existsSync(follower)) {
        try {
          process.kill(Number(readFileSync(follower, 'utf8')), 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}

/** `memtrail-collect bundle`: what `record` wrote plus a fresh sample and a full static capture. Returns the bundle path. */
export function bundleRecording(recordDir: string, outDir: string): string {
  const run = spawnSync(collectorPath, ['bundle', '-D', recordDir, '-o', outDir], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`memtrail-collect bundle exited ${run.status ?? run.signal}: ${run.stderr}`);
  const bundle = run.stdout.trimEnd().split('\n').at(-1) ?? '';
  if (!readdirSync(outDir).includes(path.basename(bundle))) throw new Error(`bundle path ${bundle} not in ${outDir}: ${run.stdout}`);
  return bundle;
}
