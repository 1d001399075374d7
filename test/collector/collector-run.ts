/**
 * Runs the real collector (collector/memtrail-collect) on this machine and unpacks what it wrote.
 * Shared by the collector tests; every test gets its own disk-backed temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decompress } from 'fzstd';
import * as tar from 'tar';
import type { ManifestArtifact } from '../../src/model/artifacts.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const collectorPath = path.join(repoRoot, 'collector/memtrail-collect');

export const isRoot = process.getuid?.() === 0;

/** Filesystem type of the mount holding `dir` (longest matching mount point of /proc/mounts). */
export function fsTypeOf(dir: string): string {
  let best = '';
  let type = '';
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const [, mountPoint, fsType] = line.split(' ');
    if (!mountPoint || !fsType) continue;
    const inside = dir === mountPoint || dir.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && mountPoint.length >= best.length) [best, type] = [mountPoint, fsType];
  }
  return type;
}

/** A fresh directory on disk: the collector refuses tmpfs, so /tmp is used only when disk-backed. */
export function diskTempDir(): string {
  const base = fsTypeOf(tmpdir()) === 'tmpfs' ? '/var/tmp' : tmpdir();
  const dir = mkdtempSync(path.join(base, 'memtrail-collector-test-'));
  // Tests that run the collector as nobody write here too.
  chmodSync(dir, 0o777);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CollectorRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The last line of stdout: the bundle path, by contract. */
  bundlePath: string;
}

export interface RunOptions {
  /** Interpreter, e.g. ['dash'] or ['busybox', 'sh']; the shebang's /bin/sh when absent. */
  shell?: string[];
  /** Run as uid/gid 65534 (nobody) through setpriv. */
  asNobody?: boolean;
  timeoutMs?: number;
}

export function runCollector(args: string[], options: RunOptions = {}): CollectorRun {
  let argv = [...(options.shell ?? []), collectorPath, ...args];
  if (options.asNobody) argv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv];
  const result = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: options.timeoutMs ?? 90_000 });
  const lines = result.stdout.trimEnd().split('\n');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, bundlePath: lines[lines.length - 1] ?? '' };
}

/** Unpacks a .tar.zst or .tar.gz bundle into `into`; returns the bundle's top-level directory. */
export async function extractBundle(bundlePath: string, into: string): Promise<string> {
  let tarFile = bundlePath;
  if (bundlePath.endsWith('.zst')) {
    tarFile = path.join(into, 'bundle.tar');
    writeFileSync(tarFile, decompress(readFileSync(bundlePath)));
  }
  const tops = new Set<string>();
  await tar.x({ file: tarFile, cwd: into, onReadEntry: (entry) => void tops.add(entry.path.split('/')[0]!) });
  if (tops.size !== 1) throw new Error(`expected one top-level directory, found ${[...tops].join(', ')}`);
  return path.join(into, [...tops][0]!);
}

/** Every regular file below `dir`, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** An artifact entry as manifest.json holds it: the same fields the loader's model declares. */
export type ManifestArtifactJson = ManifestArtifact;

export interface ManifestJson {
  format: string;
  collector: { version: string };
  uid: number;
  mode: string;
  redaction: boolean;
  interval: number;
  start: number;
  end: number;
  artifacts: ManifestArtifactJson[];
  [field: string]: unknown;
}

export function readManifest(bundleDir: string): ManifestJson {
  return JSON.parse(readFileSync(path.join(bundleDir, 'manifest.json'), 'utf8')) as ManifestJson;
}

/** Records of a series file: each `=== <epoch>` line and the lines up to the next one. */
export function seriesRecords(file: string): { time: number; lines: string[] }[] {
  const records: { time: number; lines: string[] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^=== (\d+(?:\.\d+)?)$/.exec(line);
    if (header) records.push({ time: Number(header[1]), lines: [] });
    else if (records.length > 0) records[records.length - 1]!.lines.push(line);
    else throw new Error(`${file}: content before the first record header: ${line}`);
  }
  for (const r of records) if (r.lines[r.lines.length - 1] === '') r.lines.pop();
  return records;
}
