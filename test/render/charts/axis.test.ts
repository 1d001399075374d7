import { describe, expect, it } from 'vitest';
import { timeAxis, valueAxis } from '../../../src/render/charts/axis.js';
import { zoneOf } from '../../../src/time/zoned-time.js';

const GIB = 1024 ** 3;

describe('valueAxis', () => {
  it('ticks bytes at round numbers of one binary unit', () => {
    const axis = valueAxis('bytes', 15.6 * GIB);
    expect(axis.title).toBe('GiB');
    expect(axis.max).toBe(16 * GIB);
    expect(axis.ticks.map((t) => t.label)).toEqual(['0 GiB', '2 GiB', '4 GiB', '6 GiB', '8 GiB', '10 GiB', '12 GiB', '14 GiB', '16 GiB']);
    expect(axis.ticks[1]!.value).toBe(2 * GIB);
  });

  it('switches to MiB below one GiB', () => {
    const axis = valueAxis('bytes', 350 * 1024 ** 2);
    expect(axis.title).toBe('MiB');
    expect(axis.ticks.at(-1)!.label).toBe('350 MiB');
  });

  it('labels percent and rates with their unit, and survives an all-zero series', () => {
    expect(valueAxis('percent', 38).ticks.map((t) => t.label)).toEqual(['0%', '5%', '10%', '15%', '20%', '25%', '30%', '35%', '40%']);
    expect(valueAxis('per-second', 2400).ticks.at(-1)!.label).toBe('2.5k/s');
    expect(valueAxis('count', 0).max).toBe(1);
  });
});

describe('timeAxis', () => {
  const start = Date.parse('2026-11-26T08:00:00Z') / 1000;

  it('puts ticks on round wall-clock hours of the bundle zone, date on the first tick', () => {
    const ticks = timeAxis(start, start + 6 * 3600, zoneOf('Europe/Berlin'));
    expect(ticks.map((t) => t.label)).toEqual(['26 Nov 09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);
    expect(ticks[0]!.value).toBe(start);
  });

  it('aligns to half-hour offsets and repeats the date when the day changes', () => {
    const ticks = timeAxis(start + 12 * 3600, start + 24 * 3600, zoneOf('+05:30'));
    const labels = ticks.map((t) => t.label);
    expect(labels[0]).toMatch(/^27 Nov \d\d:00$/);
    expect(labels.filter((l) => l.includes('Nov'))).toHaveLength(1);
    const crossing = timeAxis(start + 10 * 3600, start + 20 * 3600, zoneOf('UTC')).map((t) => t.label);
    expect(crossing).toContain('27 Nov 00:00');
  });
});
