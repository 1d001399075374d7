/**
 * A synthetic but realistic bundle (layout v1) of about `targetBytes` of text: series records
 * built from the real captures in ../shared/fixtures/real/01_baseline with every number jittered,
 * so it compresses like a real recording rather than like repeated text.
 * Used by bench/zstd/run.mjs and by test/bundle/streaming-memory.test.ts.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/real/01_baseline/', import.meta.url));
const SERIES = [
  ['meminfo', 'proc_meminfo.txt'],
  ['vmstat', 'proc_vmstat.txt'],
  ['buddyinfo', 'proc_buddyinfo.txt'],
  ['slabinfo', 'proc_slabinfo.txt'],
  ['procs', 'ps_sorted_rss_head40.txt'],
];
const START_EPOCH_S = 1795704623;

/** Deterministic PRNG (mulberry32), so every run compresses the same. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `<dir>/<name>/…` and returns the bundle directory; `targetBytes` of series text in all.
 * `variants` > 0 draws each record body from that many pre-jittered copies: faster to write,
 * slightly more compressible (tests); 0 jitters every record (the benchmark).
 */
export async function writeSyntheticBundle(dir, targetBytes, { variants = 0, name = 'memtrail-synthetic-20261126T145000Z' } = {}) {
  const root = join(dir, name);
  await mkdir(join(root, 'series'), { recursive: true });
  await mkdir(join(root, 'commands'), { recursive: true });
  await writeFile(join(root, 'manifest.json'), JSON.stringify({ format: 'memtrail-bundle/1', synthetic: true, artifacts: [] }));
  await writeFile(join(root, 'commands', 'dmesg'), await readFile(join(FIXTURES, 'dmesg.txt')));
  const templates = await Promise.all(SERIES.map(async ([series, file]) => [series, await readFile(join(FIXTURES, file), 'utf8')]));
  const perSeries = targetBytes / templates.length;
  await Promise.all(
    templates.map(async ([series, template], seriesIndex) => {
      // One generator per series: the writers interleave, a shared one would not be deterministic.
      const random = prng(42 + seriesIndex);
      const jitter = () => template.replace(/\d+/g, (digits) => String(Number(digits) + Math.floor(random() * 16)));
      const pool = Array.from({ length: variants }, jitter);
      const out = createWriteStream(join(root, 'series', series));
      let written = 0;
      for (let sample = 0; written < perSeries; sample += 1) {
        const body = variants > 0 ? pool[Math.floor(random() * variants)] : jitter();
        const record = `=== ${START_EPOCH_S + sample * 5}.${String(sample % 1000).padStart(3, '0')}\n${body}`;
        written += Buffer.byteLength(record);
        if (!out.write(record)) await new Promise((resolve) => out.once('drain', resolve));
      }
      await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
    }),
  );
  return root;
}
