/**
 * Streaming xz decompression (sosreports are `.tar.xz` by default) through xz-decompress:
 * xz-embedded compiled to WebAssembly, no native binary. Chosen by measurement over lzma-native
 * and @napi-rs/lzma (bench/xz/README.md): the same CPU time as native liblzma, the lowest peak
 * RSS, and output in 64 KiB pieces pulled one at a time, so the reader's ratio and size limits
 * apply between pieces as they do for zstd and gzip.
 *
 * xz-decompress decodes one stream at a time per process (one wasm instance behind a mutex): a
 * stream must be read to its end or cancelled, which the generator's return does.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import xzDecompress from 'xz-decompress';

export async function* xzChunks(compressed: AsyncIterable<Buffer>, onError: (err: unknown) => Error): AsyncGenerator<Buffer> {
  const input = Readable.toWeb(Readable.from(compressed)) as WebReadableStream<Uint8Array>;
  const decoded = new xzDecompress.XzReadableStream(input as unknown as ReadableStream<Uint8Array>) as unknown as WebReadableStream<Uint8Array>;
  try {
    for await (const chunk of decoded) {
      // Each chunk is the decoder's own copy of its output buffer: wrap it, do not copy again.
      if (chunk.length > 0) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    }
  } catch (err) {
    throw onError(err);
  }
}
