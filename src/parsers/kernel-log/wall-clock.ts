/**
 * Wall-clock stamps of the envelopes → epoch seconds, with date-fns doing the calendar work.
 * Zone-less stamps (syslog, journalctl short, dmesg -T/-e) are read at `utcOffsetMinutes`;
 * year-less ones get a provisional year that counts Dec→Jan rollovers, and `yearShift()` tells the
 * caller how far to move them once the file has ended, so that the last one lands in `yearHint`.
 */
// Subpath imports: the package index loads ~250 modules (0.13 s at every start).
import { addYears } from 'date-fns/addYears';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { subMinutes } from 'date-fns/subMinutes';
import { monthIndex } from './month-names.js';

const MS_PER_S = 1000;
/** A month going back by this much or more between lines is a new year, not disorder. */
const ROLLOVER_MIN_MONTHS_BACK = 6;

export interface CivilTime {
  monthName: string;
  day: number;
  hour: number;
  minute: number;
  /** Seconds with an optional fraction. */
  second: number;
  /** Present when the stamp prints it (dmesg -T). */
  year?: number;
}

export type WallResult = { epochS: number } | { unknownMonth: string } | { invalid: true };

const ISO_FRACTION = /[.,](\d+)/;

/**
 * ISO 8601 with an offset (`Z`, `+00:00`, `+0000`; fraction after `.` or `,`) → epoch seconds, else null.
 * The fraction is added after date-fns has read the rest, because a Date keeps only milliseconds.
 */
export function isoToEpochS(text: string): number | null {
  const fraction = ISO_FRACTION.exec(text);
  const date = parseISO(fraction === null ? text : text.replace(fraction[0], ''));
  if (!isValid(date)) return null;
  return date.getTime() / MS_PER_S + (fraction === null ? 0 : Number(`0.${fraction[1]}`));
}

/** Moves an epoch by whole calendar years (the year-less fix-up at the end of a file). */
export function shiftYears(epochS: number, years: number): number {
  return addYears(epochS * MS_PER_S, years).getTime() / MS_PER_S;
}

export class LocalClock {
  private readonly provisionalYear: number;
  private rollovers = 0;
  private lastMonth: number | null = null;

  constructor(
    yearHint: number,
    private readonly utcOffsetMinutes: number,
  ) {
    this.provisionalYear = yearHint;
  }

  /** Epoch seconds of a zone-less civil time. */
  toEpoch(civil: CivilTime): WallResult {
    const month = monthIndex(civil.monthName);
    if (month === null) return { unknownMonth: civil.monthName };
    const year = civil.year ?? this.yearFor(month);
    const wholeSecond = Math.floor(civil.second);
    const local = new Date(Date.UTC(year, month, civil.day, civil.hour, civil.minute, wholeSecond));
    // Date.UTC silently carries Feb 30 into March; a stamp that does that is not a date.
    if (!isValid(local) || local.getUTCDate() !== civil.day || local.getUTCMonth() !== month) return { invalid: true };
    // The fraction is added last: a Date keeps only milliseconds, journalctl prints microseconds.
    return { epochS: subMinutes(local, this.utcOffsetMinutes).getTime() / MS_PER_S + (civil.second - wholeSecond) };
  }

  /** Years to add to every year-less wall time once the file has ended (≤ 0). */
  yearShift(): number {
    return -this.rollovers;
  }

  private yearFor(month: number): number {
    if (this.lastMonth !== null && this.lastMonth - month >= ROLLOVER_MIN_MONTHS_BACK) this.rollovers += 1;
    this.lastMonth = month;
    return this.provisionalYear + this.rollovers;
  }
}
