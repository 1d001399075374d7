/**
 * One `series/<name>` file read into samples, chunk by chunk: records split on bytes
 * (records.ts), each parsed as its kind says (kinds.ts). The first record is parsed whole; later
 * ones lean, and the latest is held and parsed again whole once the file ends, so the first and
 * the latest records keep every field and the ones between stay small. Samples go out in batches
 * (a worker posts each batch as it fills); diagnostics are capped (diagnostic-cap.ts). Runs the same on the main thread and in a series worker.
 */
import type { Sample } from '../../model/artifacts.js';
import type { Diagnostic, ParseContext, Parsed } from '../../model/diagnostic.js';
import { DiagnosticCap, type JobDiagnostics } from '../diagnostic-cap.js';
import { SeriesMemory } from './compact.js';
import { SERIES_KINDS, type SeriesKind, type SeriesName } from './kinds.js';
import { RecordSplitter, type SeriesRecord } from './records.js';

/** Samples per batch: a worker posts ~100 messages for a day of vmstat at 10 s. */
const BATCH_SAMPLES = 100;

export interface SeriesJobSpec {
  job: 'series';
  name: SeriesName;
  /** Bundle path of the file. */
  source: string;
  pageSizeBytes: number;
  /**
   * A large file reaches the parse workers in segments cut at record separators
   * (src/load/workers/series-segments.ts); only the first segment holds the file's first record.
   * Line numbers are counted from the segment's start and shifted when the segments are joined.
   */
  firstSegment: boolean;
}

export interface SeriesJobEnd extends JobDiagnostics {
  /** Lines in the bytes pushed: where the next segment's line numbers start. */
  lines: number;
}

interface Held {
  record: SeriesRecord;
  data: unknown;
  /** What the lean parse reported: the whole parse at the end reports only what it adds. */
  reported: Diagnostic[];
}

export class SeriesJob {
  private readonly kind: SeriesKind<unknown>;
  private readonly splitter: RecordSplitter;
  private readonly memory = new SeriesMemory();
  private readonly diagnostics = new DiagnosticCap();
  private batch: Sample<unknown>[] = [];
  private records = 0;
  private held: Held | null = null;

  constructor(
    private readonly spec: SeriesJobSpec,
    private readonly onBatch: (samples: Sample<unknown>[]) => void,
  ) {
    this.kind = SERIES_KINDS[spec.name] as SeriesKind<unknown>;
    this.splitter = new RecordSplitter(spec.source, (d) => this.report(d), (record) => this.onRecord(record));
  }

  push(chunk: Buffer): void {
    this.splitter.push(chunk);
  }

  /** `last`: no later segment of the file follows, so the held record is the file's latest. */
  finish(last = true): SeriesJobEnd {
    const lines = this.splitter.finish();
    const held = this.held;
    this.held = null;
    if (held && last && this.kind.lean) {
      const whole = this.parse(this.kind.parse, held.record);
      const reported = new Set(held.reported.map(diagnosticKey));
      for (const d of whole.diagnostics) if (!reported.has(diagnosticKey(d))) this.report(d);
      if (whole.data !== null) held.data = this.adopt(whole.data);
    }
    if (held) this.emit(held.record, held.data);
    this.flush();
    return { ...this.diagnostics.result(), lines };
  }

  private onRecord(record: SeriesRecord): void {
    const first = this.records === 0 && this.spec.firstSegment;
    this.records += 1;
    const { data, diagnostics } = this.parse(!first && this.kind.lean ? this.kind.lean : this.kind.parse, record);
    for (const d of diagnostics) this.report(d);
    if (data === null) return;
    const adopted = this.adopt(data);
    if (first) {
      this.emit(record, adopted);
      return;
    }
    const previous = this.held;
    if (previous) this.emit(previous.record, previous.data);
    this.held = { record, data: adopted, reported: diagnostics };
  }

  /** A parser that throws costs its record (a diagnostic), never the file. */
  private parse(parser: (text: string, ctx: ParseContext) => Parsed<unknown>, record: SeriesRecord): { data: unknown; diagnostics: Diagnostic[] } {
    const ctx: ParseContext = { source: this.spec.source, firstLine: record.firstLine, pageSizeBytes: this.spec.pageSizeBytes };
    try {
      return parser(record.text, ctx);
    } catch (err) {
      return { data: null, diagnostics: [{ source: this.spec.source, line: record.firstLine, severity: 'error', message: `parser failed: ${(err as Error).message}` }] };
    }
  }

  private adopt(data: unknown): unknown {
    return this.kind.adopt ? this.kind.adopt(data, this.memory) : data;
  }

  private emit(record: SeriesRecord, data: unknown): void {
    const samples = this.kind.many ? (data as unknown[]) : [data];
    for (const one of samples) this.batch.push({ time: record.time, source: this.spec.source, line: record.firstLine, data: one });
    if (this.batch.length >= BATCH_SAMPLES) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.onBatch(batch);
  }

  private report(d: Diagnostic): void {
    this.diagnostics.add(d);
  }
}

const diagnosticKey = (d: Diagnostic) => `${d.line ?? ''}\u0000${d.message}`;
