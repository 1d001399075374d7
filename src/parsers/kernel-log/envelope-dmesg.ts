/**
 * Envelopes the kernel itself or util-linux dmesg writes, and raw /dev/kmsg.
 * Real sample (dmesg, 02_oom_memcg/v1_single_leaker/dmesg_oom_event.txt):
 *
 *     [  759.018140] memory: usage 65536kB, limit 65536kB, failcnt 31980
 *
 * The other shapes are the ones in reference/kernel-log-formats.md §0: `[ 1233.911539][  T460] `,
 * `<4>[…] `, Android `<4>[ 6207.637668]  [3:  Binder:9343_3:22875] `, `-d` `[ 505.052637 <  0.000022>] `,
 * `-x` `kern  :warn  : `, `-T` `[Thu Dec  7 00:05:15 2017] ` (localized: `[dim. 19 avril 18:03:30 2026] `),
 * `-e` `[Mar10 03:14] ` then `[  +0.000022] `, journalctl short-monotonic `[ 5864.708440] host kernel: `,
 * and /dev/kmsg `6,22743,6115623303887,-;oom-kill:…`.
 */
import { messageLine as message, type EnvelopeLine } from './types.js';
import type { CivilTime } from './wall-clock.js';

/** Turns a zone-less civil stamp into epoch seconds; the caller records what it had to assume. */
export type LocalStampReader = (civil: CivilTime) => number | null;

const PRIO = /^<(\d{1,3})>/;
const FACILITY = /^(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|res[0-3]|local[0-7]) *:(?:emerg|alert|crit|err|warn|notice|info|debug) *: /;
const UPTIME = /^\[\s*(\d+\.\d+)(?: <\s*\d+\.\d+>)?\](\[\s*[TC]\d+\])? ?/;
const ANDROID_CALLER = /^ ?\[\d+:[^\]]*\] /;
const JOURNAL_MONOTONIC_TAG = /^\S+ kernel: ?/;
const CTIME = /^\[(\S+) +(\S+)(?: +(\S+))? +(\d\d):(\d\d):(\d\d) (\d{4})\] ?/u;
const RELTIME_MINUTE = /^\[([^\d\s\]][^\d\s\]]*) ?(\d{1,2}) (\d\d):(\d\d)\] ?/u;
const RELTIME_DELTA = /^\[\s*\+(\d+\.\d+)\] ?/;
const DAY_OF_MONTH = /^\d{1,2}$/;
const KMSG = /^(\d{1,3}),(\d+),(\d+),([-c+])(?:,[^;]*)?;(.*)$/;
const KMSG_ESCAPE = /\\x([0-9a-f]{2})/g;
const US_PER_S = 1e6;

/** dmesg -T: weekday first, then day and month in either order (`Dec  7`, `19 avril`). */
function ctimeCivil(match: RegExpExecArray): CivilTime | null {
  const [, first = '', second = '', third, hour = '', minute = '', second_ = '', year = ''] = match;
  const [a, b] = third === undefined ? [first, second] : [second, third];
  const dayFirst = DAY_OF_MONTH.test(a);
  const day = dayFirst ? a : b;
  if (!DAY_OF_MONTH.test(day)) return null;
  return { monthName: dayFirst ? b : a, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second_), year: Number(year) };
}

/** The dmesg family: optional `<prio>` and `-x` prefixes, then one of the dmesg time formats. */
export class DmesgEnvelope {
  /** Wall time of the previous `dmesg -e` line, the base of the next `[  +0.000022]` delta. */
  private reltimeWallS: number | null = null;

  constructor(private readonly readLocal: LocalStampReader) {}

  read(line: string): EnvelopeLine | null {
    let rest = line;
    const prio = PRIO.exec(rest);
    if (prio !== null) rest = rest.slice(prio[0].length);
    const facility = FACILITY.exec(rest);
    if (facility !== null) rest = rest.slice(facility[0].length);
    const prefixed = prio !== null || facility !== null;
    const stamped = this.readStamp(rest, prio !== null);
    if (stamped !== null) {
      if (facility !== null) stamped.envelope = 'dmesg-facility';
      return stamped;
    }
    // `dmesg -r -t` / `-x -t`: a prefix and no time at all.
    return prefixed ? message(facility !== null ? 'dmesg-facility' : 'dmesg-prio', rest, null, null) : null;
  }

  private readStamp(rest: string, hasPrio: boolean): EnvelopeLine | null {
    if (!rest.startsWith('[')) return null;
    const uptime = UPTIME.exec(rest);
    if (uptime !== null) return this.uptimeLine(rest.slice(uptime[0].length), Number(uptime[1]), uptime[2] !== undefined, hasPrio);
    const delta = RELTIME_DELTA.exec(rest);
    if (delta !== null) {
      if (this.reltimeWallS !== null) this.reltimeWallS += Number(delta[1]);
      return message('dmesg-reltime', rest.slice(delta[0].length), null, this.reltimeWallS, true);
    }
    const ctime = CTIME.exec(rest);
    const civil = ctime === null ? null : ctimeCivil(ctime);
    if (ctime !== null && civil !== null) return message('dmesg-ctime', rest.slice(ctime[0].length), null, this.readLocal(civil));
    const minute = RELTIME_MINUTE.exec(rest);
    if (minute === null) return null;
    const [, monthName = '', day = '', hour = '', min = ''] = minute;
    this.reltimeWallS = this.readLocal({ monthName, day: Number(day), hour: Number(hour), minute: Number(min), second: 0 });
    return message('dmesg-reltime', rest.slice(minute[0].length), null, this.reltimeWallS, true);
  }

  private uptimeLine(text: string, uptimeS: number, hasCaller: boolean, hasPrio: boolean): EnvelopeLine {
    const android = hasPrio ? ANDROID_CALLER.exec(text) : null;
    if (android !== null) return message('android-printk', text.slice(android[0].length), uptimeS, null);
    const journal = JOURNAL_MONOTONIC_TAG.exec(text);
    if (journal !== null) return message('journal-short-monotonic', text.slice(journal[0].length), uptimeS, null);
    return message(hasCaller ? 'dmesg-caller' : hasPrio ? 'dmesg-prio' : 'dmesg', text, uptimeS, null);
  }
}

/** /dev/kmsg `prio,seq,usec,flags;text`: `\x0a` escapes become line breaks, flag `+` marks a pr_cont fragment. */
export function readKmsgLine(line: string): EnvelopeLine | null {
  const match = KMSG.exec(line);
  if (match === null) return null;
  const [, , , usec = '', flag, raw = ''] = match;
  const text = raw.includes('\\x') ? raw.replace(KMSG_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
  const parsed = message('kmsg', text, Number(usec) / US_PER_S, null);
  parsed.fragment = flag === '+';
  return parsed;
}
