/**
 * Internal shapes shared by the kernel-log stages: envelope → record → event.
 * A line first loses its envelope (the prefix that differs per source), records then join what the
 * kernel printed as one message, and the event modules read only message text.
 */

export interface KernelLogOptions {
  /**
   * Year of the LAST year-less stamp in the file (BSD syslog, journalctl short, dmesg -e): the
   * bundle's year. Earlier lines before a Dec→Jan rollover land in the year before. Default: the
   * current UTC year.
   */
  yearHint?: number;
  /** Offset of the host's local time for stamps without a zone (syslog, journalctl short, dmesg -T). Default 0. */
  utcOffsetMinutes?: number;
}

/** One line with its envelope stripped. */
export interface EnvelopeLine {
  kind: 'message';
  /** Envelope name, e.g. `dmesg`, `bsd-syslog`, `journal-json`. */
  envelope: string;
  /** Message text; may hold `\n` when the envelope keeps a multi-line record on one line (kmsg, JSON). */
  message: string;
  /** Seconds since boot from the printk stamp, when the envelope shows it. */
  uptime: number | null;
  /** Epoch seconds, when the envelope carries a wall clock. */
  wallTime: number | null;
  /** The wall time came from a stamp without a year; its year is fixed when the file ends. */
  yearless: boolean;
  /** A pr_cont fragment by the envelope's own flag (kmsg `+`). */
  fragment: boolean;
}

/** What one physical line is, once its envelope has been looked at. */
export type LineShape =
  | EnvelopeLine
  /** A prefix-less line starting with whitespace: the next line of the previous record. */
  | { kind: 'continuation'; text: string }
  /** A line of the source's own that holds no kernel message (other syslog programs, kmsg dictionary, journal notes). */
  | { kind: 'skip' }
  /** `-- Boot <id> --` from journalctl: the next record starts a new boot. */
  | { kind: 'boot-marker' }
  /** No envelope recognised: bare message text, or a hard wrap of the previous line. */
  | { kind: 'unrecognised'; text: string };

/** One kernel message, possibly multi-line, on the clock of the file. */
export interface KernelRecord {
  /** 0-based index of the record's first line within the parsed text. */
  index: number;
  /** First message line, pr_cont fragments appended. */
  text: string;
  /** Further lines of the same record (Mem-Info, memory.stat dumps), indentation removed. */
  more: string[];
  uptime: number | null;
  wallTime: number | null;
  yearless: boolean;
  /** 0-based boot index within the file. */
  boot: number;
}

export function messageLine(envelope: string, message: string, uptime: number | null, wallTime: number | null, yearless = false): EnvelopeLine {
  return { kind: 'message', envelope, message, uptime, wallTime, yearless, fragment: false };
}
