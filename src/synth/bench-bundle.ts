/**
 * Generates a reference bundle for the benchmarks (issue 8), deterministic for a given seed:
 *   node dist/synth/bench-bundle.js --hours 24 --interval 10 --out FILE.tar.zst [--procs 400] [--seed N] [--host NAME]
 * Prints one JSON line: sizes, sample and kernel-line counts, generation and packing seconds.
 */
import { parseArgs } from 'node:util';
import { writeBenchBundle } from './bench/write-bench-bundle.js';

const USAGE = 'usage: bench-bundle --hours H --interval S --out FILE.tar.zst [--procs N] [--seed N] [--host NAME]';

function positive(name: string, value: string | undefined, fallback?: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (n === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number\n${USAGE}`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      hours: { type: 'string' }, interval: { type: 'string' }, out: { type: 'string' },
      procs: { type: 'string' }, seed: { type: 'string' }, host: { type: 'string' },
    },
    strict: true,
  });
  if (!values.out) throw new Error(USAGE);
  const spec = {
    hours: positive('hours', values.hours),
    intervalS: positive('interval', values.interval, 10),
    procs: Math.round(positive('procs', values.procs, 400)),
    seed: Math.round(positive('seed', values.seed, 1)),
    host: values.host ?? 'bench-01',
  };
  const result = await writeBenchBundle(spec, values.out);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`bench-bundle: ${err.message}\n`);
    process.exitCode = 2;
  });
}
