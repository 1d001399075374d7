/**
 * A job that fails in a parse worker costs its file, as a diagnostic-ready Error, and the worker
 * goes on with the next job. Runs the built worker (dist/), like parse-workers.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type * as Pool from '../../../src/load/workers/pool.js';
import type { JobSpec } from '../../../src/load/workers/jobs.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const { ParsePool } = (await import(`${ROOT}dist/load/workers/pool.js`)) as typeof Pool;

async function* bytes(text: string) {
  yield Buffer.from(text);
}

describe('ParsePool', () => {
  it('turns a job that throws into an Error outcome and keeps the worker for the next job', async () => {
    const pool = new ParsePool(1);
    try {
      const broken = { job: 'series', name: 'no-such-series', source: 'series/x', pageSizeBytes: 4096 } as unknown as JobSpec;
      const failed = await pool.send(broken, bytes('=== 1795700000\nx 1\n'));
      const ok = await pool.send({ job: 'series', name: 'vmstat', source: 'series/vmstat', pageSizeBytes: 4096, firstSegment: true }, bytes('=== 1795700000\npgfault 7\n'));
      const failure = await failed!.outcome;
      expect(failure).toBeInstanceOf(Error);
      const outcome = await ok!.outcome;
      expect(outcome).not.toBeInstanceOf(Error);
      expect((outcome as Pool.JobOutcome).samples).toEqual([{ time: 1795700000, source: 'series/vmstat', line: 2, data: { pgfault: 7 } }]);
    } finally {
      await pool.close();
    }
  });
});
