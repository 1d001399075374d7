/**
 * One decompression candidate, run in its own process so its peak RSS is its own:
 *   node candidate.mjs <candidate> <archive>
 * Prints one JSON line: wall milliseconds, peak RSS (MiB), decompressed bytes.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import zlib from 'node:zlib';
import { Decompress } from 'fzstd';

const [candidate, archive, readerModule] = process.argv.slice(2);

async function countStream(stream) {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.length;
  return bytes;
}

const CANDIDATES = {
  /** fzstd's streaming class fed whole 64 KiB file chunks. */
  async 'fzstd-stream'() {
    let bytes = 0;
    const decoder = new Decompress((data) => (bytes += data.length));
    for await (const chunk of createReadStream(archive)) decoder.push(chunk);
    decoder.push(new Uint8Array(0), true);
    return bytes;
  },
  /** The zstd CLI as a child process, its stdout streamed. */
  async 'zstd-cli'() {
    const child = spawn('zstd', ['-dc', archive], { stdio: ['ignore', 'pipe', 'inherit'] });
    return countStream(child.stdout);
  },
  /** Node's own zstd (zlib.createZstdDecompress, Node >= 22.15 / 23.8). */
  async 'node-zlib'() {
    if (typeof zlib.createZstdDecompress !== 'function') return null;
    return countStream(createReadStream(archive).pipe(zlib.createZstdDecompress()));
  },
  /** The whole reader: readBundle() with a visitor that reads every line (gzip or zstd). */
  async reader() {
    const { readBundle } = await import(readerModule);
    let bytes = 0;
    await readBundle(archive, async (entry) => {
      for await (const line of entry.lines()) bytes += line.length + 1;
    });
    return bytes;
  },
};

const started = performance.now();
const bytes = await CANDIDATES[candidate]();
const ms = Math.round(performance.now() - started);
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ candidate, archive, ms, peakRssMiB, bytes }));
