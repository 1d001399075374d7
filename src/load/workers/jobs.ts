/**
 * The jobs a parse worker runs, by spec: a `series/` file (src/load/series/job.ts) or a kernel
 * log (src/load/kernel-log-job.ts). Each takes the file's bytes in order and ends with a result;
 * series samples also leave in batches on the way.
 */
import type { Sample } from '../../model/artifacts.js';
import { KernelLogJob, type KernelLogJobEnd, type KernelLogJobSpec } from '../kernel-log-job.js';
import { SeriesJob, type SeriesJobEnd, type SeriesJobSpec } from '../series/job.js';

export type JobSpec = SeriesJobSpec | KernelLogJobSpec;
export type AnyJobEnd = SeriesJobEnd | KernelLogJobEnd;

export interface StreamJob {
  push(chunk: Buffer): void;
  /** `last`: no later segment of the same file follows (only series files are sent in segments). */
  finish(last: boolean): AnyJobEnd;
}

export function createJob(spec: JobSpec, onSamples: (samples: Sample<unknown>[]) => void): StreamJob {
  return spec.job === 'series' ? new SeriesJob(spec, onSamples) : new KernelLogJob(spec);
}
