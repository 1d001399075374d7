/**
 * Splits a `series/<source>` file into its records while streaming its bytes, so a week-long
 * series never sits in memory as one string. Layout v1 (docs/bundle-format.md):
 *
 *   === 1795704730.373
 *   MemTotal:       24684084 kB
 *   ...
 *   === 1795704730.874
 *   ...
 *
 * Records are found on the raw bytes (a separator is '===' at a line start) and each record is
 * decoded with one toString: splitting into lines and joining them again cost a fifth of the load.
 * A record's text is the bytes between its separator line and the newline before the next one.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { formatBytes } from '../../format/bytes.js';
import { isPlausibleEpoch } from '../../time/epoch.js';

export interface SeriesRecord {
  /** Epoch seconds from the separator line. */
  time: number;
  /** 1-based line in the file of the record's first content line. */
  firstLine: number;
  text: string;
}

const NEWLINE = 0x0a;
const EQUALS = 0x3d;
const SEPARATOR_PREFIX = Buffer.from('===');
const SEPARATOR_AFTER_NEWLINE = Buffer.from('\n===');
const SEPARATOR = /^=== (\d+(?:\.\d+)?)\s*$/;
/** Far above any real record (a 400-process table is ~20 KB); bounds memory on a file without separators. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** A separator line is ~20 bytes; one longer than this is not waited for to its end. */
const MAX_SEPARATOR_BYTES = 4096;

/** Calls `onRecord` for each well-formed record; returns the number of lines read. */
export async function forEachSeriesRecord(
  chunks: AsyncIterable<Buffer>,
  source: string,
  report: (d: Diagnostic) => void,
  onRecord: (record: SeriesRecord) => void,
): Promise<number> {
  const splitter = new RecordSplitter(source, report, onRecord);
  for await (const chunk of chunks) splitter.push(chunk);
  return splitter.finish();
}

interface OpenRecord {
  time: number;
  firstLine: number;
  parts: Buffer[];
  bytes: number;
  droppedBytes: number;
}

/** The splitter behind forEachSeriesRecord, for callers that push chunks themselves (a series job). */
export class RecordSplitter {
  /** Newlines consumed so far: the next line is lineNo + 1. */
  private lineNo = 0;
  /** Bytes at the end of the last chunk that may begin a separator line. */
  private carry: Buffer | null = null;
  private atLineStart = true;
  private record: OpenRecord | null = null;
  private skippingBadRecord = false;
  private strayLines = 0;
  private firstStray = 0;
  private strayLineHasText = false;

  constructor(
    private readonly source: string,
    private readonly report: (d: Diagnostic) => void,
    private readonly onRecord: (record: SeriesRecord) => void,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    this.scan(buf, false);
    // Parts may point into stream chunks: own them before the next chunk arrives.
    if (this.record && this.record.parts.length > 0) this.record.parts = [Buffer.concat(this.record.parts)];
  }

  finish(): number {
    const rest = this.carry;
    this.carry = null;
    if (rest) this.scan(rest, true);
    if (this.strayLineHasText) this.countStray();
    this.endRegion(false);
    if (this.strayLines > 0) {
      this.report({ source: this.source, line: this.firstStray, severity: 'warning', message: `${this.strayLines} line(s) outside any "=== <time>" record; ignored` });
    }
    return this.atLineStart ? this.lineNo : this.lineNo + 1;
  }

  private scan(buf: Buffer, final: boolean): void {
    let pos = 0;
    let lineStart = this.atLineStart;
    while (pos < buf.length) {
      const sepAt = this.findSeparator(buf, pos, lineStart);
      if (sepAt < 0) {
        const carryFrom = final ? buf.length : possibleSeparatorStart(buf, pos, lineStart);
        this.addContent(buf, pos, carryFrom);
        if (carryFrom < buf.length) this.carry = Buffer.from(buf.subarray(carryFrom));
        this.atLineStart = carryFrom < buf.length || buf[buf.length - 1] === NEWLINE;
        return;
      }
      this.addContent(buf, pos, sepAt);
      let lineEnd = buf.indexOf(NEWLINE, sepAt);
      if (lineEnd < 0 && !final && buf.length - sepAt <= MAX_SEPARATOR_BYTES) {
        this.carry = Buffer.from(buf.subarray(sepAt));
        this.atLineStart = true;
        return;
      }
      const complete = lineEnd >= 0;
      if (!complete) lineEnd = Math.min(buf.length, sepAt + MAX_SEPARATOR_BYTES);
      this.endRegion(true);
      this.startRegion(buf.toString('utf8', sepAt, lineEnd).replace(/\r$/, ''));
      if (complete) this.lineNo += 1;
      pos = complete ? lineEnd + 1 : lineEnd;
      lineStart = complete;
    }
    this.atLineStart = lineStart;
  }

