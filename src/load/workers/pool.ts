/**
 * Parse workers: the loader streams a large file (a `series/` file, a kernel log) to a worker
 * thread and moves on to the next archive member while the worker parses; the results come back
 * as they are ready. On two cores this takes the parsing (most of a long recording's load time)
 * off the thread that reads the archive.
 * Each job goes to the worker with the fewest bytes still to parse. A worker that dies fails its
 * jobs (the loader reports each as a diagnostic for its file), never the load.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Sample } from '../../model/artifacts.js';
import type { AnyJobEnd, JobSpec } from './jobs.js';
import type { FromWorker, ToWorker } from './protocol.js';

export interface JobOutcome {
  /** A series job's samples, in file order (none for a kernel log). */
  samples: Sample<unknown>[];
  end: AnyJobEnd;
}

/** Bytes sent in one message: fewer, larger messages. */
const MESSAGE_BYTES = 1024 * 1024;
/** Bytes sent to a worker but not yet parsed: beyond this the reader waits (bounds memory on a week-long file). */
const MAX_UNPARSED_BYTES = 8 * 1024 * 1024;

const WORKER_URL = new URL('./worker.js', import.meta.url);

interface Job {
  samples: Sample<unknown>[];
  unparsed: number;
  /** A failure settles the outcome as an Error: nothing is left to reject unhandled while the archive is read on. */
  settle: (outcome: JobOutcome | Error) => void;
}

/** One worker thread and its jobs. */
class ParseWorker {
  readonly jobs = new Map<number, Job>();
  /** Bytes assigned to this worker and not yet parsed, across its jobs. */
  load = 0;
  /** Senders waiting for the worker to parse some of its load. */
  private waiters: (() => void)[] = [];
  /** False once the thread has failed or exited: it gets no more jobs. */
  alive = true;
  /** True once its modules are loaded, false if it failed before. */
  readonly ready: Promise<boolean>;
  private markReady!: (ready: boolean) => void;
  // No execArgv: the loader's own flags (--input-type from `node -e`, say) can stop a worker from starting.
  private readonly worker = new Worker(WORKER_URL, { execArgv: [] });

  constructor() {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (err) => this.failAll(err.message));
    this.worker.on('exit', (code) => this.failAll(`parse worker exited with code ${code}`));
  }

  post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** Resolves at the worker's next acknowledgement, job end or failure. */
  progress(): Promise<void> {
    return new Promise((wake) => this.waiters.push(wake));
  }

  terminate(): Promise<number> {
    this.worker.removeAllListeners('exit');
    return this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') return this.markReady(true);
    const job = this.jobs.get(message.id);
    if (!job) return;
    if (message.type === 'ack') {
      job.unparsed -= message.bytes;
      this.load -= message.bytes;
      this.wake();
    } else if (message.type === 'samples') {
      for (const sample of message.samples) job.samples.push(sample);
    } else {
      this.jobs.delete(message.id);
      this.load -= job.unparsed;
      job.settle(message.type === 'end' ? { samples: job.samples, end: message.end } : new Error(message.message));
      this.wake();
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private failAll(reason: string): void {
    this.alive = false;
    this.markReady(false);
    for (const job of this.jobs.values()) job.settle(new Error(reason));
    this.jobs.clear();
    this.wake();
  }
}

/** One job on one worker: its bytes go out in MESSAGE_BYTES messages, at most MAX_UNPARSED_BYTES ahead of the worker. */
export class JobHandle {
  readonly outcome: Promise<JobOutcome | Error>;
  private readonly job: Job;
  private parts: Buffer[] = [];
  private partBytes = 0;

  constructor(
    private readonly worker: ParseWorker,
    private readonly id: number,
    spec: JobSpec,
  ) {
    let settle!: Job['settle'];
    this.outcome = new Promise((resolve) => (settle = resolve));
    this.job = { samples: [], unparsed: 0, settle };
    worker.jobs.set(id, this.job);
    worker.post({ type: 'start', id, spec });
  }

  /** False once the worker failed: the rest of the file need only be drained. */
  get open(): boolean {
    return this.worker.jobs.has(this.id);
  }

  async write(chunk: Buffer): Promise<void> {
    if (!this.open) return;
    this.parts.push(chunk);
    this.partBytes += chunk.length;
    if (this.partBytes >= MESSAGE_BYTES) await this.flush();
  }

  /** `last`: whether this is the last piece of its file (series segments, series/job.ts). */
  async end(last = true): Promise<void> {
    if (this.partBytes > 0) await this.flush();
    if (this.open) this.worker.post({ type: 'end', id: this.id, last });
  }

  private async flush(): Promise<void> {
    const bytes = new Uint8Array(this.partBytes);
    let at = 0;
    for (const part of this.parts) {
      bytes.set(part, at);
      at += part.length;
    }
    this.parts = [];
    this.partBytes = 0;
    if (!this.open) return;
    this.job.unparsed += bytes.length;
    this.worker.load += bytes.length;
    this.worker.post({ type: 'chunk', id: this.id, bytes }, [bytes.buffer]);
    // Per worker, not per job: the next series segment may go to the other worker meanwhile.
    while (this.worker.load > MAX_UNPARSED_BYTES && this.open) await this.worker.progress();
  }
}

export class ParsePool {
  private readonly workers: ParseWorker[] = [];
  private nextId = 1;
  private broken = false;

  constructor(private readonly size: number) {}

  /** False when the worker script is absent (the analyzer run from its TypeScript sources). */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER_URL));
  }

  /** Starts the workers now, so their modules load while the archive's first members are read. */
  warmUp(): void {
    if (!this.broken) this.fill();
  }

  /**
   * Opens a job on the live worker with the fewest bytes to parse. Null when no worker could
   * start: the caller parses the file itself.
   */
  async open(spec: JobSpec): Promise<JobHandle | null> {
    const worker = await this.pick();
    return worker ? new JobHandle(worker, this.nextId++, spec) : null;
  }

  /**
   * Streams `chunks` to one job. Resolves once every byte is sent, with the job's outcome still
   * to come: the caller moves on to the next file and collects `outcome` at the end. Null, with
   * `chunks` untouched, when no worker could start.
   */
  async send(spec: JobSpec, chunks: AsyncIterable<Buffer>): Promise<{ outcome: Promise<JobOutcome | Error> } | null> {
    const job = await this.open(spec);
    if (!job) return null;
    for await (const chunk of chunks) await job.write(chunk);
    await job.end();
    return { outcome: job.outcome };
  }

  /** Replaces dead workers and starts missing ones. */
  private fill(): void {
    const dead = this.workers.filter((w) => !w.alive);
    for (const w of dead) this.workers.splice(this.workers.indexOf(w), 1);
    while (this.workers.length < this.size) this.workers.push(new ParseWorker());
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }

  /**
   * The live worker with the fewest bytes to parse. All `size` start together on the first large
   * file (the second loads its modules while the first parses); a worker that cannot start
   * turns the pool off for the rest of the load.
   */
  private async pick(): Promise<ParseWorker | null> {
    if (this.broken) return null;
    this.fill();
    const worker = this.workers.reduce((a, b) => (b.load < a.load ? b : a));
    if (await worker.ready) return worker;
    this.broken = true;
    return null;
  }
}
