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
/** Bytes sent but not yet parsed, per job: beyond this the reader waits (bounds memory on a week-long file). */
const MAX_UNPARSED_BYTES = 8 * 1024 * 1024;

const WORKER_URL = new URL('./worker.js', import.meta.url);

interface Job {
  samples: Sample<unknown>[];
  unparsed: number;
  /** Wakes the sender waiting for acknowledgements. */
  wake: (() => void) | null;
  /** A failure settles the outcome as an Error: nothing is left to reject unhandled while the archive is read on. */
  settle: (outcome: JobOutcome | Error) => void;
}

class ParseWorker {
  readonly jobs = new Map<number, Job>();
  /** Bytes assigned to this worker and not yet parsed, across its jobs. */
  load = 0;
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
      job.wake?.();
    } else if (message.type === 'samples') {
      for (const sample of message.samples) job.samples.push(sample);
    } else {
      this.jobs.delete(message.id);
      this.load -= job.unparsed;
      job.settle(message.type === 'end' ? { samples: job.samples, end: message.end } : new Error(message.message));
      job.wake?.();
    }
  }

  private failAll(reason: string): void {
    this.alive = false;
    this.markReady(false);
    for (const job of this.jobs.values()) {
      job.settle(new Error(reason));
      job.wake?.();
    }
    this.jobs.clear();
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

  /**
   * Streams `chunks` to a worker. Resolves once every byte is sent, with the job's outcome still
   * to come: the caller moves on to the next file and collects `outcome` at the end. Null, with
   * `chunks` untouched, when no worker could start: the caller parses the file itself.
   */
  async send(spec: JobSpec, chunks: AsyncIterable<Buffer>): Promise<{ outcome: Promise<JobOutcome | Error> } | null> {
    const worker = await this.pick();
    if (!worker) return null;
    const id = this.nextId++;
    let job!: Job;
    const outcome = new Promise<JobOutcome | Error>((settle) => {
      job = { samples: [], unparsed: 0, wake: null, settle };
    });
    worker.jobs.set(id, job);
    worker.post({ type: 'start', id, spec });
    let parts: Buffer[] = [];
    let partBytes = 0;
    const sendParts = async () => {
      const bytes = new Uint8Array(partBytes);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      parts = [];
      partBytes = 0;
      job.unparsed += bytes.length;
      worker.load += bytes.length;
      worker.post({ type: 'chunk', id, bytes }, [bytes.buffer]);
      while (job.unparsed > MAX_UNPARSED_BYTES && worker.jobs.has(id)) {
        await new Promise<void>((wake) => (job.wake = wake));
        job.wake = null;
      }
    };
    for await (const chunk of chunks) {
      if (!worker.jobs.has(id)) continue; // the worker failed: the rest of the file is only drained
      parts.push(chunk);
      partBytes += chunk.length;
      if (partBytes >= MESSAGE_BYTES) await sendParts();
    }
    if (partBytes > 0 && worker.jobs.has(id)) await sendParts();
    if (worker.jobs.has(id)) worker.post({ type: 'end', id });
    return { outcome };
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
    const dead = this.workers.filter((w) => !w.alive);
    for (const w of dead) this.workers.splice(this.workers.indexOf(w), 1);
    while (this.workers.length < this.size) this.workers.push(new ParseWorker());
    const worker = this.workers.reduce((a, b) => (b.load < a.load ? b : a));
    if (await worker.ready) return worker;
    this.broken = true;
    return null;
  }
}
