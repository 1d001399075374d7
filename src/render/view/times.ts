import { epochMsOf, formatWallClock, UTC_ZONE, type Zone } from '../../time/zoned-time.js';

/** One instant as both columns show it: the machine's wall clock and UTC (null when they are the same). */
export interface BothTimes {
  local: string;
  utc: string | null;
}

export function bothTimes(iso: string | null | undefined, zone: Zone): BothTimes | null {
  const ms = epochMsOf(iso);
  if (ms === null) return null;
  return { local: formatWallClock(ms, zone), utc: zone === UTC_ZONE ? null : formatWallClock(ms, UTC_ZONE) };
}
