/**
 * Streaming decompression of an input file: zstd through fzstd (pure JS; Node 20 has no native
 * zstd, see bench/zstd/README.md), gzip through node's zlib, xz through xz-decompress (wasm, see
 * xz.ts and bench/xz/README.md). All are pull-driven async iterables, so nothing is decompressed faster than the tar parser and the visitor consume it.
 */
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
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

export function openInput(path: string, compression: Compression, onRead: (bytesRead: number) => void): InputStream {
  let bytesRead = 0;
  async function* fileChunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      onRead(bytesRead);
      yield chunk;
    }
  }
  const chunks =
    compression === 'zstd' ? zstdChunks(fileChunks())
    : compression === 'gzip' ? gunzipChunks(fileChunks())
    : compression === 'xz' ? xzChunks(fileChunks(), (err) => new DecompressError('xz', bytesRead, err))
    : fileChunks();
  return { chunks, fileBytesRead: () => bytesRead };
}

async function* zstdChunks(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
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
      if (offset === 0) checkZstdWindow(chunk);
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

async function* gunzipChunks(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const source = (async () => {
    for await (const chunk of compressed) {
      if (gunzip.destroyed) return;
      if (!gunzip.write(chunk)) await drainOrClose(gunzip);
    }
    gunzip.end();
  })().catch((err: unknown) => gunzip.destroy(err as Error));
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (err) {
    throw new DecompressError('gzip', gunzip.bytesWritten, err);
  } finally {
    gunzip.destroy();
    await source;
  }
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
