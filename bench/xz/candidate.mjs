/**
 * One xz decompression candidate, run in its own process so its peak RSS is its own:
 *   node candidate.mjs <candidate> <archive.tar.xz> [reader module]
 * Prints one JSON line: wall ms, CPU ms of the process (all its threads; less noisy than wall on
 * a shared machine), ms to the first decompressed chunk and the compressed bytes read
 * by then, chunk count and largest chunk (does it stream, and in bounded pieces?), peak RSS (MiB),
 * decompressed bytes. A candidate whose package is not installed prints `"missing"`.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const [candidate, archive, readerModule] = process.argv.slice(2);
const started = performance.now();
const stats = { candidate, ms: 0, cpuMs: 0, firstMs: null, readAtFirst: null, count: 0, largest: 0, peakRssMiB: 0, bytes: 0 };
let compressedRead = 0;

function onChunk(length) {
  if (stats.firstMs === null) {
    stats.firstMs = Math.round(performance.now() - started);
    stats.readAtFirst = compressedRead;
  }
  stats.bytes += length;
  stats.count += 1;
  stats.largest = Math.max(stats.largest, length);
}

async function drain(chunks) {
  for await (const chunk of chunks) onChunk(chunk.length);
  return true;
}

function fileStream() {
  const stream = createReadStream(archive, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => (compressedRead += chunk.length));
  return stream;
}

async function importOrNull(name) {
  try {
    return await import(name);
  } catch {
    return null;
  }
}

const CANDIDATES = {
  /** xz-decompress: xz-embedded compiled to wasm behind a web ReadableStream. */
  async 'xz-decompress'() {
    const lib = await importOrNull('xz-decompress');
    return lib !== null && drain(new (lib.default ?? lib).XzReadableStream(Readable.toWeb(fileStream())));
  },
  /** lzma-native: liblzma through N-API, prebuilt binaries inside the npm package. */
  async 'lzma-native'() {
    const lib = await importOrNull('lzma-native');
    return lib !== null && drain(fileStream().pipe((lib.default ?? lib).createDecompressor()));
  },
  /** @napi-rs/lzma: Rust lzma-rust2 through N-API; one-shot only (whole input in, whole output out). */
  async 'napi-rs-lzma'() {
    const lib = await importOrNull('@napi-rs/lzma/xz');
    if (lib === null) return false;
    const input = await readFile(archive);
    compressedRead = input.length;
    return drain([await lib.decompress(input)]);
  },
  /** The xz CLI as a child process, stdout streamed (the child's own RSS is not counted). */
  async 'xz-cli'() {
    return drain(spawn('xz', ['-dc', archive], { stdio: ['ignore', 'pipe', 'inherit'] }).stdout);
  },
  /** The whole reader: readBundle() with a visitor that reads every line of every entry. */
  async reader() {
    const { readBundle } = await import(readerModule);
    await readBundle(archive, async (entry) => {
      for await (const line of entry.lines()) onChunk(line.length + 1);
    }, {}, { onProgress: (read) => (compressedRead = read) });
    return true;
  },
};

if (await CANDIDATES[candidate]()) {
  stats.ms = Math.round(performance.now() - started);
  const cpu = process.cpuUsage();
  stats.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  stats.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(stats));
} else {
  console.log(JSON.stringify({ candidate, missing: true }));
}
