/**
 * One kernel log (dmesg, journalctl -k, kern.log …) read from its bytes into events: lines split
 * as the bundle reader splits them (cut at maxLineBytes, with the same diagnostic), then the
 * kernel-log parser. Runs the same on the main thread and in a parse worker: a day of dmesg is
 * ~0.4 s of parsing the archive reader need not wait for.
 */
import { LineSplitter, lineCutDiagnostic } from '../bundle/line-splitter.js';
import type { KernelEvent } from '../model/kernel-events.js';
import { KernelLogParser } from '../parsers/kernel-log/index.js';
import type { KernelLogOptions } from '../parsers/kernel-log/types.js';
import { DiagnosticCap, type JobDiagnostics } from './diagnostic-cap.js';

export interface KernelLogJobSpec {
  job: 'kernel-log';
  source: string;
  pageSizeBytes: number;
  options: KernelLogOptions;
  maxLineBytes: number;
}

export interface KernelLogJobEnd extends JobDiagnostics {
  events: KernelEvent[];
}

export class KernelLogJob {
  private readonly diagnostics = new DiagnosticCap();
  private readonly splitter: LineSplitter;
  private readonly parser: KernelLogParser;

  constructor(spec: KernelLogJobSpec) {
    this.splitter = new LineSplitter(spec.maxLineBytes, (line, fullBytes) => {
      this.diagnostics.add(lineCutDiagnostic(spec.source, line, fullBytes, spec.maxLineBytes));
    });
    this.parser = new KernelLogParser({ source: spec.source, firstLine: 1, pageSizeBytes: spec.pageSizeBytes }, spec.options);
  }

  push(chunk: Buffer): void {
    for (const line of this.splitter.push(chunk)) this.parser.pushLine(line);
  }

  finish(): KernelLogJobEnd {
    for (const line of this.splitter.flush()) this.parser.pushLine(line);
    const { data, diagnostics } = this.parser.finish();
    for (const d of diagnostics) this.diagnostics.add(d);
    return { events: data.events, ...this.diagnostics.result() };
  }
}
