/**
 * Recognises the envelope of each physical line and strips it (reference §0). Dispatches on the
 * first character, so a line costs one or two regular expressions. Also owns the assumptions about
 * wall clocks, which it reports once per file: zone-less stamps, year-less stamps, unknown month names.
 */
import type { Diagnostic, ParseContext } from '../../model/diagnostic.js';
import { lineDiagnostic } from '../../model/diagnostic.js';
import { DmesgEnvelope, readKmsgLine } from './envelope-dmesg.js';
import { readJournalJsonLine } from './envelope-json.js';
import { readBsdSyslogLine, readIsoLine, readRfc5424Line, readTalosLine, type SyslogRead } from './envelope-syslog.js';
import type { KernelLogOptions, LineShape } from './types.js';
import { LocalClock, type CivilTime } from './wall-clock.js';

const QUOTE_PREFIX = /^(?:> ?)+/;
const JOURNAL_NOTE = /^-- .* --$/;
const JOURNAL_BOOT = /^-- (?:Boot [0-9a-f]+|Reboot) --$/;
const KMSG_DICTIONARY = /^ [A-Z0-9_]+=/;
const MINUTES_PER_HOUR = 60;

function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / MINUTES_PER_HOUR)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(Math.abs(minutes) % MINUTES_PER_HOUR).padStart(2, '0')}`;
}

export class EnvelopeReader {
  /** Envelope names in the order first seen. */
  readonly envelopes: string[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly clock: LocalClock;
  private readonly dmesg: DmesgEnvelope;
  private readonly yearHint: number;
  private readonly utcOffsetMinutes: number;
  private index = 0;
  private lastEnvelope = '';
  private zoneNoted = false;
  private firstYearlessIndex: number | null = null;
  private readonly unknownMonths = new Set<string>();

  constructor(
    private readonly ctx: ParseContext,
    options: KernelLogOptions,
  ) {
    this.yearHint = options.yearHint ?? new Date().getUTCFullYear();
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
    this.clock = new LocalClock(this.yearHint, this.utcOffsetMinutes);
    this.dmesg = new DmesgEnvelope((civil) => this.readLocal(civil));
  }

  /** What the line at 0-based `index` is. */
  read(rawLine: string, index: number): LineShape {
    this.index = index;
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.startsWith('>')) line = line.replace(QUOTE_PREFIX, '');
    if (line.trim() === '') return { kind: 'skip' };
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (this.lastEnvelope === 'kmsg' && KMSG_DICTIONARY.test(line)) return { kind: 'skip' };
      return { kind: 'continuation', text: line.trimStart() };
    }
    if (line.startsWith('-- ') && JOURNAL_NOTE.test(line)) return JOURNAL_BOOT.test(line) ? { kind: 'boot-marker' } : { kind: 'skip' };
    const read = this.readEnvelope(line, first);
    if (read === 'other-program') return { kind: 'skip' };
    if (read === null) return { kind: 'unrecognised', text: line };
    if (read.envelope !== this.lastEnvelope) {
      this.lastEnvelope = read.envelope;
      if (!this.envelopes.includes(read.envelope)) this.envelopes.push(read.envelope);
    }
    if (read.yearless && read.wallTime !== null) this.firstYearlessIndex ??= index;
    return read;
  }

  /** Years to add to year-less wall times, and the one diagnostic that says so. */
  finish(): number {
    const shift = this.clock.yearShift();
    if (this.firstYearlessIndex !== null) {
      const rollovers = shift === 0 ? '' : ` (${-shift} Dec→Jan rollover${shift === -1 ? '' : 's'} inside the file)`;
      this.note(this.firstYearlessIndex, `stamps carry no year: the last one is taken to be in ${this.yearHint}${rollovers}`);
    }
    return shift;
  }

  private readEnvelope(line: string, first: number): SyslogRead {
    const isDigit = first >= 0x30 && first <= 0x39;
    if (first === 0x5b /* [ */) return this.dmesg.read(line);
    if (first === 0x3c /* < */) return readRfc5424Line(line) ?? this.dmesg.read(line);
    if (first === 0x7b /* { */) return readJournalJsonLine(line);
    if (isDigit) return readKmsgLine(line) ?? readIsoLine(line);
    return this.dmesg.read(line) ?? readBsdSyslogLine(line, (civil) => this.readLocal(civil)) ?? readTalosLine(line);
  }

  private readLocal(civil: CivilTime): number | null {
    const result = this.clock.toEpoch(civil);
    if ('epochS' in result) {
      if (!this.zoneNoted) {
        this.zoneNoted = true;
        this.note(this.index, `stamps carry no time zone: read as ${utcOffsetLabel(this.utcOffsetMinutes)} (utcOffsetMinutes)`);
      }
      return result.epochS;
    }
    if ('unknownMonth' in result && !this.unknownMonths.has(result.unknownMonth)) {
      this.unknownMonths.add(result.unknownMonth);
      this.diagnostics.push(lineDiagnostic(this.ctx, this.index, `unknown month name ${JSON.stringify(result.unknownMonth)}: wall time left empty for its lines`));
    }
    return null;
  }

  private note(index: number, message: string): void {
    this.diagnostics.push(lineDiagnostic(this.ctx, index, message, 'info'));
  }
}
