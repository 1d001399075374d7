import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too, to print its closing "N passed, N failed" line.
const jsonOut = process.env.MEMTRAIL_VITEST_JSON;

// Unit, integration and browser tests. The real-incident scenarios live in
// vitest.e2e.config.ts because they need root and a memory cgroup.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/run-tmpdir.ts'],
    reporters: jsonOut ? ['default', 'json'] : ['default'],
    outputFile: jsonOut ? { json: jsonOut } : undefined,
  },
});
