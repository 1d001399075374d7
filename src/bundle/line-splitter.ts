/**
 * Splits a byte stream into text lines without ever holding more than one line (capped at
 * maxLineBytes). Splitting happens on bytes, before decoding: '\n' never occurs inside a UTF-8
 * sequence, so each line decodes on its own and invalid bytes become U+FFFD.
 */

const NEWLINE = 0x0a;

import type { Diagnostic } from '../model/diagnostic.js';
import { formatBytes } from '../format/bytes.js';

/** The diagnostic for a line cut at maxLineBytes. */
export function lineCutDiagnostic(source: string, line: number, fullBytes: number, maxLineBytes: number): Diagnostic {
  return { source, line, severity: 'warning', message: `line of ${formatBytes(fullBytes)} cut to its first ${formatBytes(maxLineBytes)} (maxLineBytes)` };
}

/** Called once per cut line: its 1-based number and its full length in bytes. */
export type OnLineCut = (lineNumber: number, fullBytes: number) => void;

export class LineSplitter {
  /** Pieces of the current line that started in an earlier chunk. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the current line beyond the cap, dropped but counted for the diagnostic. */
  private droppedBytes = 0;
  private lineNumber = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onCut: OnLineCut,
  ) {}

  /** The lines that `chunk` completes (a plain array: per-line generators cost too much at 10M lines). */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline < 0 ? chunk.length : newline;
      if (newline >= 0 && this.pendingBytes === 0 && this.droppedBytes === 0 && end - start <= this.maxLineBytes) {
        // Fast path: the whole line lies inside this chunk.
        this.lineNumber += 1;
        lines.push(stripCarriageReturn(chunk.toString('utf8', start, end)));
      } else {
        this.keep(chunk.subarray(start, end));
        if (newline >= 0) lines.push(this.finishLine());
      }
      if (newline < 0) return lines;
      start = newline + 1;
    }
  }

  /** The last line when the stream does not end with a newline. */
  flush(): string[] {
    return this.pendingBytes > 0 || this.droppedBytes > 0 ? [this.finishLine()] : [];
  }

  private keep(piece: Buffer): void {
    const room = this.maxLineBytes - this.pendingBytes;
    if (piece.length > room) {
      this.droppedBytes += piece.length - room;
      piece = piece.subarray(0, room);
    }
    if (piece.length === 0) return;
    // Copy: the chunk it came from belongs to the stream and may be reused.
    this.pending.push(Buffer.from(piece));
    this.pendingBytes += piece.length;
  }

  private finishLine(): string {
    this.lineNumber += 1;
    const text = Buffer.concat(this.pending, this.pendingBytes).toString('utf8');
    if (this.droppedBytes > 0) this.onCut(this.lineNumber, this.pendingBytes + this.droppedBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.droppedBytes = 0;
    return stripCarriageReturn(text);
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
