/**
 * A sample bundle's files held in memory, edited by the corpus builder and written back as a
 * directory or an archive (plain, gzip, zstd), plus the byte-level damage the corpus applies.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, gzipSync } from 'node:zlib';
import { list } from 'tar';
import { END_OF_ARCHIVE, headerBytes, memberBytes, tarBytes, type TarMember } from './tar-bytes.js';

const SAMPLES = new URL('../../samples/', import.meta.url);
const MIB = 1024 * 1024;

/** A bundle's files by path below its top directory, editable before it is written. */
export class BundleFiles {
  constructor(
    readonly top: string,
    readonly files: Map<string, Buffer>,
  ) {}

  static fromSample(name: string): BundleFiles {
    const files = new Map<string, Buffer>();
    let top = '';
    list({
      file: new URL(`${name}.tar.gz`, SAMPLES).pathname,
      sync: true,
      onReadEntry(entry) {
        const parts: Buffer[] = [];
        entry.on('data', (d: Buffer) => parts.push(d));
        entry.on('end', () => {
          const [first, ...rest] = entry.path.split('/');
          top = first!;
          if (entry.type === 'File') files.set(rest.join('/'), Buffer.concat(parts));
        });
      },
    });
    return new BundleFiles(top, files);
  }

  clone(): BundleFiles {
    return new BundleFiles(this.top, new Map(this.files));
  }

  text(path: string): string {
    const body = this.files.get(path);
    if (!body) throw new Error(`corpus: no ${path} in the sample`);
    return body.toString('utf8');
  }

  set(path: string, body: string | Buffer): this {
    this.files.set(path, typeof body === 'string' ? Buffer.from(body) : body);
    return this;
  }

  /** Rewrites the text of every file whose path matches. */
  edit(match: RegExp, change: (text: string, path: string) => string): this {
    for (const path of this.files.keys()) if (match.test(path)) this.set(path, change(this.text(path), path));
    return this;
  }

  delete(match: RegExp): this {
    for (const path of [...this.files.keys()]) if (match.test(path)) this.files.delete(path);
    return this;
  }

  manifest(change: (m: Record<string, unknown>) => unknown): this {
    return this.set('manifest.json', JSON.stringify(change(JSON.parse(this.text('manifest.json')) as Record<string, unknown>)));
  }

  /** Archive members in the collector's order: the top directory, manifest.json, then sorted files. */
  members(): TarMember[] {
    const paths = [...this.files.keys()].sort((a, b) => Number(b === 'manifest.json') - Number(a === 'manifest.json') || (a < b ? -1 : a > b ? 1 : 0));
    return [
      { path: `${this.top}/`, type: 'Directory' },
      ...paths.map((path) => ({ path: `${this.top}/${path}`, body: this.files.get(path)! })),
    ];
  }

  tar(extra: TarMember[] = []): Buffer {
    return tarBytes([...this.members(), ...extra]);
  }

  writeDirectory(dir: string): string {
    for (const [path, body] of this.files) {
      const file = join(dir, this.top, path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, body);
    }
    return join(dir, this.top);
  }
}

export const hasZstd = spawnSync('zstd', ['--version']).status === 0;

export function zstd(data: Buffer): Buffer {
  const run = spawnSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 64 * MIB });
  if (run.status !== 0) throw new Error(`zstd failed: ${run.stderr}`);
  return run.stdout;
}

export const gzip = (data: Buffer) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION });

/** Flips one byte in the middle of a compressed stream (past its header) so decoding fails there. */
export function corruptMiddle(data: Buffer, at = Math.floor(data.length / 2)): Buffer {
  const copy = Buffer.from(data);
  for (let i = at; i < Math.min(copy.length, at + 16); i += 1) copy[i] = copy[i]! ^ 0x5a;
  return copy;
}

export type Compression = 'none' | 'gzip' | 'zstd';

export function compress(data: Buffer, compression: Compression): Buffer {
  return compression === 'gzip' ? gzip(data) : compression === 'zstd' ? zstd(data) : data;
}

/**
 * A bundle whose last member is `zeroMiB` of zeros, streamed through the compressor so the zeros
 * never sit in memory whole. Zeros compress ~1000:1 (gzip) and far more (zstd): a bomb by ratio
 * once past the reader's 64 MiB threshold, a bomb by size for a smaller --max-total-mb.
 */
export async function writeZeroBomb(
  file: string,
  bundle: BundleFiles,
  opts: { zeroMiB: number; memberPath: string; compression: 'gzip' | 'zstd' },
): Promise<void> {
  const members = bundle.members();
  async function* tarStream(): AsyncGenerator<Buffer> {
    for (const m of members) yield memberBytes(m);
    yield headerBytes({ path: `${bundle.top}/${opts.memberPath}` }, opts.zeroMiB * MIB);
    const zeros = Buffer.alloc(MIB);
    for (let i = 0; i < opts.zeroMiB; i += 1) yield zeros;
    yield END_OF_ARCHIVE;
  }
  if (opts.compression === 'gzip') {
    await pipeline(Readable.from(tarStream()), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(file));
    return;
  }
  const child = spawn('zstd', ['-q', '-c', '-3'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await Promise.all([pipeline(Readable.from(tarStream()), child.stdin), pipeline(child.stdout, createWriteStream(file))]);
  if ((await exited) !== 0) throw new Error('zstd failed');
}
