// Runs bench/html/measure.check.ts through vitest (it imports the TypeScript sources directly).
import { startVitest } from 'vitest/node';

const vitest = await startVitest('test', [], {
  include: ['bench/html/*.check.ts'],
  exclude: [],
  run: true,
  watch: false,
});
await vitest?.close();
process.exitCode = vitest?.state.getCountOfFailedTests() ? 1 : 0;
