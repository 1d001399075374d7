/**
 * Envelopes a log daemon writes around kernel messages: BSD syslog (with or without host and
 * `[uptime]`), journalctl short / short-precise / short-iso(-precise), rsyslog RFC 3339, RFC 5424,
 * talosctl dmesg, and `dmesg --time-format iso` (same ISO start, no tag). Lines of other programs
 * are recognised as the source's own and skipped.
 * Shapes (reference/kernel-log-formats.md §0):
 *
 *     Jan  5 15:19:27 kernel: [ 5864.708440] Killed process 1234 (java) …
 *     May 07 10:00:01.123456 host kernel: oom-kill:constraint=…
 *     2025-03-10T03:14:22.123456+0000 host kernel: …
 *     <4>1 2025-03-10T03:14:22.123456Z host kernel - - - …
 *     2025-03-10T03:14:22,123456+00:00 python3 invoked oom-killer: …
 */
import { messageLine, type EnvelopeLine } from './types.js';
import type { LocalStampReader } from './envelope-dmesg.js';
import { isoToEpochS } from './wall-clock.js';

export type SyslogRead = EnvelopeLine | 'other-program' | null;

const BSD_STAMP = /^(\p{L}[\p{L}.]*) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d(?:\.\d{1,9})?) (.*)$/u;
const ISO_STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) (.*)$/;
const OFFSET_WITHOUT_COLON = /[+-]\d{4}$/;
/** `host kernel: ` or `kernel: ` (a host never ends in ':'), then an optional printk stamp. */
const KERNEL_TAG = /^(?:\S*[^\s:] )?kernel(?:\[\d+\])?:(?: |$)(?:\[\s*(\d+\.\d+)\] ?)?/;
const RFC5424 = /^<\d{1,3}>1 (\S+) \S+ (\S+) \S+ \S+ (?:-|(?:\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\])+)(?: \uFEFF?(.*))?$/;
const PRINTK_STAMP = /^\[\s*(\d+\.\d+)\] ?/;
const TALOS = /^\S+: (\w+): *\w+: \[(\d{4}-\d\d-\d\dT[\d:.]+Z)\]: (.*)$/;

/** The wall time is read only for kernel lines, so other programs' stamps never move the year. */
function kernelMessage(envelope: string, rest: string, wallTime: () => number | null, yearless: boolean): SyslogRead {
  const tag = KERNEL_TAG.exec(rest);
  if (tag === null) return 'other-program';
  const uptime = tag[1] === undefined ? null : Number(tag[1]);
  return messageLine(envelope, rest.slice(tag[0].length), uptime, wallTime(), yearless);
}

/** `Mmm dd hh:mm:ss[.us] [host] tag: …`: BSD syslog (day space-padded) or journalctl short (zero-padded). */
export function readBsdSyslogLine(line: string, readLocal: LocalStampReader): SyslogRead {
  const match = BSD_STAMP.exec(line);
  if (match === null) return null;
  const [, monthName = '', day = '', hour = '', minute = '', second = '', rest = ''] = match;
  const precise = second.includes('.');
  // A two-digit day cannot tell the two apart; the label is only informative.
  const envelope = precise ? 'journal-short-precise' : day.startsWith('0') ? 'journal-short' : 'bsd-syslog';
  const civil = { monthName, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
  return kernelMessage(envelope, rest, () => readLocal(civil), true);
}

/** ISO-stamped lines: `dmesg --time-format iso` (comma before the fraction), journalctl short-iso, rsyslog RFC 3339. */
export function readIsoLine(line: string): SyslogRead {
  const match = ISO_STAMP.exec(line);
  if (match === null) return null;
  const [, stamp = '', fraction, rest = ''] = match;
  if (fraction?.startsWith(',')) return messageLine('dmesg-iso', rest, null, isoToEpochS(stamp));
  return kernelMessage(OFFSET_WITHOUT_COLON.test(stamp) ? 'journal-short-iso' : 'rsyslog-rfc3339', rest, () => isoToEpochS(stamp), false);
}

/** RFC 5424 `<prio>1 time host app procid msgid sd msg`, kept when app is `kernel`. */
export function readRfc5424Line(line: string): SyslogRead {
  const match = RFC5424.exec(line);
  if (match === null) return null;
  const [, stamp = '-', app, raw = ''] = match;
  if (app !== 'kernel') return 'other-program';
  const printk = PRINTK_STAMP.exec(raw);
  const text = printk === null ? raw : raw.slice(printk[0].length);
  const uptime = printk === null ? null : Number(printk[1]);
  return messageLine('rfc5424', text, uptime, stamp === '-' ? null : isoToEpochS(stamp));
}

/** talosctl dmesg `node: kern:    warn: [2025-03-10T03:14:22.123Z]: …`. */
export function readTalosLine(line: string): SyslogRead {
  const match = TALOS.exec(line);
  if (match === null) return null;
  const [, facility, stamp = '', text = ''] = match;
  if (facility !== 'kern') return 'other-program';
  return messageLine('talos-dmesg', text, null, isoToEpochS(stamp));
}
