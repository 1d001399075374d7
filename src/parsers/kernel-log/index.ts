/**
 * Kernel logs of every envelope in reference/kernel-log-formats.md → kernel events.
 * Real sample (01_baseline/dmesg.txt; the same messages arrive wrapped in syslog, journal, kmsg, JSON…):
 *
 *     [    0.469629] process_api (1): drop_caches: 10
 *     [  254.072439] python3 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0
 *
 * Stages: envelope.ts strips each line's prefix, records.ts joins continuation lines and pr_cont
 * fragments, assemble.ts turns records into events. `KernelLogParser` takes one line at a time, so
 * a large log never has to be held as one string.
 */
import type { ParseContext, Parsed } from '../../model/diagnostic.js';
import type { KernelEvent } from '../../model/kernel-events.js';
import { splitLines } from '../text-lines.js';
import { awaitsFragment, KernelEventAssembler } from './assemble.js';
import { EnvelopeReader } from './envelope.js';
import { RecordBuilder } from './records.js';
import type { KernelLogOptions } from './types.js';

export type { KernelLogOptions } from './types.js';

export interface KernelLogResult {
  events: KernelEvent[];
  lineCount: number;
  /** Envelope names seen, in order (`dmesg`, `bsd-syslog`, `journal-json`, …). */
  envelopes: string[];
}

export class KernelLogParser {
  private readonly envelopes: EnvelopeReader;
  private readonly records: RecordBuilder;
  private readonly assembler: KernelEventAssembler;
  private lineCount = 0;

  constructor(
    private readonly ctx: ParseContext,
    options: KernelLogOptions = {},
  ) {
    this.envelopes = new EnvelopeReader(ctx, options);
    this.assembler = new KernelEventAssembler(ctx);
    this.records = new RecordBuilder((record) => this.assembler.take(record), awaitsFragment);
  }

  /** One line, without its terminator (a trailing `\r` is tolerated). */
  pushLine(line: string): void {
    this.records.push(this.envelopes.read(line, this.lineCount), this.lineCount);
    this.lineCount += 1;
  }

  /** Ends the file; call once. */
  finish(): Parsed<KernelLogResult> {
    const recordDiagnostics = this.records.finish(this.ctx);
    const events = this.assembler.finish(this.envelopes.finish());
    return {
      data: { events, lineCount: this.lineCount, envelopes: [...this.envelopes.envelopes] },
      diagnostics: [...this.envelopes.diagnostics, ...recordDiagnostics],
    };
  }
}

export function parseKernelLog(text: string, ctx: ParseContext, options: KernelLogOptions = {}): Parsed<KernelLogResult> {
  const parser = new KernelLogParser(ctx, options);
  for (const line of splitLines(text)) parser.pushLine(line);
  return parser.finish();
}
