/**
 * `memtrail batch`: many bundles analysed in parallel, one NDJSON line each, written in input
 * order as soon as every earlier bundle is done, so the file is the same whatever --jobs is.
 */
import type { Writable } from 'node:stream';
import type { ReadLimits } from '../bundle/types.js';
import type { BatchLine } from './batch-line.js';
import { runPool } from './pool.js';

export interface BatchOptions {
  jobs: number;
  limits: Partial<ReadLimits>;
  /** Called as each bundle finishes (completion order), for progress. */
  onLine?: (line: BatchLine, finished: number, total: number) => void;
}

export interface BatchSummary {
  total: number;
  ok: number;
  failed: number;
}

export async function batchAnalyze(bundles: string[], out: Writable, opts: BatchOptions): Promise<BatchSummary> {
  const waiting = new Map<number, BatchLine>();
  let written = 0;
  let finished = 0;
  let failed = 0;
  await runPool(
    bundles.map((path, index) => ({ index, path, limits: opts.limits })),
    Math.max(1, opts.jobs),
    ({ index, line }) => {
      finished += 1;
      if (line.status === 'error') failed += 1;
      opts.onLine?.(line, finished, bundles.length);
      waiting.set(index, line);
      for (let ready = waiting.get(written); ready; ready = waiting.get(written)) {
        out.write(`${JSON.stringify(ready)}\n`);
        waiting.delete(written++);
      }
    },
  );
  return { total: bundles.length, ok: bundles.length - failed, failed };
}
