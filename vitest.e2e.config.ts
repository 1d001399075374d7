import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too, to print its closing "N passed, N failed" line.
const jsonOut = process.env.MEMTRAIL_VITEST_JSON;

// Real incidents provoked on this kernel: run one file at a time so that two
// scenarios never compete for memory.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    globalSetup: ['test/run-tmpdir.ts'],
    reporters: jsonOut ? ['default', 'json'] : ['default'],
    outputFile: jsonOut ? { json: jsonOut } : undefined,
  },
});
