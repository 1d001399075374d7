/**
 * Streaming decompression of an input file: zstd through the `zstd` command when it is installed
 * (a child process, so it decodes on another core; ten times faster than fzstd) and else through
 * fzstd (pure JS; Node 20 has no native zstd, see bench/zstd/README.md), gzip through node's zlib,
 * xz through xz-decompress (wasm, see xz.ts and bench/xz/README.md). All are pull-driven async
 * iterables, so nothing is decompressed faster than the tar parser and the visitor consume it.
 * MEMTRAIL_ZSTD=fzstd forces the JS decoder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import type { Compression } from './sniff.js';
import { xzChunks } from './xz.js';

const FILE_CHUNK_BYTES = 256 * 1024;
/**
 * fzstd decodes everything pushed to it at once. A zstd block is at most 128 KiB and takes at
 * least 4 bytes (an RLE block), so 128 input bytes yield at most ~4 MiB of output per push.
 */
const ZSTD_PUSH_BYTES = 128;
/** zstd's own default decoder limit (windowLog 27): fzstd allocates the window up front. */
const MAX_ZSTD_WINDOW_BYTES = 128 * 1024 * 1024;

/** A decompression failure (corrupt or truncated data) at a compressed byte offset. */
export class DecompressError extends Error {
  constructor(
    readonly compression: Compression,
    readonly compressedOffset: number,
    cause: unknown,
  ) {
    super(`${compression} data corrupt or truncated near compressed byte ${compressedOffset}: ${(cause as Error).message ?? cause}`);
  }
}

export interface InputStream {
  /** Decompressed bytes; throws DecompressError on bad data. */
  chunks: AsyncIterable<Buffer>;
  /** Input file bytes read so far (for the ratio check and progress). */
  fileBytesRead(): number;
}

export function openInput(path: string, inputBytes: number, compression: Compression, onRead: (bytesRead: number) => void): InputStream {
  let bytesRead = 0;
  async function* fileChunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      onRead(bytesRead);
      yield chunk;
    }
  }
  const chunks =
    compression === 'zstd' ? zstdChunks(fileChunks(), inputBytes)
    : compression === 'gzip' ? gunzipChunks(fileChunks())
    : compression === 'xz' ? xzChunks(fileChunks(), (err) => new DecompressError('xz', bytesRead, err))
    : fileChunks();
  return { chunks, fileBytesRead: () => bytesRead };
}

/**
 * Smaller inputs go to fzstd: it takes a fraction of a second there, and it hands on every block
 * decoded before damage, where the command's output buffer keeps the last ~128 KiB of them.
 */
const NATIVE_ZSTD_FROM_BYTES = 1024 * 1024;
let zstdCommandRuns: boolean | undefined;

/** Whether the `zstd` command runs here (asked once per process). */
function hasZstdCommand(): boolean {
  zstdCommandRuns ??= spawnSync('zstd', ['-V'], { stdio: 'ignore' }).status === 0;
  return zstdCommandRuns;
}

function zstdChunks(compressed: AsyncIterable<Buffer>, inputBytes: number): AsyncGenerator<Buffer> {
  const checked = windowChecked(compressed);
  const native = inputBytes >= NATIVE_ZSTD_FROM_BYTES && process.env['MEMTRAIL_ZSTD'] !== 'fzstd' && hasZstdCommand();
  return native ? zstdCommandChunks(checked) : fzstdChunks(checked);
}

/** The same chunks, after the first one passed checkZstdWindow. */
async function* windowChecked(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of compressed) {
    if (first) checkZstdWindow(chunk);
    first = false;
    yield chunk;
  }
}

/**
 * `zstd -dc` as a child process. --memory keeps the CLI's own window limit at the one
 * checkZstdWindow applies to the first frame, for every later frame too.
 */
