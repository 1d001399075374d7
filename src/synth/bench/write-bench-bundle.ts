/**
 * Writes a bench bundle (layout v1, docs/bundle-format.md) record by record into a directory beside
 * the output, then packs it with the system's tar and zstd, as the collector does. Memory stays flat
 * whatever the span: nothing but the current sample is ever held.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bootLines, oomReport } from '../kernel-log-text.js';
import { slabinfoText } from '../proc-text.js';
import type { Scenario } from '../scenario.js';
import { staticExtras } from '../static-extras.js';
import { artifactRow, bundleRootName, FastSeries, manifestOf, procsRecord, smapsRecord, staticFiles } from '../write-sample.js';
import { BENCH_START, BenchServer, IMPORT_LIMIT_KB, IMPORT_MEMCG, IMPORT_UNIT, UPTIME_AT_START_S, type BenchSpec } from './bench-server.js';
import { BundleDir } from './bundle-dir.js';
import { NOISE_LINES_PER_MESSAGE, noiseLines } from './kernel-noise.js';
import { seededRandom, type Random } from './prng.js';
import { VMSTAT_6_18 } from './vmstat-6-18.js';

/** Kernel log volume: about 100k lines per recorded day, mostly noise. */
export const KERNEL_LINES_PER_DAY = 100_000;
const SLOW_SERIES_EVERY_S = 60;
const TOP_N = 20;

export interface BenchBundleResult {
  file: string;
  rootName: string;
  samples: number;
  uncompressedBytes: number;
  compressedBytes: number;
  kernelLines: number;
  oomKills: number;
  generateS: number;
  packS: number;
}

function benchScenario(spec: BenchSpec, server: BenchServer): Scenario {
  const importJob = server.stateAt(server.end).processes.at(-1)!;
  return {
    name: 'bench', title: `bench bundle, ${spec.hours} h at ${spec.intervalS} s, ${spec.procs} processes`, expected: 'process-leak',
    host: spec.host, kernel: '6.1.0-27-amd64', start: BENCH_START, uptimeAtStart: UPTIME_AT_START_S, hours: spec.hours,
    intervalS: spec.intervalS, timezone: 'UTC', swapDevice: { name: '/dev/nvme0n1p3', type: 'partition' },
    state: () => server.stateAt(server.end),
    memoryMax: { [IMPORT_UNIT]: IMPORT_LIMIT_KB * 1024 },
    cgroup: () => ({
      path: IMPORT_MEMCG, usageBytes: Math.round(importJob.anonKb + importJob.fileKb) * 1024, limitBytes: IMPORT_LIMIT_KB * 1024,
      failcnt: 18_211, oomKillDisable: false, underOom: false, oomKills: server.oomTimes().length,
    }),
  };
}

/** Kernel messages in time order: noise as a Poisson stream, the OOM reports at their times. */
class KernelLog {
  private readonly rand: Random;
  private nextNoise: number;
  private readonly messagesPerS = KERNEL_LINES_PER_DAY / 86_400 / NOISE_LINES_PER_MESSAGE;
  lines = 0;

  constructor(private readonly dir: BundleDir, private readonly server: BenchServer, seed: number) {
    this.rand = seededRandom(seed ^ 0x9e3779b9);
    this.nextNoise = server.start;
    this.write(bootLines());
  }

  /** Everything the kernel printed up to epoch `until`. */
  advanceTo(until: number, ooms: number[]): void {
    const out: string[] = [];
    while (this.nextNoise <= until || (ooms.length > 0 && ooms[0]! <= until)) {
      if (ooms.length > 0 && ooms[0]! <= this.nextNoise) {
        out.push(...oomReport(this.server.oomAt(ooms.shift()!)));
        this.server.counters.oom_kill! += 1;
      } else {
        out.push(...noiseLines(this.rand, this.nextNoise - this.server.bootTime, this.server.bootTime));
        this.nextNoise += -Math.log(1 - this.rand()) / this.messagesPerS;
      }
    }
    this.write(out);
  }

