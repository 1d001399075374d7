/**
 * A fixed pool of worker threads fed one bundle at a time, so a slow bundle never holds up the
 * others. A worker that dies (out of memory, a crash in native code) turns its bundle into an
 * error line and is replaced while bundles remain.
 */
import { Worker } from 'node:worker_threads';
import type { ReadLimits } from '../bundle/types.js';
import { VERSION } from '../cli/version.js';
import { errorLine, type BatchLine } from './batch-line.js';

export interface BatchJob {
  index: number;
  path: string;
  limits: Partial<ReadLimits>;
}

export interface BatchResult {
  index: number;
  line: BatchLine;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export function runPool(jobs: BatchJob[], size: number, onResult: (result: BatchResult) => void): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const finish = (result: BatchResult) => {
      onResult(result);
      if (++done === jobs.length) resolve();
    };
    const start = () => {
      const worker = new Worker(WORKER_URL);
      let current: { job: BatchJob; began: number } | null = null;
      const feed = () => {
        const job = jobs[next++];
        if (!job) {
          current = null;
          void worker.terminate();
          return;
        }
        current = { job, began: performance.now() };
        worker.postMessage(job);
      };
      const died = (message: string) => {
        if (!current) return;
        const { job, began } = current;
        current = null;
        finish({ index: job.index, line: errorLine(job.path, `worker died: ${message}`, (performance.now() - began) / 1000, VERSION) });
      };
      worker.on('message', (result: BatchResult) => {
        finish(result);
        feed();
      });
      worker.on('error', (err) => died(err.message));
      worker.on('exit', (code) => {
        died(`exit code ${code}`);
        if (next < jobs.length) start();
      });
      feed();
    };
    if (jobs.length === 0) resolve();
    for (let i = 0; i < Math.min(size, jobs.length); i++) start();
  });
}
