/**
 * Joins lines into kernel records (reference §0 "Rules for the envelope"):
 * - a prefix-less indented line continues the record before it (Mem-Info, memory.stat dumps);
 * - a pr_cont fragment (a record starting with `,`, a buddy-list piece, kmsg flag `+`) is appended to
 *   the nearest recent record still waiting for one, so a summary split by another CPU's line heals;
 * - a line with no envelope after enveloped ones is a hard wrap (mail, tickets) and is re-joined;
 * - uptime going back, `-- Boot … --`, or a second `Linux version` starts the next boot.
 * Records wait in a short queue before the assembler sees them, so late fragments can still land.
 */
import type { Diagnostic, ParseContext } from '../../model/diagnostic.js';
import { lineDiagnostic } from '../../model/diagnostic.js';
import type { EnvelopeLine, KernelRecord, LineShape } from './types.js';

/** Records kept back for late fragments; interleaving rarely spans more than a few. */
const PENDING_RECORDS = 8;
/** A fragment joins a record stamped at most this long before it. */
const FRAGMENT_WINDOW_S = 1;
/** Printk stamps of interleaved CPUs can go back by microseconds; a boot restart goes back far more. */
const UPTIME_RESTART_SLACK_S = 1;
/** Kernel records are at most ~1 KiB; a hard wrap never rebuilds a longer line. */
const MAX_JOINED_CHARS = 2048;
const BUDDY_FRAGMENT = /^(?:\d+\*\d+kB|\([A-Z]+\)|= ?\d+kB)\s*$/;

interface PendingRecord extends KernelRecord {
  /** Envelope name; '' for a bare line. */
  envelope: string;
}

/** Machine formats hold one record per line: a line they cannot read is never a wrap of the one before. */
const UNWRAPPABLE_ENVELOPES = new Set(['', 'journal-json', 'kmsg']);

interface LineTally {
  count: number;
  firstIndex: number;
}

export class RecordBuilder {
  private readonly pending: PendingRecord[] = [];
  private boot = 0;
  private recordsInBoot = 0;
  private lastUptime: number | null = null;
  private bootMarkerSeen = false;
  private readonly hardWraps: LineTally = { count: 0, firstIndex: 0 };
  private readonly bareLines: LineTally = { count: 0, firstIndex: 0 };

  constructor(
    private readonly release: (record: KernelRecord) => void,
    /** True for a record whose text still expects a pr_cont fragment. */
    private readonly awaitsFragment: (text: string) => boolean,
  ) {}

  push(shape: LineShape, index: number): void {
    switch (shape.kind) {
      case 'message':
        this.pushMessage(shape, index);
        return;
      case 'continuation':
        this.pushContinuation(shape.text, index);
        return;
      case 'boot-marker':
        this.bootMarkerSeen = true;
        return;
      case 'unrecognised':
        this.pushUnrecognised(shape.text, index);
        return;
      case 'skip':
        return;
    }
  }

  /** Releases every record still held back. */
  finish(ctx: ParseContext): Diagnostic[] {
    for (const record of this.pending.splice(0)) this.release(record);
    const diagnostics: Diagnostic[] = [];
    if (this.hardWraps.count > 0) {
      diagnostics.push(lineDiagnostic(ctx, this.hardWraps.firstIndex, `${this.hardWraps.count} line(s) without envelope re-joined to the line before as hard wraps`, 'info'));
    }
    if (this.bareLines.count > 0) {
      diagnostics.push(lineDiagnostic(ctx, this.bareLines.firstIndex, `${this.bareLines.count} line(s) without a known envelope read as bare kernel messages (no time)`, 'info'));
    }
    return diagnostics;
  }

  private pushMessage(line: EnvelopeLine, index: number): void {
    const [first = '', ...more] = line.message.split('\n');
    const rest = more.map((text) => text.trimStart());
    const target = line.fragment || first.startsWith(',') || BUDDY_FRAGMENT.test(first) ? this.fragmentTarget(line) : null;
    if (target !== null) {
      target.text += first;
      target.more.push(...rest);
      return;
    }
    this.open({ index, text: first, more: rest, uptime: line.uptime, wallTime: line.wallTime, yearless: line.yearless, boot: 0, envelope: line.envelope });
  }

  private pushContinuation(text: string, index: number): void {
    const last = this.pending.at(-1);
    if (last === undefined) this.pushBare(text, index);
    else last.more.push(text);
  }

  private pushUnrecognised(text: string, index: number): void {
    const last = this.pending.at(-1);
    const lastLine = last === undefined ? '' : (last.more.at(-1) ?? last.text);
    if (last === undefined || UNWRAPPABLE_ENVELOPES.has(last.envelope) || lastLine.length + text.length > MAX_JOINED_CHARS) {
      this.pushBare(text, index);
      return;
    }
    if (last.more.length > 0) last.more[last.more.length - 1] = lastLine + text;
    else last.text += text;
    tally(this.hardWraps, index);
  }

  private pushBare(text: string, index: number): void {
    tally(this.bareLines, index);
    this.open({ index, text, more: [], uptime: null, wallTime: null, yearless: false, boot: 0, envelope: '' });
  }

  /** The latest record in the window that awaits a fragment, else the latest record in the window. */
  private fragmentTarget(line: EnvelopeLine): PendingRecord | null {
    const inWindow = this.pending.filter((record) => withinWindow(record, line)).reverse();
    return inWindow.find((record) => this.awaitsFragment(record.text)) ?? inWindow[0] ?? null;
  }

  private open(record: PendingRecord): void {
    record.boot = this.bootOf(record);
    this.pending.push(record);
    if (this.pending.length > PENDING_RECORDS) this.release(this.pending.shift() as PendingRecord);
  }

  private bootOf(record: PendingRecord): number {
    const { uptime } = record;
    const uptimeWentBack = uptime !== null && this.lastUptime !== null && uptime < this.lastUptime - UPTIME_RESTART_SLACK_S;
    const secondBanner = record.text.startsWith('Linux version ') && (uptime === null || uptime < UPTIME_RESTART_SLACK_S);
    if (this.recordsInBoot > 0 && (uptimeWentBack || this.bootMarkerSeen || secondBanner)) {
      this.boot += 1;
      this.recordsInBoot = 0;
    }
    this.bootMarkerSeen = false;
    this.recordsInBoot += 1;
    if (uptime !== null) this.lastUptime = uptime;
    return this.boot;
  }
}

function withinWindow(record: KernelRecord, line: EnvelopeLine): boolean {
  if (record.uptime !== null && line.uptime !== null) return line.uptime - record.uptime <= FRAGMENT_WINDOW_S && line.uptime >= record.uptime - FRAGMENT_WINDOW_S;
  if (record.wallTime !== null && line.wallTime !== null) return Math.abs(line.wallTime - record.wallTime) <= FRAGMENT_WINDOW_S;
  return true;
}

function tally(counter: LineTally, index: number): void {
  if (counter.count === 0) counter.firstIndex = index;
  counter.count += 1;
}