  private write(lines: string[]): void {
    if (lines.length === 0) return;
    this.lines += lines.length;
    this.dir.append('commands/dmesg', `${lines.join('\n')}\n`);
  }
}

export async function writeBenchBundle(spec: BenchSpec, outFile: string): Promise<BenchBundleResult> {
  const began = performance.now();
  const server = new BenchServer(spec);
  const rootName = bundleRootName(spec.host, server.start);
  // Beside the output, not in /tmp: a week's bundle is about a gigabyte and /tmp may be RAM.
  const work = mkdtempSync(join(dirname(resolve(outFile)), '.bench-work-'));
  try {
    const dir = new BundleDir(join(work, rootName));
    const fast = new FastSeries(spec.intervalS, VMSTAT_6_18, server.counters);
    const kernel = new KernelLog(dir, server, spec.seed);
    const ooms = server.oomTimes();
    const oomKills = ooms.length;
    const samples = Math.round((spec.hours * 3600) / spec.intervalS) + 1;
    const slowEvery = Math.max(1, Math.round(SLOW_SERIES_EVERY_S / spec.intervalS));
    for (let i = 0; i < samples; i++) {
      const time = server.start + i * spec.intervalS;
      kernel.advanceTo(time, ooms);
      const s = server.stateAt(time);
      const header = `=== ${time.toFixed(3)}\n`;
      for (const [name, text] of fast.sample(s)) dir.append(`series/${name}`, header + text);
      if (i % slowEvery !== 0) continue;
      dir.append('series/procs', header + procsRecord(s));
      dir.append('series/slabinfo', header + slabinfoText(s.slab));
      dir.append('series/smaps_rollup', header + smapsRecord(s, TOP_N));
    }
    const scenario = benchScenario(spec, server);
    const last = server.stateAt(server.end);
    for (const [path, text] of [...staticFiles(scenario, last, server.bootTime, server.end), ...staticExtras(scenario, last)]) dir.append(path, text);
    const manifest = manifestOf(scenario, server.bootTime, server.end, dir.sizes().map(([path, bytes]) => artifactRow(path, bytes, server.end)));
    dir.append('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    dir.close();
    const uncompressedBytes = dir.sizes().reduce((sum, [, bytes]) => sum + bytes, 0);
    const packed = performance.now();
    await packTarZst(work, rootName, outFile, server.end);
    const done = performance.now();
    return {
      file: outFile, rootName, samples, uncompressedBytes, compressedBytes: statSync(outFile).size, kernelLines: kernel.lines, oomKills,
      generateS: (packed - began) / 1000, packS: (done - packed) / 1000,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `tar -C work -cf - root | zstd -q -T0 -3 -o file`, manifest.json first as the collector packs it (a
 * streaming reader needs it before the rest), then sorted names, fixed mtime and owner: reproducible.
 */
function packTarZst(work: string, rootName: string, outFile: string, mtime: number): Promise<void> {
  const rest = readdirSync(join(work, rootName)).filter((n) => n !== 'manifest.json').sort().map((n) => `${rootName}/${n}`);
  return new Promise((resolvePack, reject) => {
    const tar = spawn('tar', ['-C', work, '--sort=name', `--mtime=@${mtime}`, '--owner=0', '--group=0', '--numeric-owner', '-cf', '-', `${rootName}/manifest.json`, ...rest], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const zstd = spawn('zstd', ['-q', '-f', '-T0', '-3', '-o', outFile], { stdio: [tar.stdout, 'inherit', 'inherit'] });
    let pending = 2;
    const exited = (name: string) => (code: number | null) => {
      if (code !== 0) reject(new Error(`${name} exited with ${code}`));
      else if (--pending === 0) resolvePack();
    };
    tar.on('error', reject).on('exit', exited('tar'));
    zstd.on('error', reject).on('exit', exited('zstd'));
  });
}
