/**
 * A batch worker thread: analyses one bundle per message with the same pipeline as `report` and
 * posts back its NDJSON line. A bundle that fails becomes an error line; the worker lives on.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeBundle } from '../analyze.js';
import { VERSION } from '../cli/version.js';
import { errorLine, okLine } from './batch-line.js';
import type { BatchJob, BatchResult } from './pool.js';

parentPort!.on('message', async (job: BatchJob) => {
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  let result: BatchResult;
  try {
    // The pool already runs a bundle per core: files are parsed on this thread.
    const { report } = await analyzeBundle(job.path, { limits: job.limits, parseThreads: { count: 0, minBytes: 0 } });
    result = { index: job.index, line: okLine(job.path, report, seconds()) };
  } catch (err) {
    result = { index: job.index, line: errorLine(job.path, err instanceof Error ? err.message : String(err), seconds(), VERSION) };
  }
  parentPort!.postMessage(result);
});
