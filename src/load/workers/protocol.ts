/** Messages between the loader and a parse worker (pool.ts ↔ worker.ts); `id` names the job. */
import type { Sample } from '../../model/artifacts.js';
import type { AnyJobEnd, JobSpec } from './jobs.js';

export type ToWorker =
  | { type: 'start'; id: number; spec: JobSpec }
  /** Bytes of the file, in order; the buffer is transferred. */
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  /** `last`: the last piece of its file (a series file sent in segments). */
  | { type: 'end'; id: number; last: boolean };

export type FromWorker =
  /** The worker's modules are loaded: it can take jobs (id 0). */
  | { type: 'ready'; id: 0 }
  /** `bytes` of the job's chunks are parsed: the loader may send more. */
  | { type: 'ack'; id: number; bytes: number }
  | { type: 'samples'; id: number; samples: Sample<unknown>[] }
  | { type: 'end'; id: number; end: AnyJobEnd }
  | { type: 'failed'; id: number; message: string };
