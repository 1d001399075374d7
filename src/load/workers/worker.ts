/**
 * A parse worker thread: runs jobs (jobs.ts) on the bytes the loader streams to it and posts the
 * results back (structured clone: ~10× cheaper for the loader than parsing the text itself).
 */
import { parentPort } from 'node:worker_threads';
import { createJob, type StreamJob } from './jobs.js';
import type { FromWorker, ToWorker } from './protocol.js';

const port = parentPort!;
const jobs = new Map<number, StreamJob>();
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  const { id } = message;
  try {
    if (message.type === 'start') {
      jobs.set(id, createJob(message.spec, (samples) => post({ type: 'samples', id, samples })));
    } else if (message.type === 'chunk') {
      jobs.get(id)?.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      post({ type: 'ack', id, bytes: message.bytes.byteLength });
    } else {
      const job = jobs.get(id);
      jobs.delete(id);
      if (job) post({ type: 'end', id, end: job.finish(message.last) });
    }
  } catch (err) {
    jobs.delete(id);
    post({ type: 'failed', id, message: (err as Error).message });
  }
});

post({ type: 'ready', id: 0 });
