/**
 * sysstat history on the timeline: the memory (`sadf -r`), swap (`-S`), swapping (`-W`) and
 * paging (`-B`) columns of every `sadf -d` file, one coarse series per column, KiB converted to
 * bytes and named after the /proc field or vmstat counter they stand for, so the forecast can
 * extend a meminfo series with them (src/computed/series.ts). Rows of every host are kept: a
 * bundle holds one machine's sa files.
 */
import type { SadfRow } from '../model/sources.js';
import type { CoarseSeries } from '../model/timeline.js';

/** sadf column → what it stands for; columns not listed here are not put on the timeline. */
const COLUMNS: Record<string, { name: string; unit: CoarseSeries['unit'] }> = {
  kbmemfree: { name: 'MemFree', unit: 'bytes' },
  kbavail: { name: 'MemAvailable', unit: 'bytes' },
  kbmemused: { name: 'used (sysstat: total − free − buffers − cache − slab)', unit: 'bytes' },
  kbbuffers: { name: 'Buffers', unit: 'bytes' },
  kbcached: { name: 'Cached', unit: 'bytes' },
  kbcommit: { name: 'Committed_AS', unit: 'bytes' },
  kbactive: { name: 'Active', unit: 'bytes' },
  kbinact: { name: 'Inactive', unit: 'bytes' },
  kbdirty: { name: 'Dirty', unit: 'bytes' },
  kbanonpg: { name: 'AnonPages', unit: 'bytes' },
  kbslab: { name: 'Slab', unit: 'bytes' },
  kbkstack: { name: 'KernelStack', unit: 'bytes' },
  kbpgtbl: { name: 'PageTables', unit: 'bytes' },
  kbswpfree: { name: 'SwapFree', unit: 'bytes' },
  kbswpused: { name: 'swap used', unit: 'bytes' },
  kbswpcad: { name: 'SwapCached', unit: 'bytes' },
  '%memused': { name: '%memused', unit: 'percent' },
  '%swpused': { name: '%swpused', unit: 'percent' },
  'pswpin/s': { name: 'pswpin', unit: 'per-second' },
  'pswpout/s': { name: 'pswpout', unit: 'per-second' },
  'majflt/s': { name: 'pgmajfault', unit: 'per-second' },
  'pgscank/s': { name: 'pgscan_kswapd', unit: 'per-second' },
  'pgscand/s': { name: 'pgscan_direct', unit: 'per-second' },
};

const BYTES_PER_KIB = 1024;

/** Several sa files (one per day) make one series per column, named by every file it came from. */
export function sysstatSeries(rows: readonly SadfRow[]): CoarseSeries[] {
  const byColumn = new Map<string, CoarseSeries & { sources: Set<string> }>();
  for (const row of [...rows].sort((a, b) => a.time - b.time)) {
    for (const [column, value] of Object.entries(row.values)) {
      const meaning = COLUMNS[column];
      if (!meaning) continue;
      let series = byColumn.get(column);
      if (!series) {
        series = { column, ...meaning, source: '', points: [], sources: new Set() };
        byColumn.set(column, series);
      }
      series.sources.add(row.source ?? 'sadf -d');
      series.points.push([row.time, meaning.unit === 'bytes' ? value * BYTES_PER_KIB : value]);
    }
  }
  return [...byColumn.values()].map(({ sources, ...series }) => ({ ...series, source: [...sources].join(', ') }));
}

/** One coarse series by the name it stands for (`MemAvailable`, `pswpout`), or null. */
export function coarseByName(coarse: readonly CoarseSeries[] | undefined, name: string): CoarseSeries | null {
  return coarse?.find((s) => s.name === name) ?? null;
}