  /** Offset of the next '===' at a line start, from `pos`; -1 when there is none. */
  private findSeparator(buf: Buffer, pos: number, lineStart: boolean): number {
    if (lineStart && buf.length - pos >= 3 && buf.compare(SEPARATOR_PREFIX, 0, 3, pos, pos + 3) === 0) return pos;
    const at = buf.indexOf(SEPARATOR_AFTER_NEWLINE, pos);
    return at < 0 ? -1 : at + 1;
  }

  private startRegion(separatorLine: string): void {
    const m = SEPARATOR.exec(separatorLine);
    const time = m ? Number(m[1]) : NaN;
    this.skippingBadRecord = !isPlausibleEpoch(time);
    if (!this.skippingBadRecord) {
      this.record = { time, firstLine: this.lineNo + 2, parts: [], bytes: 0, droppedBytes: 0 };
    } else {
      const message = `bad record separator "${separatorLine.slice(0, 40)}"; record skipped`;
      this.report({ source: this.source, line: this.lineNo + 1, severity: 'warning', message });
    }
  }

  private addContent(buf: Buffer, start: number, end: number): void {
    if (end <= start) return;
    const record = this.record;
    if (record) {
      const room = MAX_RECORD_BYTES - record.bytes;
      if (end - start > room) {
        this.lineNo += countNewlines(buf, start + Math.max(room, 0), end);
        record.droppedBytes += end - start - Math.max(room, 0);
        end = start + Math.max(room, 0);
      }
      if (end > start) record.parts.push(buf.subarray(start, end));
      record.bytes += end - start;
    } else if (this.skippingBadRecord) {
      this.lineNo += countNewlines(buf, start, end);
    } else {
      this.addStray(buf.toString('utf8', start, end));
    }
  }

  /** Content before the first separator belongs to no sample time: its non-blank lines are counted. */
  private addStray(text: string): void {
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      const piece = text.slice(from, newline < 0 ? text.length : newline);
      if (piece.trim() !== '') this.strayLineHasText = true;
      if (newline < 0) return;
      if (this.strayLineHasText) this.countStray();
      this.lineNo += 1;
      from = newline + 1;
    }
  }

  private countStray(): void {
    if (this.strayLines === 0) this.firstStray = this.lineNo + 1;
    this.strayLines += 1;
    this.strayLineHasText = false;
  }

  /** Hands on the open record; `beforeSeparator`: its last byte is the newline that ends it, not text. */
  private endRegion(beforeSeparator: boolean): void {
    const record = this.record;
    this.record = null;
    if (!record) return;
    const bytes = record.parts.length === 1 ? record.parts[0]! : Buffer.concat(record.parts, record.bytes);
    const keptNewline = beforeSeparator && record.droppedBytes === 0 && bytes[bytes.length - 1] === NEWLINE;
    let text = bytes.toString('utf8', 0, keptNewline ? bytes.length - 1 : bytes.length);
    this.lineNo += countNewlinesInText(text) + (keptNewline ? 1 : 0);
    if (text.includes('\r')) text = text.replace(/\r(?=\n|$)/g, '');
    if (record.droppedBytes > 0) {
      const message = `record of ${formatBytes(record.bytes + record.droppedBytes)} cut to its first ${formatBytes(MAX_RECORD_BYTES)}`;
      this.report({ source: this.source, line: record.firstLine, severity: 'warning', message });
    }
    this.onRecord({ time: record.time, firstLine: record.firstLine, text });
  }
}

/**
 * Where the bytes after `pos` may still turn into a separator once the next chunk arrives: the
 * start of a last line of only '=' (fewer than three), else the buffer's end.
 */
function possibleSeparatorStart(buf: Buffer, pos: number, lineStart: boolean): number {
  const lastNewline = buf.lastIndexOf(NEWLINE);
  const lineBegin = lastNewline >= pos ? lastNewline + 1 : lineStart ? pos : buf.length;
  if (buf.length - lineBegin >= 3) return buf.length;
  for (let i = lineBegin; i < buf.length; i++) if (buf[i] !== EQUALS) return buf.length;
  return lineBegin;
}

function countNewlines(buf: Buffer, start: number, end: number): number {
  let count = 0;
  for (let at = buf.indexOf(NEWLINE, start); at >= 0 && at < end; at = buf.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}

function countNewlinesInText(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
