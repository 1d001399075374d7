/** Reference bundles in bench/out/: made by src/synth/bench-bundle.ts when absent, reused otherwise. */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sh } from './measure.mjs';

const GENERATOR = new URL('../../dist/synth/bench-bundle.js', import.meta.url).pathname;

const generatorArgs = (file, hours, extra = []) => [GENERATOR, '--hours', String(hours), '--interval', '10', '--out', file, ...extra];

/** The generator's JSON summary (sizes, seconds), kept beside the bundle as FILE.json; null for a bundle made elsewhere. */
export function generateBundle(file, hours) {
  const sidecar = `${file}.json`;
  if (existsSync(file)) return existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : null;
  process.stderr.write(`bench: generating ${file} (${hours} h at 10 s)…\n`);
  const summary = execFileSync(process.execPath, generatorArgs(file, hours), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  writeFileSync(sidecar, summary);
  return JSON.parse(summary);
}

export function uncompressedBytes(file, generated) {
  return generated?.uncompressedBytes ?? Number(sh(`zstd -dc '${file}' | tar -xO | wc -c`));
}

/** `count` hosts web-01… with 2 h at 10 s and 100 processes each, two generators at a time. */
export async function generateFleet(dir, count) {
  mkdirSync(dir, { recursive: true });
  const names = Array.from({ length: count }, (_, i) => `web-${String(i + 1).padStart(2, '0')}`);
  const missing = names.filter((n) => !existsSync(join(dir, `${n}.tar.zst`)));
  if (missing.length) process.stderr.write(`bench: generating ${missing.length} fleet bundles in ${dir}…\n`);
  const run = promisify(execFile);
  const next = async () => {
    for (let name = missing.shift(); name; name = missing.shift()) {
      const seed = String(names.indexOf(name) + 1);
      await run(process.execPath, generatorArgs(join(dir, `${name}.tar.zst`), 2, ['--procs', '100', '--seed', seed, '--host', name]));
    }
  };
  await Promise.all([next(), next()]);
  return count;
}
