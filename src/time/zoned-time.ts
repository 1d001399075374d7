import { addMinutes } from 'date-fns/addMinutes';

/**
 * Wall-clock time in the captured machine's zone. The bundle names an IANA zone (`Europe/Berlin`)
 * or a fixed `±HH:MM` offset; Intl knows the former, date-fns shifts by the latter. A shifted Date
 * is read through its UTC fields, so the analyzing machine's own zone never leaks in.
 */
export interface Zone {
  /** What the reader sees in column headings: `Europe/Berlin`, `+05:30`, `UTC`. */
  label: string;
  /** Minutes east of UTC at a given instant (DST-aware for IANA zones). */
  offsetMinutesAt(epochMs: number): number;
}

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const LONG_OFFSET = /GMT([+-])(\d{2}):(\d{2})/;

function signedMinutes(sign: string, hours: string, minutes: string): number {
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

export const UTC_ZONE: Zone = { label: 'UTC', offsetMinutesAt: () => 0 };

/** Names a machine may report for UTC itself (Debian's /etc/timezone says `Etc/UTC`). */
const UTC_NAMES = /^(Etc\/)?(UTC|UCT|Zulu|Universal|GMT|GMT[+-]0|Z)$/;

/** The bundle's zone; unknown or unrecognised names fall back to UTC (the caller shows UTC only). */
export function zoneOf(timezone: string | null): Zone {
  if (!timezone || UTC_NAMES.test(timezone)) return UTC_ZONE;
  const fixed = FIXED_OFFSET.exec(timezone);
  if (fixed) {
    const offset = signedMinutes(fixed[1]!, fixed[2]!, fixed[3]!);
    return { label: timezone, offsetMinutesAt: () => offset };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
  } catch {
    return UTC_ZONE;
  }
  return {
    label: timezone,
    offsetMinutesAt(epochMs) {
      const name = format.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
      const m = LONG_OFFSET.exec(name);
      return m ? signedMinutes(m[1]!, m[2]!, m[3]!) : 0;
    },
  };
}

/** A Date whose UTC fields show the zone's wall clock at `epochMs`. */
export function wallClockDate(epochMs: number, zone: Zone): Date {
  return addMinutes(new Date(epochMs), zone.offsetMinutesAt(epochMs));
}

/** `2026-11-26 15:52:17` in the zone. */
export function formatWallClock(epochMs: number, zone: Zone): string {
  return wallClockDate(epochMs, zone).toISOString().slice(0, 19).replace('T', ' ');
}

/** ISO string (as the report carries) → epoch ms, or null. */
export function epochMsOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A time for prose: `2026-03-10 02:14:09 Europe/Berlin (01:14:09 UTC)`, or UTC alone when the
 * machine's zone is unknown. Readers of a 3 AM incident think in the server's local time.
 */
export function describeTime(epochMs: number, timezone: string | null): string {
  const utc = formatWallClock(epochMs, UTC_ZONE);
  const zone = zoneOf(timezone);
  if (zone === UTC_ZONE) return `${utc} UTC`;
  return `${formatWallClock(epochMs, zone)} ${zone.label} (${utc.slice(11)} UTC)`;
}
