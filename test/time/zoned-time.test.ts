import { describe, expect, it } from 'vitest';
import { formatWallClock, zoneOf } from '../../src/time/zoned-time.js';

const WINTER = Date.parse('2026-11-26T11:40:12Z');
const SUMMER = Date.parse('2026-07-01T11:40:12Z');

describe('zoneOf', () => {
  it('follows DST for IANA zones', () => {
    const berlin = zoneOf('Europe/Berlin');
    expect(formatWallClock(WINTER, berlin)).toBe('2026-11-26 12:40:12');
    expect(formatWallClock(SUMMER, berlin)).toBe('2026-07-01 13:40:12');
  });

  it('applies fixed ±HH:MM offsets, across midnight', () => {
    expect(formatWallClock(WINTER, zoneOf('+05:30'))).toBe('2026-11-26 17:10:12');
    expect(formatWallClock(Date.parse('2026-11-26T02:00:00Z'), zoneOf('-0800'))).toBe('2026-11-25 18:00:00');
  });

  it('falls back to UTC for unknown or missing zones', () => {
    expect(zoneOf('Mars/Olympus').label).toBe('UTC');
    expect(zoneOf(null).label).toBe('UTC');
    expect(formatWallClock(WINTER, zoneOf(null))).toBe('2026-11-26 11:40:12');
  });
});
