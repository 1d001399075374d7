/**
 * xz decompression benchmark for the bundle reader (bench/xz/README.md holds the results).
 *   node bench/xz/run.mjs [archive.tar.xz]
 * Without an argument it packs a corpus of real text already on any Debian machine
 * (/usr/include and /usr/lib/python3.*, ~170 MB) with the xz CLI (`xz -6`, sos's default level)
 * into bench/out/xz/. Each candidate (candidate.mjs) runs 3 times, each in a fresh Node process;
 * the median wall time and the largest peak RSS are kept. Candidates whose package is not
 * installed are listed as such (only the chosen one is a dependency: install the others in a
 * scratch directory and copy candidate.mjs there to compare).
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(REPO, 'bench/out/xz');
const RUNS = 3;
const CANDIDATES = ['lzma-native', 'xz-decompress', 'napi-rs-lzma', 'xz-cli', 'reader'];

mkdirSync(OUT, { recursive: true });
let archive = process.argv[2];
if (!archive) {
  archive = join(OUT, 'corpus.tar.xz');
  if (!existsSync(archive)) {
    execSync(`tar -cf - -C / --exclude='*.pyc' --exclude=__pycache__ usr/include $(cd / && ls -d usr/lib/python3.* | head -n 1) | xz -6 -T1 > ${archive}`, { shell: '/bin/bash', stdio: 'inherit' });
  }
}
execSync('npx tsc -p tsconfig.json', { cwd: REPO, stdio: 'inherit' });
const readerModule = join(REPO, 'dist/bundle/index.js');

const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
const xzVersion = execFileSync('xz', ['--version']).toString().split('\n')[0];
console.log(`node ${process.version}, ${xzVersion}; ${archive}: ${mib(statSync(archive).size)} MiB`);
console.log('| candidate | median wall | median CPU | peak RSS | first chunk after | compressed read by then | chunks | largest chunk | decompressed |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const candidate of CANDIDATES) {
  const runs = Array.from({ length: RUNS }, () =>
    JSON.parse(execFileSync(process.execPath, [join(REPO, 'bench/xz/candidate.mjs'), candidate, archive, readerModule], { maxBuffer: 1 << 20 }).toString()),
  );
  if (runs[0].missing) {
    console.log(`| ${candidate} | not installed | | | | | | | |`);
    continue;
  }
  const ms = runs.map((run) => run.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const cpuMs = runs.map((run) => run.cpuMs).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const rss = Math.max(...runs.map((run) => run.peakRssMiB));
  const r = runs[0];
  console.log(`| ${candidate} | ${(ms / 1000).toFixed(2)} s | ${(cpuMs / 1000).toFixed(2)} s | ${rss} MiB | ${r.firstMs} ms | ${mib(r.readAtFirst)} MiB | ${r.count} | ${Math.round(r.largest / 1024)} KiB | ${mib(r.bytes)} MiB |`);
}
