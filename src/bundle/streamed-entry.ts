/**
 * One BundleEntry over a stream of chunks (a tar member, a directory file, a bare log).
 * It caps what it delivers at maxFileBytes and turns cut files and cut lines into diagnostics.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { formatBytes } from '../format/bytes.js';
import { LineSplitter, lineCutDiagnostic } from './line-splitter.js';
import type { BundleEntry, ReadLimits } from './types.js';

/**
 * text() holds a whole file as one string: V8 strings stop at ~512 MiB, so text() stops well
 * before, whatever maxFileBytes allows the streamed readers (a week of series/vmstat is 265 MiB).
 */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

export class StreamedEntry implements BundleEntry {
  private consumed = false;

  constructor(
    readonly path: string,
    readonly size: number,
    private readonly source: AsyncIterable<Buffer>,
    private readonly limits: ReadLimits,
    private readonly diagnostics: Diagnostic[],
  ) {}

  lines(): AsyncIterable<string> {
    const splitter = new LineSplitter(this.limits.maxLineBytes, (line, fullBytes) => {
      this.diagnostics.push(lineCutDiagnostic(this.path, line, fullBytes, this.limits.maxLineBytes));
    });
    const chunks = this.cappedChunks();
    return { [Symbol.asyncIterator]: () => new LineIterator(chunks, splitter) };
  }

  chunks(): AsyncIterable<Buffer> {
    return this.cappedChunks();
  }

  async text(): Promise<string> {
    const parts: Buffer[] = [];
    const maxBytes = Math.min(this.limits.maxFileBytes, MAX_TEXT_BYTES);
    const limit = maxBytes < this.limits.maxFileBytes ? 'largest file read whole as text' : 'maxFileBytes';
    for await (const chunk of this.cappedChunks(maxBytes, limit)) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }

  /** The entry's bytes up to `maxBytes`; a stream is read once, so a second call is a bug. */
  private async *cappedChunks(maxBytes = this.limits.maxFileBytes, limit = 'maxFileBytes'): AsyncGenerator<Buffer> {
    if (this.consumed) throw new Error(`${this.path}: entry already read (lines(), chunks() and text() are single use)`);
    this.consumed = true;
    let delivered = 0;
    for await (const chunk of this.source) {
      const room = maxBytes - delivered;
      if (chunk.length > room) {
        if (room > 0) yield chunk.subarray(0, room);
        this.diagnostics.push({
          source: this.path,
          severity: 'warning',
          message: `file of ${formatBytes(this.size)} cut to its first ${formatBytes(maxBytes)} (${limit})`,
        });
        // The reader discards the rest, so the stream behind this entry can move on.
        return;
      }
      delivered += chunk.length;
      yield chunk;
    }
  }
}

/**
 * Lines of a chunk stream. Hand-written rather than an async generator: a generator costs an
 * extra await per yielded line, which tripled the time to read a 400 MiB bundle.
 */
class LineIterator implements AsyncIterator<string> {
  private lines: string[] = [];
  private next_ = 0;
  private ended = false;

  constructor(
    private readonly chunks: AsyncGenerator<Buffer>,
    private readonly splitter: LineSplitter,
  ) {}

  next(): Promise<IteratorResult<string>> {
    if (this.next_ < this.lines.length) return Promise.resolve({ done: false, value: this.lines[this.next_++]! });
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return this.refill().then(() => this.next());
  }

  async return(): Promise<IteratorResult<string>> {
    this.ended = true;
    this.lines = [];
    await this.chunks.return(undefined);
    return { done: true, value: undefined };
  }

  private async refill(): Promise<void> {
    const chunk = await this.chunks.next();
    this.lines = chunk.done ? this.splitter.flush() : this.splitter.push(chunk.value);
    this.next_ = 0;
    this.ended = chunk.done === true;
  }
}
