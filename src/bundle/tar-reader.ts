/**
 * Reads a (decompressed) tar stream with node-tar's Parser and hands each regular member to the
 * visitor, one at a time. Backpressure runs end to end: the parser's write() returns false while
 * the visitor has not consumed the current member, and the feed loop waits for 'drain', so at
 * most one input chunk is ever buffered ahead of the visitor.
 */
import { Parser, type ReadEntry } from 'tar';
import type { Diagnostic } from '../model/diagnostic.js';
import { ArchivePaths } from './archive-path.js';
import type { ByteBudget } from './byte-budget.js';
import { DecompressError } from './decompress.js';
import { EntryQueue } from './entry-queue.js';
import type { ReadContext } from './read-context.js';
import { SkipLog } from './skip-log.js';

const REGULAR_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

export interface TarInput {
  /** Decompressed bytes; may throw DecompressError. */
  chunks: AsyncIterable<Buffer>;
  /** Compressed bytes consumed so far, null for a plain tar (no ratio to judge). */
  compressedBytes: () => number | null;
}

export interface TarResult {
  rootName: string | null;
  /** Why the stream could not be read to its end, when that is the case. */
  failure: string | null;
}

export async function readTar(input: TarInput, ctx: ReadContext, budget: ByteBudget): Promise<TarResult> {
  const parser = new Parser({ brotli: false, zstd: false });
  const queue = new EntryQueue<ReadEntry>();
  const paths = new ArchivePaths();
  const skips = new SkipLog(ctx.diagnostics, 'warning', ctx.inputName);
  const damage = new ArchiveDamage(ctx.inputName);
  let stopRequested = false;
  let wakeFeeder: () => void = () => {};
  const stop = () => {
    stopRequested = true;
    wakeFeeder();
  };

  parser.on('entry', (entry: ReadEntry) => queue.push(entry));
  parser.on('end', () => queue.close());
  parser.on('eof', () => (damage.sawEndMarker = true));
  parser.on('warn', (code: string, message: string, data: { entry?: ReadEntry }) => damage.warn(code, message, data.entry));
  // Only TAR_ABORT is emitted as 'error', and only from the parser's own unzip, which is off.
  parser.on('error', (err: Error) => damage.warn('TAR_ABORT', err.message, undefined));

  const feed = async () => {
    try {
      for await (const chunk of input.chunks) {
        if (stopRequested) break;
        const allowed = budget.take(chunk.length, input.compressedBytes());
        if (allowed > 0 && !parser.write(allowed < chunk.length ? chunk.subarray(0, allowed) : chunk)) {
          await new Promise<void>((resolve) => {
            wakeFeeder = resolve;
            parser.once('drain', resolve);
          }).finally(() => parser.off('drain', wakeFeeder));
        }
        if (allowed < chunk.length) break;
      }
    } catch (err) {
      if (!(err instanceof DecompressError)) throw err;
      damage.decompressFailure = `${err.message} (after ${budget.total} decompressed bytes); entries before this point were read`;
    }
    damage.stoppedByLimit = budget.tripped || stopRequested;
    parser.end();
  };

  const visitAll = async () => {
    for await (const entry of queue) {
      try {
        if (!stopRequested) await visitMember(entry);
      } finally {
        // Whatever the visitor left unread is discarded so the parser can move on.
        entry.resume();
      }
    }
  };

  const visitMember = async (entry: ReadEntry) => {
    if (!ctx.countEntry()) return stop();
    const isDirectory = entry.type === 'Directory';
    const verdict = paths.resolve(entry.path, isDirectory);
    if ('refused' in verdict) return skips.skip(entry.path, verdict.refused);
    if (isDirectory || verdict.path === '') return;
    if (!REGULAR_TYPES.has(entry.type)) {
      return skips.skip(verdict.path, `${entry.type} entry (only regular files are read)`);
    }
    await ctx.deliver(verdict.path, entry.size ?? 0, entry);
  };

  const visiting = visitAll().catch((err: unknown) => {
    stop();
    throw err;
  });
  const [fed, visited] = await Promise.allSettled([feed(), visiting]);
  if (visited.status === 'rejected') throw visited.reason;
  if (fed.status === 'rejected') throw fed.reason;
  skips.finish();
  const failure = damage.finish(ctx.diagnostics);
  return { rootName: paths.rootName, failure };
}

/** What went wrong with the archive as a whole, turned into diagnostics once the read is over. */
class ArchiveDamage {
  sawEndMarker = false;
  stoppedByLimit = false;
  decompressFailure: string | null = null;
  private truncatedEntry: ReadEntry | null = null;
  private invalidHeaders = 0;
  private readonly otherWarnings: string[] = [];

  constructor(private readonly inputName: string) {}

  warn(code: string, message: string, entry: ReadEntry | undefined): void {
    if (code === 'TAR_ENTRY_INVALID') this.invalidHeaders += 1;
    else if (message.startsWith('Truncated input') && entry) this.truncatedEntry = entry;
    // 'Unrecognized archive format' only repeats what an empty index already says.
    else if (!message.startsWith('Unrecognized archive format')) this.otherWarnings.push(`${code}: ${message}`);
  }

  /** Adds the diagnostics; returns the reason the archive was not read to its end, if any. */
  finish(diagnostics: Diagnostic[]): string | null {
    const add = (severity: 'error' | 'warning', message: string) => diagnostics.push({ source: this.inputName, severity, message });
    if (this.invalidHeaders > 0) {
      add('warning', `${this.invalidHeaders} damaged tar header block(s) skipped (checksum failure): the archive is corrupt there`);
    }
    for (const warning of this.otherWarnings) add('warning', warning);
    if (this.decompressFailure) add('error', this.decompressFailure);
    if (this.stoppedByLimit) return null;
    const cutEntry = this.truncatedEntry;
    if (cutEntry) {
      const present = (cutEntry.size ?? 0) - cutEntry.remain;
      const reason = `archive ends inside member '${cutEntry.path}' after ${present} of its ${cutEntry.size} bytes: truncated`;
      add('error', reason);
      return this.decompressFailure ?? reason;
    }
    if (!this.sawEndMarker) {
      const reason = "archive ends without tar's end-of-archive blocks: truncated at a member boundary";
      add('error', reason);
      return this.decompressFailure ?? reason;
    }
    return this.decompressFailure;
  }
}
