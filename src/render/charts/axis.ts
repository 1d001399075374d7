import { scaleLinear, scaleUtc } from 'd3-scale';
import type { ChartData } from '../../model/report.js';
import { wallClockDate, type Zone } from '../../time/zoned-time.js';

export interface Tick {
  value: number;
  label: string;
}

export interface ValueAxis {
  /** Upper end of the domain, rounded up to a tick. */
  max: number;
  ticks: Tick[];
  /** Axis title: the unit the tick labels use. */
  title: string;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const TITLES: Record<ChartData['unit'], string> = {
  bytes: 'bytes',
  percent: '% of time',
  'per-second': 'per second',
  count: 'count',
};

/** The binary prefix that keeps the largest value between 1 and 1024 of it. */
function binaryUnit(maxBytes: number): { divisor: number; name: string } {
  let index = 0;
  while (index < BINARY_UNITS.length - 1 && maxBytes >= 1024 ** (index + 1)) index += 1;
  return { divisor: 1024 ** index, name: BINARY_UNITS[index]! };
}

/**
 * Y ticks from 0 to a "nice" maximum. Bytes get ticks at round numbers of ONE binary unit
 * (0, 4, 8, 12, 16 GiB) instead of mixed units, so the axis reads at a glance.
 */
export function valueAxis(unit: ChartData['unit'], maxValue: number, tickCount = 6): ValueAxis {
  const top = maxValue > 0 ? maxValue : 1;
  if (unit === 'bytes') {
    const { divisor, name } = binaryUnit(top);
    const scale = scaleLinear().domain([0, top / divisor]).nice(tickCount);
    return {
      max: scale.domain()[1]! * divisor,
      ticks: scale.ticks(tickCount).map((t) => ({ value: t * divisor, label: `${+t.toFixed(2)} ${name}` })),
      title: name,
    };
  }
  const scale = scaleLinear().domain([0, top]).nice(tickCount);
  const format = scale.tickFormat(tickCount, unit === 'percent' ? '~r' : '~s');
  const suffix = unit === 'percent' ? '%' : unit === 'per-second' ? '/s' : '';
  return {
    max: scale.domain()[1]!,
    ticks: scale.ticks(tickCount).map((t) => ({ value: t, label: `${format(t)}${suffix}` })),
    title: TITLES[unit],
  };
}

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/**
 * Time ticks at round wall-clock times of the bundle's zone (every 10 min, 1 h, 6 h …, chosen by
 * d3's UTC intervals on the zone-shifted domain). Labels are HH:MM; the first tick and every tick
 * on a new day carry the date too.
 */
export function timeAxis(startS: number, endS: number, zone: Zone, tickCount = 7): Tick[] {
  const offsetS = zone.offsetMinutesAt(startS * 1000) * 60;
  const shifted = scaleUtc().domain([new Date((startS + offsetS) * 1000), new Date((endS + offsetS) * 1000)]);
  let previousDay = '';
  return shifted.ticks(tickCount).map((tick) => {
    const valueS = tick.getTime() / 1000 - offsetS;
    const wall = wallClockDate(valueS * 1000, zone);
    const day = DAY.format(wall);
    const hhmm = wall.toISOString().slice(11, 16);
    const label = day !== previousDay ? `${day} ${hhmm}` : hhmm;
    previousDay = day;
    return { value: valueS, label };
  });
}
