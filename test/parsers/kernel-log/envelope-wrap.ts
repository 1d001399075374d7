/**
 * Re-wraps real `dmesg` lines (`[ uptime] message`) in every other envelope of
 * reference/kernel-log-formats.md §0, so one real capture proves each envelope yields the same events.
 * Wall times are built from the capture machine's boot epoch; month and weekday names are written
 * out here on purpose, independently of the parser's date-fns tables.
 */
import { parseContext, type ParseContext } from '../../../src/model/diagnostic.js';
import { readRealFixture } from '../parser-kit.js';

/** Boot epoch of the capture machine (fixtures README: btime 1795703978, about .21 more). */
export const BOOT_EPOCH_S = 1795703978.21;
export const CAPTURE_YEAR = 2026;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DMESG_LINE = /^\[\s*(\d+)\.(\d{6})\] (.*)$/;

export interface DmesgLine {
  uptimeText: string;
  uptimeUs: number;
  message: string;
}

export function readDmesgLines(text: string): DmesgLine[] {
  return text.split('\n').filter((line) => line !== '').map((line) => {
    const match = DMESG_LINE.exec(line);
    if (match === null) throw new Error(`not a dmesg line: ${line}`);
    const [, seconds = '', micros = '', message = ''] = match;
    return { uptimeText: line.slice(0, line.indexOf(']') + 1), uptimeUs: Number(seconds) * 1e6 + Number(micros), message };
  });
}

interface Civil {
  date: Date;
  iso: string;
  micros: string;
  month: string;
  weekday: string;
  day: number;
  hms: string;
}

function civil(line: DmesgLine): Civil {
  const epochUs = Math.round(BOOT_EPOCH_S * 1e6) + line.uptimeUs;
  const date = new Date(Math.floor(epochUs / 1000));
  const iso = date.toISOString().slice(0, 19);
  return {
    date, iso, micros: String(epochUs % 1e6).padStart(6, '0'), month: MONTHS[date.getUTCMonth()] ?? '',
    weekday: WEEKDAYS[date.getUTCDay()] ?? '', day: date.getUTCDate(), hms: iso.slice(11),
  };
}

const pad2 = (day: number, fill: string): string => String(day).padStart(2, fill);

/** Every envelope as a function of one dmesg line (its index in the file too, for kmsg sequence numbers). */
export const ENVELOPES: Record<string, (line: DmesgLine, index: number) => string> = {
  'dmesg-caller': (l) => `${l.uptimeText}[  T${460 + (l.uptimeUs % 7)}] ${l.message}`,
  'dmesg-prio': (l) => `<4>${l.uptimeText} ${l.message}`,
  'android-printk': (l) => `<4>${l.uptimeText}  [1:  python3:11705] ${l.message}`,
  'dmesg-delta': (l) => `${l.uptimeText.slice(0, -1)} <    0.000022>] ${l.message}`,
  'dmesg-facility': (l) => `kern  :warn  : ${l.uptimeText} ${l.message}`,
  'dmesg-ctime': (l) => { const c = civil(l); return `[${c.weekday} ${c.month} ${pad2(c.day, ' ')} ${c.hms} ${c.date.getUTCFullYear()}] ${l.message}`; },
  'dmesg-iso': (l) => { const c = civil(l); return `${c.iso},${c.micros}+00:00 ${l.message}`; },
  'bsd-syslog': (l) => { const c = civil(l); return `${c.month} ${pad2(c.day, ' ')} ${c.hms} vm kernel: ${l.uptimeText} ${l.message}`; },
  'bsd-syslog-no-host': (l) => { const c = civil(l); return `${c.month} ${pad2(c.day, ' ')} ${c.hms} kernel: ${l.uptimeText} ${l.message}`; },
  'bsd-syslog-no-uptime': (l) => { const c = civil(l); return `${c.month} ${pad2(c.day, ' ')} ${c.hms} vm kernel: ${l.message}`; },
  'rsyslog-rfc3339': (l) => { const c = civil(l); return `${c.iso}.${c.micros}+00:00 vm kernel: ${l.message}`; },
  rfc5424: (l) => { const c = civil(l); return `<4>1 ${c.iso}.${c.micros}Z vm kernel - - - ${l.message}`; },
  'journal-short': (l) => { const c = civil(l); return `${c.month} ${pad2(c.day, '0')} ${c.hms} vm kernel: ${l.message}`; },
  'journal-short-precise': (l) => { const c = civil(l); return `${c.month} ${pad2(c.day, '0')} ${c.hms}.${c.micros} vm kernel: ${l.message}`; },
  'journal-short-iso': (l) => `${civil(l).iso}+0000 vm kernel: ${l.message}`,
  'journal-short-iso-precise': (l) => { const c = civil(l); return `${c.iso}.${c.micros}+0000 vm kernel: ${l.message}`; },
  'journal-short-monotonic': (l) => `${l.uptimeText} vm kernel: ${l.message}`,
  'journal-json': (l) => JSON.stringify({
    __REALTIME_TIMESTAMP: String(Math.round(BOOT_EPOCH_S * 1e6) + l.uptimeUs), _SOURCE_MONOTONIC_TIMESTAMP: String(l.uptimeUs),
    _TRANSPORT: 'kernel', PRIORITY: '4', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: l.message,
  }),
  'journal-json-bytes': (l) => JSON.stringify({ _TRANSPORT: 'kernel', _SOURCE_MONOTONIC_TIMESTAMP: String(l.uptimeUs), MESSAGE: [...Buffer.from(l.message)] }),
  kmsg: (l, index) => `4,${22743 + index},${l.uptimeUs},-;${l.message.replaceAll('\\', '\\x5c')}`,
  'talos-dmesg': (l) => { const c = civil(l); return `vm: kern:    warn: [${c.date.toISOString()}]: ${l.message}`; },
  'mail-quoted': (l) => `> ${l.uptimeText} ${l.message}`,
};

export function wrapAll(lines: readonly DmesgLine[], envelope: string): string {
  const wrap = ENVELOPES[envelope];
  if (wrap === undefined) throw new Error(`no envelope ${envelope}`);
  return `${lines.map((line, index) => wrap(line, index)).join('\n')}\n`;
}

export const realDmesg = (path: string): string => readRealFixture(path);
export const ctx = (source = 'commands/dmesg'): ParseContext => parseContext(source);
export const OPTIONS = { yearHint: CAPTURE_YEAR } as const;
