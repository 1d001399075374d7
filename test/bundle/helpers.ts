/**
 * Builders for the reader tests: every archive is made at test time, from the real captures
 * (../shared/fixtures/real), with the system tar/zstd/gzip or, for hostile members the CLI
 * refuses to write, with node-tar's Header encoder. Nothing binary is committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Header, types } from 'tar';
import { readBundle, type BundleEntry, type ReadLimits, type ReadOutcome } from '../../src/bundle/index.js';

export const BASELINE = fileURLToPath(new URL('../../../shared/fixtures/real/01_baseline/', import.meta.url));
export const BUNDLE_NAME = 'memtrail-vm-20261126T145023Z';

export function baseline(file: string): Buffer {
  return readFileSync(join(BASELINE, file));
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'memtrail-bundle-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `files` (bundle path → content) below `root`. */
export function writeTree(root: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A small layout-v1 bundle from the real baseline captures. */
export function realBundleFiles(): Record<string, Buffer> {
  return {
    'manifest.json': Buffer.from(JSON.stringify({ format: 'memtrail-bundle/1', host: 'vm', artifacts: [] })),
    'proc/meminfo': baseline('proc_meminfo.txt'),
    'proc/slabinfo': baseline('proc_slabinfo.txt'),
    'proc/buddyinfo': baseline('proc_buddyinfo.txt'),
    'commands/dmesg': baseline('dmesg.txt'),
    'commands/df_-kPT': baseline('df_kPT.txt'),
  };
}

/** `tar cf` of `<dir>/<top>` with the system tar, then the compressor CLI if any. */
export function packDirectory(dir: string, top: string, out: string, compressor?: 'zstd' | 'gzip' | 'xz'): string {
  const tarPath = compressor ? `${out}.tmp.tar` : out;
  execFileSync('tar', ['cf', tarPath, '-C', dir, top]);
  if (compressor) {
    execFileSync('sh', ['-c', `${compressor} -c < "$1" > "$2" && rm "$1"`, 'sh', tarPath, out]);
  }
  return out;
}

export function compress(data: Buffer, compressor: 'zstd' | 'gzip' | 'xz'): Buffer {
  return execFileSync(compressor, ['-c'], { input: data, maxBuffer: 1 << 30 });
}

export interface Member {
  path: string;
  type?: types.EntryTypeName;
  body?: string | Buffer;
  linkpath?: string;
}

/** A tar of exactly these members, hostile ones included, via node-tar's header encoder. */
export function tarOf(members: Member[], endMarker = true): Buffer {
  const blocks: Buffer[] = [];
  for (const member of members) {
    const body = Buffer.from(member.body ?? '');
    const header = new Header({
      path: member.path,
      type: member.type ?? 'File',
      size: body.length,
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: new Date(1795704623000),
      linkpath: member.linkpath,
    });
    const block = Buffer.alloc(512);
    header.encode(block);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  if (endMarker) blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export interface Collected {
  outcome: ReadOutcome;
  /** Entry path → full text, in delivery order. */
  texts: [string, string][];
}

/** Reads `input` with a visitor that takes each entry's text (or its lines, joined). */
export async function collect(input: string, limits: Partial<ReadLimits> = {}, mode: 'text' | 'lines' = 'text'): Promise<Collected> {
  const texts: [string, string][] = [];
  const outcome = await readBundle(input, async (entry: BundleEntry) => {
    texts.push([entry.path, mode === 'text' ? await entry.text() : await joinLines(entry)]);
  }, limits);
  return { outcome, texts };
}

async function joinLines(entry: BundleEntry): Promise<string> {
  const lines: string[] = [];
  for await (const line of entry.lines()) lines.push(line);
  return lines.join('\n');
}

export function messages(outcome: ReadOutcome): string[] {
  return outcome.diagnostics.map((d) => `${d.source}: ${d.message}`);
}
