/**
 * Records → kernel events. Report handlers (OOM, page allocation, SLUB) may hold a report open
 * across records; one-line events are matched directly. A new boot closes open reports and adds a
 * `boot` event. Year-less wall times get their final year when the file ends.
 */
import type { ParseContext } from '../../model/diagnostic.js';
import type { KernelEvent } from '../../model/kernel-events.js';
import { AllocFailureHandler, allocFailureAwaitsFragment } from './alloc-failure.js';
import { eventBase, type EventBase, type RecordHandler } from './event-base.js';
import { hungTaskEvent } from './hung-task.js';
import { dropCachesEvent, otherEvent } from './misc.js';
import { summaryAwaitsFragment } from './oom-lines.js';
import { OomReportHandler } from './oom-report.js';
import { SlubHandler } from './slub.js';
import type { KernelRecord } from './types.js';
import { shiftYears } from './wall-clock.js';

/** True for a record text that a later pr_cont fragment still has to complete. */
export function awaitsFragment(text: string): boolean {
  return summaryAwaitsFragment(text) || allocFailureAwaitsFragment(text);
}

/** Runs of consecutive records whose wall time had no year, as [first, last] event lines. */
class LineRuns {
  private readonly runs: [number, number][] = [];
  private extendable = false;

  add(line: number, member: boolean): void {
    const last = this.runs.at(-1);
    if (member && this.extendable && last !== undefined) last[1] = line;
    else if (member) this.runs.push([line, line]);
    this.extendable = member;
  }

  has(line: number): boolean {
    let low = 0;
    let high = this.runs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = this.runs[middle] as [number, number];
      if (line < first) high = middle - 1;
      else if (line > last) low = middle + 1;
      else return true;
    }
    return false;
  }
}

export class KernelEventAssembler {
  private readonly events: KernelEvent[] = [];
  private readonly yearlessLines = new LineRuns();
  private readonly handlers: RecordHandler[];
  private boot = 0;

  constructor(private readonly ctx: ParseContext) {
    const emit = (event: KernelEvent): void => {
      this.events.push(event);
    };
    this.handlers = [new OomReportHandler(ctx, emit), new AllocFailureHandler(ctx, emit), new SlubHandler(ctx, emit)];
  }

  take(record: KernelRecord): void {
    const base = (): EventBase => eventBase(record, this.ctx);
    this.yearlessLines.add(this.ctx.firstLine + record.index, record.yearless);
    if (record.boot !== this.boot) {
      for (const handler of this.handlers) handler.flush();
      this.boot = record.boot;
      this.events.push({ ...base(), type: 'boot' });
    }
    if (this.handlers.some((handler) => handler.take(record))) return;
    const event = hungTaskEvent(record.text, base) ?? dropCachesEvent(record.text, base) ?? otherEvent(record.text, base);
    if (event !== null) this.events.push(event);
  }

  /** Every event in line order; `yearShift` moves the year-less wall times to their final year. */
  finish(yearShift: number): KernelEvent[] {
    for (const handler of this.handlers) handler.flush();
    for (const event of this.events) {
      if (yearShift !== 0 && event.wallTime !== null && this.yearlessLines.has(event.line)) event.wallTime = shiftYears(event.wallTime, yearShift);
    }
    return this.events.sort((a, b) => a.line - b.line);
  }
}
