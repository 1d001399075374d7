/**
 * readBundle: the one entry point of the reader. It tells the input apart by its bytes (zstd,
 * gzip, xz or plain tar; a directory; a text kernel log), then streams every regular file to the
 * visitor. Nothing is extracted to disk and the archive is never held whole in memory.
 */
import { type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ByteBudget } from './byte-budget.js';
import { DecompressError, openInput } from './decompress.js';
import { readDirectory } from './directory-reader.js';
import { UnreadableInputError } from './errors.js';
import { peek, type Peeked } from './peek.js';
import { ReadContext } from './read-context.js';
import { compressionOf, contentOf, MAGIC_BYTES, TEXT_SAMPLE_BYTES, type Compression } from './sniff.js';
import { readTar } from './tar-reader.js';
import { DEFAULT_LIMITS, type ReadLimits, type ReadOptions, type ReadOutcome, type Visitor } from './types.js';

export async function readBundle(
  input: string,
  visit: Visitor,
  limits: Partial<ReadLimits> = {},
  options: ReadOptions = {},
): Promise<ReadOutcome> {
  const stats = await statInput(input);
  const inputName = basename(resolve(input));
  const ctx = new ReadContext(inputName, { ...DEFAULT_LIMITS, ...limits }, visit);
  const budget = new ByteBudget(ctx.limits, ctx.diagnostics, inputName);
  const onProgress = options.onProgress ?? (() => {});

  if (stats.isDirectory()) {
    await readDirectory(input, ctx, budget, onProgress);
    if (ctx.filesDelivered === 0) throw new UnreadableInputError(`${input}: the directory holds no readable file`);
    return ctx.outcome(null, inputName);
  }
  if (!stats.isFile()) throw new UnreadableInputError(`${input}: not a regular file or a directory`);
  if (stats.size === 0) throw new UnreadableInputError(`${input}: empty file`);

  const compression = compressionOf(await readHead(input));
  if (compression === 'bzip2') {
    throw new UnreadableInputError(`${input}: ${compression}-compressed archives are not supported yet; decompress it first`);
  }
  const stream = openInput(input, stats.size, compression, (bytesRead) => onProgress(bytesRead, stats.size));
  const compressedBytes = compression === 'none' ? () => null : stream.fileBytesRead;
  const peeked = await peekOrFail(input, stream.chunks);
  try {
    const content = contentOf(peeked.head);
    if (content === 'binary') throw new UnreadableInputError(`${input}: ${notABundle(compression)}`);
    if (content === 'text') {
      await readSingleLog(input, compression, stats, peeked, ctx, budget, compressedBytes);
      return ctx.outcome('kernel-log', null);
    }
    const { rootName, failure } = await readTar({ chunks: peeked.chunks, compressedBytes }, ctx, budget);
    if (ctx.filesDelivered === 0) {
      throw new UnreadableInputError(`${input}: ${failure ?? 'empty archive: it holds no regular file that could be read'}`);
    }
    return ctx.outcome(null, rootName);
  } finally {
    await peeked.close();
  }
}

async function statInput(input: string): Promise<Stats> {
  try {
    return await stat(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnreadableInputError(code === 'ENOENT' ? `${input}: no such file or directory` : `${input}: cannot access (${code})`);
  }
}

async function readHead(input: string): Promise<Buffer> {
  const handle = await open(input, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAGIC_BYTES), 0, MAGIC_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A stream that fails before its first bytes decode is corrupt from byte 0: nothing usable. */
async function peekOrFail(input: string, chunks: AsyncIterable<Buffer>): Promise<Peeked> {
  try {
    return await peek(chunks, TEXT_SAMPLE_BYTES);
  } catch (err) {
    if (err instanceof DecompressError) throw new UnreadableInputError(`${input}: ${err.message}`);
    throw err;
  }
}

function notABundle(compression: Compression): string {
  return compression === 'none'
    ? 'not a bundle: neither a tar archive (.tar, .tar.gz, .tar.zst, .tar.xz) nor a text kernel log'
    : `${compression}-compressed, but holds neither a tar archive nor a text kernel log`;
}

/** A bare kernel log (dmesg, journalctl -k, kern.log, syslog), maybe compressed: one entry. */
async function readSingleLog(
  input: string,
  compression: Compression,
  stats: Stats,
  peeked: Peeked,
  ctx: ReadContext,
  budget: ByteBudget,
  compressedBytes: () => number | null,
): Promise<void> {
  const path = compression === 'none' ? basename(input) : basename(input).replace(/\.(gz|zst|xz)$/, '');
  let bytesRead = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of peeked.chunks) {
        const allowed = budget.take(chunk.length, compressedBytes());
        bytesRead += allowed;
        if (allowed > 0) yield allowed < chunk.length ? chunk.subarray(0, allowed) : chunk;
        if (allowed < chunk.length) return;
      }
    } catch (err) {
      if (!(err instanceof DecompressError)) throw err;
      ctx.diagnostics.push({ source: ctx.inputName, severity: 'error', message: `${err.message}; the log was read up to there` });
    }
  }
  ctx.countEntry();
  await ctx.deliver(path, stats.size, chunks());
  if (compression !== 'none') ctx.setIndexBytes(path, bytesRead);
}
