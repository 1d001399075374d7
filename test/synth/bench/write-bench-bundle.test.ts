import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../../src/analyze.js';
import { VMSTAT_6_18 } from '../../../src/synth/bench/vmstat-6-18.js';
import { KERNEL_LINES_PER_DAY, writeBenchBundle, type BenchBundleResult } from '../../../src/synth/bench/write-bench-bundle.js';

const SPEC = { hours: 3, intervalS: 10, procs: 60, seed: 7, host: 'bench-test' };

/** Records of a series file: [time, lines][]. */
function records(text: string): [number, string[]][] {
  return text.split(/^=== /m).slice(1).map((r) => {
    const [stamp, ...lines] = r.trimEnd().split('\n');
    return [Number(stamp), lines];
  });
}

describe('bench bundle generator', () => {
  let work: string;
  let result: BenchBundleResult;
  let root: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'memtrail-bench-gen-'));
    result = await writeBenchBundle(SPEC, join(work, 'a.tar.zst'));
    execFileSync('tar', ['--zstd', '-xf', result.file, '-C', work]);
    root = join(work, result.rootName);
  });

  it('packs manifest.json first, as the collector does', () => {
    const members = execFileSync('tar', ['--zstd', '-tf', result.file], { encoding: 'utf8' }).trim().split('\n');
    expect(members[0]).toBe(`${result.rootName}/manifest.json`);
    expect(members).toContain(`${result.rootName}/series/vmstat`);
  });

  it('is the same bytes for the same seed, and different for another seed', async () => {
    const again = await writeBenchBundle(SPEC, join(work, 'b.tar.zst'));
    const other = await writeBenchBundle({ ...SPEC, seed: 8 }, join(work, 'c.tar.zst'));
    const [a, b, c] = await Promise.all([result.file, again.file, other.file].map((f) => readFile(f)));
    expect(a.equals(b!)).toBe(true);
    expect(a.equals(c!)).toBe(false);
  });

  it('samples the fast series every interval and the slow ones every 60 s, in layout v1', async () => {
    expect(result.samples).toBe(3 * 360 + 1);
    const vmstat = records(await readFile(join(root, 'series/vmstat'), 'utf8'));
    expect(vmstat).toHaveLength(result.samples);
    expect(vmstat[1]![0] - vmstat[0]![0]).toBe(10);
    expect(vmstat.at(-1)![1].map((l) => l.split(' ')[0])).toEqual([...VMSTAT_6_18]);
    for (const name of ['meminfo', 'buddyinfo', 'pressure-memory']) {
      expect(records(await readFile(join(root, 'series', name), 'utf8')), name).toHaveLength(result.samples);
    }
    const procs = records(await readFile(join(root, 'series/procs'), 'utf8'));
    expect(procs).toHaveLength(3 * 60 + 1);
    expect(procs[0]![1]).toHaveLength(1 + SPEC.procs);
    const smaps = records(await readFile(join(root, 'series/smaps_rollup'), 'utf8'));
    expect(smaps).toHaveLength(procs.length);
    expect(smaps[0]![1].filter((l) => l.startsWith('--- pid '))).toHaveLength(20);
    expect(records(await readFile(join(root, 'series/slabinfo'), 'utf8'))).toHaveLength(procs.length);
    const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'memtrail-bundle/1', host: 'bench-test', interval: 10, synthetic: true });
    const listed = new Set(manifest.artifacts.map((a: { path: string }) => a.path));
    for (const dir of ['series', 'commands']) {
      for (const name of await readdir(join(root, dir))) expect(listed).toContain(`${dir}/${name}`);
    }
  });

  it('writes ~100k kernel lines a day with complete memcg OOM reports', async () => {
    const dmesg = (await readFile(join(root, 'commands/dmesg'), 'utf8')).trimEnd().split('\n');
    expect(dmesg.length).toBe(result.kernelLines);
    expect(dmesg.length).toBeGreaterThan(KERNEL_LINES_PER_DAY / 8 * 0.9);
    expect(dmesg.length).toBeLessThan(KERNEL_LINES_PER_DAY / 8 * 1.1);
    const uptimes = dmesg.map((l) => Number(/^\[\s*([\d.]+)\]/.exec(l)![1]));
    expect(uptimes.every((u, i) => i === 0 || u >= uptimes[i - 1]!)).toBe(true);
    expect(result.oomKills).toBe(1);
    expect(dmesg.filter((l) => l.includes('invoked oom-killer'))).toHaveLength(1);
    expect(dmesg.filter((l) => l.includes('Memory cgroup out of memory: Killed process'))).toHaveLength(1);
  });

  it('has a leak the analysis finds: worker.py growing ~200 MB/h, and the OOM kill', async () => {
    const { report } = await analyzeBundle(result.file);
    expect(report.events.filter((e) => e.type === 'oom-kill')).toEqual([expect.objectContaining({ comm: 'import-job', scope: 'memcg' })]);
    const rows = report.findings.find((f) => f.id === 'exhaustion-forecast')!.details![0]!.rows;
    const worker = rows.find((r) => String(r.series).includes('python3 (pid 1842)'));
    expect(Number(worker?.slope)).toBeGreaterThan(180);
    expect(Number(worker?.slope)).toBeLessThan(230);
  });
});
