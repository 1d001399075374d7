/**
 * One BundleEntry over a stream of chunks (a tar member, a directory file, a bare log).
 * It caps what it delivers at maxFileBytes and turns cut files and cut lines into diagnostics.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { formatBytes } from './format-bytes.js';
import { LineSplitter } from './line-splitter.js';
import type { BundleEntry, ReadLimits } from './types.js';

export class StreamedEntry implements BundleEntry {
  private consumed = false;

  constructor(
    readonly path: string,
    readonly size: number,
    private readonly chunks: AsyncIterable<Buffer>,
    private readonly limits: ReadLimits,
    private readonly diagnostics: Diagnostic[],
  ) {}

  async *lines(): AsyncIterable<string> {
    const splitter = new LineSplitter(this.limits.maxLineBytes, (line, fullBytes) => {
      this.diagnostics.push({
        source: this.path,
        line,
        severity: 'warning',
        message: `line of ${formatBytes(fullBytes)} cut to its first ${formatBytes(this.limits.maxLineBytes)} (maxLineBytes)`,
      });
    });
    for await (const chunk of this.cappedChunks()) yield* splitter.push(chunk);
    yield* splitter.flush();
  }

  async text(): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.cappedChunks()) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }

  /** The entry's bytes up to maxFileBytes; a stream is read once, so a second call is a bug. */
  private async *cappedChunks(): AsyncGenerator<Buffer> {
    if (this.consumed) throw new Error(`${this.path}: entry already read (lines() and text() are single use)`);
    this.consumed = true;
    const maxBytes = this.limits.maxFileBytes;
    let delivered = 0;
    for await (const chunk of this.chunks) {
      const room = maxBytes - delivered;
      if (chunk.length > room) {
        if (room > 0) yield chunk.subarray(0, room);
        this.diagnostics.push({
          source: this.path,
          severity: 'warning',
          message: `file of ${formatBytes(this.size)} cut to its first ${formatBytes(maxBytes)} (maxFileBytes)`,
        });
        // The reader discards the rest, so the stream behind this entry can move on.
        return;
      }
      delivered += chunk.length;
      yield chunk;
    }
  }
}
