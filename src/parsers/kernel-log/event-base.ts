/**
 * What every event module shares: the event base cut from a record, the handler contract the
 * assembler drives, and the small field readers several reports use (GFP flags, the dump_stack line).
 */
import type { ParseContext } from '../../model/diagnostic.js';
import type { KernelEvent, OtherKernelEvent } from '../../model/kernel-events.js';
import type { KernelRecord } from './types.js';

export type EventBase = Omit<OtherKernelEvent, 'type'>;
export type Emit = (event: KernelEvent) => void;

export function eventBase(record: KernelRecord, ctx: ParseContext): EventBase {
  return { source: ctx.source, line: ctx.firstLine + record.index, uptime: record.uptime, wallTime: record.wallTime, boot: record.boot, text: record.text };
}

/** A reader of one kind of report; it may hold a report open across records. */
export interface RecordHandler {
  /** Reads one record; true when the record was part of this handler's report. */
  take(record: KernelRecord): boolean;
  /** Emits whatever is still open: end of file or a new boot. */
  flush(): void;
}

/** A report that waits for a later line (a `cache:` line, a dump_stack header) before it is emitted. */
export abstract class PendingEventHandler<E extends KernelEvent> implements RecordHandler {
  protected pending: E | null = null;

  constructor(
    protected readonly ctx: ParseContext,
    private readonly emit: Emit,
  ) {}

  abstract take(record: KernelRecord): boolean;

  flush(): void {
    if (this.pending !== null) this.emit(this.pending);
    this.pending = null;
  }

  /** Starts the next report; the one before is emitted as it stands. */
  protected open(event: E): void {
    this.flush();
    this.pending = event;
  }
}

/** `GFP_HIGHUSER_MOVABLE|__GFP_COMP` → the names; `0x0()` and hex-only masks → []. */
export function gfpFlagNames(flags: string | undefined): string[] {
  return flags === undefined || flags === '' ? [] : flags.split('|');
}

const DUMP_STACK_HEADER = /^(?:CPU: \d+ (?:UID: \d+ )?PID: (\d+) Comm: |Pid: (\d+), comm: )/;

/**
 * PID from the dump_stack header (`CPU: 1 UID: 0 PID: 11705 Comm: python3 Not tainted …`, 3.10+;
 * `Pid: 1, comm: x Tainted` ≤3.9), when it names `comm`: another CPU's stack can come in between.
 */
export function dumpStackPid(text: string, comm: string): number | null {
  const match = DUMP_STACK_HEADER.exec(text);
  if (match === null) return null;
  const rest = text.slice(match[0].length);
  if (!rest.startsWith(comm) || (rest.length > comm.length && rest[comm.length] !== ' ')) return null;
  return Number(match[1] ?? match[2]);
}
