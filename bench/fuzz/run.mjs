// The long fuzz run: test/hostile/fuzz.test.ts's properties with a random seed (printed, to
// replay a failure with MEMTRAIL_FUZZ_SEED) and MEMTRAIL_FUZZ_SCALE times the CI case counts.
// Usage: node bench/fuzz/run.mjs [scale]   (default 50: about 240 000 cases). See README.md.
import { randomInt } from 'node:crypto';
import { startVitest } from 'vitest/node';

const scale = Number(process.argv[2] ?? process.env.MEMTRAIL_FUZZ_SCALE ?? 50);
const seed = Number(process.env.MEMTRAIL_FUZZ_SEED ?? randomInt(2 ** 31));
process.env.MEMTRAIL_FUZZ_SCALE = String(scale);
process.env.MEMTRAIL_FUZZ_SEED = String(seed);
console.log(`fuzz: seed ${seed}, scale ${scale} (replay: MEMTRAIL_FUZZ_SEED=${seed} node bench/fuzz/run.mjs ${scale})`);

const started = Date.now();
const vitest = await startVitest('test', ['test/hostile/fuzz.test.ts'], { run: true, watch: false });
await vitest?.close();
const failed = vitest?.state.getCountOfFailedTests() ?? 1;
console.log(`fuzz: seed ${seed}, scale ${scale}, ${failed} failed propert${failed === 1 ? 'y' : 'ies'}, ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = failed ? 1 : 0;