async function* zstdCommandChunks(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const child = spawn('zstd', ['-dcq', `--memory=${MAX_ZSTD_WINDOW_BYTES / (1024 * 1024)}MB`], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-500)));
  child.stdin.on('error', () => {}); // EPIPE when zstd stops on bad data: its exit status says why
  let fed = 0;
  const counted = (async function* () {
    for await (const chunk of compressed) {
      fed += chunk.length;
      yield chunk;
    }
  })();
  try {
    yield* throughDecoder(counted, child.stdin, child.stdout, (err) => new DecompressError('zstd', fed, err));
    const status = await exited;
    if (status !== 0) throw new DecompressError('zstd', fed, new Error(stderr.trim().split('\n').at(-1) || `zstd exited with status ${status}`));
  } finally {
    child.kill();
  }
}

async function* fzstdChunks(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoded: Buffer[] = [];
  const decoder = new Decompress((data) => {
    if (data.length > 0) decoded.push(Buffer.from(data.buffer, data.byteOffset, data.length));
  });
  let offset = 0;
  const push = (slice: Uint8Array, final: boolean) => {
    try {
      decoder.push(slice, final);
    } catch (err) {
      throw new DecompressError('zstd', offset, err);
    }
  };
  try {
    for await (const chunk of compressed) {
      for (let at = 0; at < chunk.length; at += ZSTD_PUSH_BYTES) {
        const slice = chunk.subarray(at, at + ZSTD_PUSH_BYTES);
        push(slice, false);
        offset += slice.length;
        while (decoded.length > 0) yield decoded.shift()!;
      }
    }
    push(new Uint8Array(0), true);
  } catch (err) {
    // Blocks decoded before a failure are good data: hand them on before the error.
    yield* decoded.splice(0);
    throw err;
  }
  yield* decoded;
}

/**
 * Refuses a first frame whose window (or single-segment content size) exceeds what zstd itself
 * decodes by default: fzstd would allocate it whole and copy it for every block.
 * Frame header layout: RFC 8878 §3.1.1.1.
 */
function checkZstdWindow(head: Buffer): void {
  if (head.length < 6) return;
  const descriptor = head[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  let windowBytes: number;
  if (singleSegment) {
    const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 3]!;
    const sizeFieldBytes = [1, 2, 4, 8][descriptor >> 6]!;
    const at = 5 + dictionaryIdBytes;
    if (head.length < at + sizeFieldBytes) return;
    windowBytes = sizeFieldBytes === 8 ? Number(head.readBigUInt64LE(at)) : head.readUIntLE(at, sizeFieldBytes) + (sizeFieldBytes === 2 ? 256 : 0);
  } else {
    const windowDescriptor = head[5]!;
    const base = 2 ** (10 + (windowDescriptor >> 3));
    windowBytes = base + (base / 8) * (windowDescriptor & 7);
  }
  if (windowBytes > MAX_ZSTD_WINDOW_BYTES) {
    throw new DecompressError('zstd', 0, new Error(`window of ${windowBytes} bytes is above the ${MAX_ZSTD_WINDOW_BYTES}-byte limit`));
  }
}

function gunzipChunks(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  return throughDecoder(compressed, gunzip, gunzip, (err) => new DecompressError('gzip', gunzip.bytesWritten, err));
}

/** Writes `compressed` into a decoder's input and yields its output, with backpressure both ways. */
async function* throughDecoder(
  compressed: AsyncIterable<Buffer>,
  input: Writable,
  output: Readable,
  fail: (err: unknown) => DecompressError,
): AsyncGenerator<Buffer> {
  let feedError: unknown = null;
  const source = (async () => {
    for await (const chunk of compressed) {
      if (input.destroyed) return;
      if (!input.write(chunk)) await drainOrClose(input);
    }
    input.end();
  })().catch((err: unknown) => {
    feedError = err;
    output.destroy();
  });
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) yield chunk;
  } catch (err) {
    throw feedError instanceof DecompressError ? feedError : fail(err);
  } finally {
    input.destroy();
    output.destroy();
    await source;
  }
  if (feedError !== null) throw feedError instanceof DecompressError ? feedError : fail(feedError);
}

function drainOrClose(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.once('drain', done).once('close', done);
  });
}
