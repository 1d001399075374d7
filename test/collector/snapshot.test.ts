/** A short real snapshot on this machine, checked against docs/bundle-format.md in both directions. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedArtifacts } from './bundle-format-doc.js';
import {
  diskTempDir, extractBundle, isRoot, listFiles, readManifest, removeDir, runCollector, seriesRecords,
  type CollectorRun, type ManifestJson,
} from './collector-run.js';

let tmp: string;
let run: CollectorRun;
let bundleDir: string;
let manifest: ManifestJson;
let files: string[];

beforeAll(async () => {
  tmp = diskTempDir();
  run = runCollector(['snapshot', '-d', '2', '-i', '1', '-o', path.join(tmp, 'out')]);
  bundleDir = await extractBundle(run.bundlePath, tmp);
  manifest = readManifest(bundleDir);
  files = listFiles(bundleDir);
});
afterAll(() => removeDir(tmp));

describe('snapshot -d 2 -i 1', () => {
  it('prints the bundle path last, packs one memtrail-<host>-<stamp>/ directory and removes the staging copy', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.bundlePath).toMatch(/\/memtrail-[A-Za-z0-9._-]+-\d{8}T\d{6}Z\.tar\.(zst|gz)$/);
    expect(existsSync(run.bundlePath)).toBe(true);
    expect(path.basename(bundleDir)).toBe(path.basename(run.bundlePath).replace(/\.tar\.(zst|gz)$/, ''));
    expect(existsSync(run.bundlePath.replace(/\.tar\.(zst|gz)$/, ''))).toBe(false);
  });

  it('writes every manifest field of layout v1', () => {
    expect(manifest).toMatchObject({ format: 'memtrail-bundle/1', mode: 'snapshot', interval: 1, redaction: true, synthetic: false });
    expect(manifest.collector.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const field of ['host', 'kernel', 'arch', 'timezone']) expect(typeof manifest[field], field).toBe('string');
    for (const field of ['pageSize', 'bootTime', 'start', 'end', 'uid']) expect(typeof manifest[field], field).toBe('number');
    expect(manifest.uid).toBe(process.getuid?.());
    expect(manifest.end).toBeGreaterThan(manifest.start);
    for (const a of manifest.artifacts) {
      expect(Object.keys(a).sort()).toEqual(['bytes', 'command', 'error', 'exit', 'path', 'seconds', 'time', 'timedOut', 'truncated']);
    }
  });

  it('has every documented snapshot artifact, or records it absent with a reason', () => {
    const pids = [...new Set(files.map((f) => /^proc\/(\d+)\//.exec(f)?.[1]).filter((p) => p !== undefined))];
    expect(pids.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const row of documentedArtifacts().filter((r) => r.modes.includes('snapshot'))) {
      // Per-process rows must hold for every captured process, not just one.
      const instances = row.pattern.includes('<pid>') ? pids.map((pid) => row.regex.source.replace('[^/]+', pid)) : [row.regex.source];
      for (const source of instances) {
        const regex = new RegExp(source);
        const present = files.some((f) => regex.test(f));
        const recordedAbsent = manifest.artifacts.some((a) => regex.test(a.path) && a.error !== null && a.error !== '');
        if (!present && !recordedAbsent) missing.push(source);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds only documented paths, each listed in the manifest with its size', () => {
    const rows = documentedArtifacts();
    expect(files.filter((f) => !rows.some((r) => r.regex.test(f)))).toEqual([]);
    const byPath = new Map(manifest.artifacts.map((a) => [a.path, a]));
    for (const f of files.filter((name) => name !== 'manifest.json')) {
      expect(byPath.get(f)?.bytes, f).toBe(statSync(path.join(bundleDir, f)).size);
    }
    for (const a of manifest.artifacts) {
      if (!files.includes(a.path)) expect(a.error, a.path).toBeTruthy();
    }
  });

  it('samples 3 times, the slow series on the first and last sample', () => {
    const meminfo = seriesRecords(path.join(bundleDir, 'series/meminfo'));
    expect(meminfo).toHaveLength(3);
    expect(meminfo[2]!.time - meminfo[0]!.time).toBeGreaterThanOrEqual(1.9);
    expect(meminfo.every((r) => r.lines[0]!.startsWith('MemTotal:'))).toBe(true);
    expect(seriesRecords(path.join(bundleDir, 'series/smaps_rollup'))).toHaveLength(2);
    if (isRoot) expect(seriesRecords(path.join(bundleDir, 'series/slabinfo'))).toHaveLength(2);
  });

  it('writes series/procs as the documented table, with this test runner in it', () => {
    const [first] = seriesRecords(path.join(bundleDir, 'series/procs'));
    expect(first!.lines[0]).toBe('PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ');
    const rows = first!.lines.slice(1).map((l) => /^(\d+) (\d+) (.*) (\d+) (\d+) (-?\d+)$/.exec(l));
    expect(rows.every((r) => r !== null)).toBe(true);
    const self = rows.find((r) => Number(r![1]) === process.pid);
    expect(Number(self![4])).toBeGreaterThan(1000);
  });

  it('writes series/smaps_rollup and series/cgroup-memory in their documented record formats', () => {
    const [smaps] = seriesRecords(path.join(bundleDir, 'series/smaps_rollup'));
    expect(smaps!.lines[0]).toMatch(/^--- pid \d+ .+$/);
    expect(smaps!.lines[1]).toMatch(/\[rollup\]$/);
    expect(smaps!.lines).toContainEqual(expect.stringMatching(/^Rss:\s+\d+ kB$/));
    const cgroupFile = path.join(bundleDir, 'series/cgroup-memory');
    if (!existsSync(cgroupFile)) return expect(manifest.artifacts.find((a) => a.path === 'series/cgroup-memory')?.error).toBeTruthy();
    const [cg] = seriesRecords(cgroupFile);
    expect(cg!.lines[0]).toMatch(/^--- v[12] \/.*$/);
    expect(cg!.lines.filter((l) => !l.startsWith('--- ')).every((l) => /^memory\.[\w.]+ \S/.test(l))).toBe(true);
  });
});
