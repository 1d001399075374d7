/**
 * The metric table: rates the way pmdiff compares them (averages), and beyond averages the
 * peaks, slopes (leak rates) and times to exhaustion that tell whether a fix worked.
 */
import type { AnalyzedSide } from './analyzed-side.js';
import { BYTES_FLOOR, compareValues, SLOPE_FLOOR_MB_H } from './compare.js';
import {
  fastestProcessSlope, largestProcessPeak, lowestMeminfo, meanPressure, meanRate, meminfoSlope,
  memAvailableHoursLeft, oomKillsPerHour, peakMeminfo, peakPressure, peakRate, peakSwapUsed,
  swapFreeHoursLeft, sysvShmBytes, tmpfsUsedBytes,
} from './metric-values.js';
import type { DiffMetric, MetricGroup, MetricUnit, MetricValue } from './types.js';

interface MetricSpec {
  name: string;
  group: MetricGroup;
  unit: MetricUnit;
  /** Magnitudes below this count as zero (see DiffMetric.floorAbs). */
  floorAbs: number;
  source: string;
  value(s: AnalyzedSide): MetricValue;
}

/** A rate under one event per 100 s, PSI under 0.01 %: indistinguishable from none. */
const RATE_FLOOR = 0.01;
const PSI_FLOOR = 0.01;

const rate = (name: string, counter: string, what: string): MetricSpec[] => [
  { name, group: 'rate', unit: 'per-second', floorAbs: RATE_FLOOR, source: `series/vmstat ${counter} (mean ${what}/s)`, value: (s) => meanRate(s, counter) },
  { name: `${name}, peak`, group: 'peak', unit: 'per-second', floorAbs: RATE_FLOOR, source: `series/vmstat ${counter} (highest ${what}/s)`, value: (s) => peakRate(s, counter) },
];

export const METRICS: readonly MetricSpec[] = [
  ...rate('Swap-in', 'pswpin', 'pages'),
  ...rate('Swap-out', 'pswpout', 'pages'),
  ...rate('Major page faults', 'pgmajfault', 'faults'),
  ...rate('Compaction stalls', 'compact_stall', 'stalls'),
  ...rate('Direct reclaim stalls', 'allocstall', 'stalls'),
  { name: 'OOM kills per hour', group: 'rate', unit: 'per-hour', floorAbs: 0, source: 'vmstat oom_kill and kernel-log OOM kills in the capture window', value: oomKillsPerHour },
  { name: 'PSI memory some', group: 'pressure', unit: 'percent', floorAbs: PSI_FLOOR, source: 'series/pressure-memory (mean of some avg10)', value: (s) => meanPressure(s, 'some') },
  { name: 'PSI memory full', group: 'pressure', unit: 'percent', floorAbs: PSI_FLOOR, source: 'series/pressure-memory (mean of full avg10)', value: (s) => meanPressure(s, 'full') },
  { name: 'PSI memory some, peak', group: 'peak', unit: 'percent', floorAbs: PSI_FLOOR, source: 'series/pressure-memory (highest some avg10)', value: (s) => peakPressure(s, 'some') },
  { name: 'Lowest MemAvailable', group: 'peak', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'series/meminfo MemAvailable', value: (s) => lowestMeminfo(s, 'MemAvailable') },
  { name: 'Peak swap used', group: 'peak', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'series/meminfo SwapTotal − SwapFree', value: peakSwapUsed },
  { name: 'Peak slab, unreclaimable', group: 'peak', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'series/meminfo SUnreclaim', value: (s) => peakMeminfo(s, 'SUnreclaim') },
  { name: 'Peak slab, reclaimable', group: 'peak', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'series/meminfo SReclaimable', value: (s) => peakMeminfo(s, 'SReclaimable') },
  { name: 'Peak Shmem', group: 'peak', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'series/meminfo Shmem', value: (s) => peakMeminfo(s, 'Shmem') },
  { name: 'Largest process (RSS + swap), peak', group: 'peak', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'series/procs, per command', value: largestProcessPeak },
  { name: 'tmpfs used', group: 'state', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'df -kPT, tmpfs rows', value: tmpfsUsedBytes },
  { name: 'SysV shared memory', group: 'state', unit: 'bytes', floorAbs: BYTES_FLOOR, source: 'ipcs -m or /proc/sysvipc/shm', value: sysvShmBytes },
  { name: 'MemAvailable trend', group: 'slope', unit: 'MB/h', floorAbs: SLOPE_FLOOR_MB_H, source: 'series/meminfo MemAvailable, least-squares slope', value: (s) => meminfoSlope(s, 'MemAvailable') },
  { name: 'Fastest-growing process', group: 'slope', unit: 'MB/h', floorAbs: SLOPE_FLOOR_MB_H, source: 'series/procs RSS + swap of the latest pid per command, least-squares slope', value: fastestProcessSlope },
  { name: 'Slab unreclaimable trend', group: 'slope', unit: 'MB/h', floorAbs: SLOPE_FLOOR_MB_H, source: 'series/meminfo SUnreclaim, least-squares slope', value: (s) => meminfoSlope(s, 'SUnreclaim') },
  { name: 'Slab reclaimable trend', group: 'slope', unit: 'MB/h', floorAbs: SLOPE_FLOOR_MB_H, source: 'series/meminfo SReclaimable, least-squares slope', value: (s) => meminfoSlope(s, 'SReclaimable') },
  { name: 'Shmem trend', group: 'slope', unit: 'MB/h', floorAbs: SLOPE_FLOOR_MB_H, source: 'series/meminfo Shmem, least-squares slope', value: (s) => meminfoSlope(s, 'Shmem') },
  { name: 'MemAvailable runs out in', group: 'exhaustion', unit: 'hours', floorAbs: 0, source: 'linear forecast of MemAvailable from the last sample', value: memAvailableHoursLeft },
  { name: 'SwapFree runs out in', group: 'exhaustion', unit: 'hours', floorAbs: 0, source: 'linear forecast of SwapFree from the last sample', value: swapFreeHoursLeft },
];

export function compareMetrics(before: AnalyzedSide, after: AnalyzedSide): DiffMetric[] {
  return METRICS.map((m) => {
    const b = m.value(before);
    const a = m.value(after);
    return { name: m.name, group: m.group, unit: m.unit, before: b, after: a, ...compareValues(b, a, m.floorAbs), floorAbs: m.floorAbs, source: m.source };
  });
}
