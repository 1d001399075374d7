/**
 * loadBundle: reads any bundle (collector archive, directory, partial directory, sosreport, bare
 * kernel log, bare sadf -d CSV) and parses every artifact it knows into Artifacts. One file's failure costs that
 * file (a diagnostic), never the others; UnreadableInputError only when nothing usable was read.
 */
import { readBundle, UnreadableInputError } from '../bundle/index.js';
import { DEFAULT_LIMITS, type BundleEntry, type ReadLimits, type ReadOutcome } from '../bundle/types.js';
import type { Artifacts } from '../model/artifacts.js';
import { loadSadf } from './commands.js';
import { loadKernelLog } from './kernel-log.js';
import { routeFor } from './registry.js';
import { ParsePool } from './workers/pool.js';
import { SEGMENT_BYTES } from './workers/series-segments.js';
import { LoadState } from './state.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';

export interface LoadOptions {
  limits?: Partial<ReadLimits>;
  /**
   * Worker threads that parse `series/` files and kernel logs of at least `minBytes` while the
   * archive is read on (default: DEFAULT_PARSE_THREADS). `count: 0` parses everything on the
   * calling thread, as batch workers do (they already use every core).
   */
  parseThreads?: ParseThreads;
  /** Input bytes read so far (compressed, for archives) and the input's total: the CLI's progress line. */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
}

export { UNKNOWN_CAPTURE_TIME } from './static-time.js';

/**
 * Two workers when there is a second core. Files under 4 MiB (an hour of 6.18's vmstat at 10 s is
 * 1.6 MiB, ~50 ms to parse) are not worth a worker's start-up (~100 ms until its modules are loaded).
 */
export const DEFAULT_PARSE_THREADS: ParseThreads = { count: availableParallelism() >= 2 ? 2 : 0, minBytes: 4 * 1024 * 1024 };

export interface ParseThreads {
  count: number;
  minBytes: number;
  /** Size of the segments a series file is sent in (default SEGMENT_BYTES); tests make it small. */
  segmentBytes?: number;
}

export async function loadBundle(input: string, opts: LoadOptions = {}): Promise<Artifacts> {
  const { count, minBytes, segmentBytes = SEGMENT_BYTES } = opts.parseThreads ?? DEFAULT_PARSE_THREADS;
  const pool = count > 0 && ParsePool.available() ? new ParsePool(count) : null;
  // An archive of this size likely holds a file worth a worker (series compress ~15×): start the
  // workers now, so their start-up overlaps the reading of the archive's first members.
  const inputBytes = await stat(input).then((s) => (s.isFile() ? s.size : 0), () => 0);
  if (pool && inputBytes >= minBytes / 4) pool.warmUp();
  const maxLineBytes = opts.limits?.maxLineBytes ?? DEFAULT_LIMITS.maxLineBytes;
  try {
    return await loadWith(new LoadState('directory', input, { pool, minBytes, segmentBytes, maxLineBytes }), input, opts);
  } finally {
    await pool?.close();
  }
}

async function loadWith(state: LoadState, input: string, opts: LoadOptions): Promise<Artifacts> {
  const readOptions = opts.onProgress ? { onProgress: opts.onProgress } : {};
  let parsed = 0;
  const visitWith = (handle: (entry: BundleEntry) => Promise<boolean>) => async (entry: BundleEntry) => {
    try {
      if (await handle(entry)) parsed += 1;
    } catch (err) {
      state.report({ source: entry.path, severity: 'error', message: `could not read: ${(err as Error).message}` });
    }
  };

  let outcome: ReadOutcome = await readBundle(input, visitWith(async (entry) => {
    const route = routeFor(entry.path);
    if (route) await route.handler(entry, route.match, state);
    return route !== null;
  }), opts.limits, readOptions);
  if (outcome.kind === 'kernel-log') {
    // The reader says what the input is only once it has read it; a bare text file is read again:
    // a `.csv` as `sadf -d` output (sysstat history), anything else as a kernel log.
    const sadf = /\.csv$/i.test(input);
    outcome = await readBundle(input, visitWith(async (entry) => {
      await (sadf ? loadSadf : loadKernelLog)(entry, state);
      return true;
    }), opts.limits, readOptions);
    if (sadf) outcome = { ...outcome, kind: 'sysstat' };
  }
  if (parsed === 0) {
    throw new UnreadableInputError(`${input}: no memtrail artifact found (not a bundle, a bundle directory or a kernel log)`);
  }
  const artifacts = state.artifacts;
  artifacts.kind = outcome.kind;
  artifacts.index = outcome.index;
  artifacts.diagnostics.unshift(...outcome.diagnostics);
  return await state.finish();
}
