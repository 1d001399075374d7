/**
 * zstd decompression benchmark for the bundle reader (bench/zstd/README.md holds the results).
 *   node bench/zstd/run.mjs [MiB]   (default 200)
 * Builds a synthetic bundle of realistic text, packs it the way the collector does
 * (tar | zstd, tar | gzip), then runs each candidate 3 times in a fresh process and keeps the
 * median time and the largest peak RSS.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticBundle } from './corpus.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(REPO, 'bench/out/zstd');
const RUNS = 3;
const targetMiB = Number(process.argv[2] ?? 200);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
// Only the reader is compiled, so the bench does not depend on the rest of the tree building.
execSync(
  `npx tsc --outDir ${join(OUT, 'build')} --rootDir src --module NodeNext --moduleResolution NodeNext ` +
    '--target ES2022 --strict --skipLibCheck --types node src/bundle/index.ts',
  { cwd: REPO, stdio: 'inherit' },
);
const readerModule = join(OUT, 'build/bundle/index.js');

const bundle = await writeSyntheticBundle(OUT, targetMiB * 1024 * 1024);
const tarBytes = Number(execSync(`du -sb ${bundle}`).toString().split('\t')[0]);
const pack = (level, file) => {
  execSync(`tar cf - -C ${dirname(bundle)} ${basename(bundle)} | ${level} > ${file}`, { shell: '/bin/bash' });
  return file;
};
const archives = {
  'zstd -3': pack('zstd -3 -q', join(OUT, 'l3.tar.zst')),
  'zstd -19': pack('zstd -19 -T0 -q', join(OUT, 'l19.tar.zst')),
  'gzip -6': pack('gzip -6', join(OUT, 'l6.tar.gz')),
};
rmSync(bundle, { recursive: true });

const zstdVersion = execFileSync('zstd', ['--version']).toString().trim();
console.log(`node ${process.version}, ${zstdVersion}; bundle ${(tarBytes / 2 ** 20).toFixed(0)} MiB of text`);
console.log('| archive | size | candidate | median wall | peak RSS | decompressed |');
console.log('|---|---|---|---|---|---|');
const plan = [
  ['zstd -3', ['fzstd-stream', 'reader', 'zstd-cli', 'node-zlib']],
  ['zstd -19', ['fzstd-stream', 'reader', 'zstd-cli']],
  ['gzip -6', ['reader']],
];
for (const [label, candidates] of plan) {
  const archive = archives[label];
  const size = `${(statSync(archive).size / 2 ** 20).toFixed(1)} MiB`;
  for (const candidate of candidates) {
    const runs = Array.from({ length: RUNS }, () =>
      JSON.parse(execFileSync(process.execPath, [join(REPO, 'bench/zstd/candidate.mjs'), candidate, archive, readerModule]).toString()),
    );
    if (runs[0].bytes === null) {
      console.log(`| ${label} | ${size} | ${candidate} | not available on ${process.version} | | |`);
      continue;
    }
    const ms = runs.map((run) => run.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const rss = Math.max(...runs.map((run) => run.peakRssMiB));
    console.log(`| ${label} | ${size} | ${candidate} | ${(ms / 1000).toFixed(2)} s | ${rss} MiB | ${(runs[0].bytes / 2 ** 20).toFixed(0)} MiB |`);
  }
}
