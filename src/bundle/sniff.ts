/**
 * What an input is, judged by its bytes rather than its name: the compression from the magic
 * number of the file, then tar, text or neither from the first decompressed bytes.
 */
import { Header } from 'tar';

export type Compression = 'zstd' | 'gzip' | 'xz' | 'bzip2' | 'none';

const MAGIC: { compression: Compression; bytes: number[] }[] = [
  { compression: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { compression: 'gzip', bytes: [0x1f, 0x8b] },
  { compression: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { compression: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
];

/** Enough for every magic number above. */
export const MAGIC_BYTES = 6;

export function compressionOf(head: Uint8Array): Compression {
  const match = MAGIC.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte));
  return match?.compression ?? 'none';
}

export type Content = 'tar' | 'text' | 'binary';

export const TAR_BLOCK_BYTES = 512;
/** How much of the start of a stream the text check looks at. */
export const TEXT_SAMPLE_BYTES = 8192;

/** Control bytes a text log may hold: tab, newline, vertical tab, form feed, CR, ESC. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);
/** A few stray control bytes do not make a log binary (a dmesg line may quote one). */
const MAX_CONTROL_SHARE = 0.01;

/** `head` is the start of the (decompressed) stream, up to TEXT_SAMPLE_BYTES. */
export function contentOf(head: Buffer): Content {
  if (head.length >= TAR_BLOCK_BYTES && isTarHeader(head.subarray(0, TAR_BLOCK_BYTES))) return 'tar';
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary';
    if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) controls += 1;
  }
  return controls <= head.length * MAX_CONTROL_SHARE ? 'text' : 'binary';
}

/** An all-zero block is tar's end-of-archive marker: the start of an empty archive. */
function isTarHeader(block: Buffer): boolean {
  try {
    const header = new Header(block);
    return header.nullBlock || header.cksumValid;
  } catch {
    // node-tar throws on fields that cannot be decoded (bad base-256 numbers): not a header.
    return false;
  }
}
