/**
 * Keeps long series bounded: a 7-day recording at 10 s holds ~60k records per source. The first
 * and the latest record of each list stay whole; every record in between is cut down when the
 * next one arrives:
 *  - vmstat: only the rate counters (src/timeline/rate-counters.ts) and the gauges below survive
 *    (the other ~150 counters of a record are dropped);
 *  - procs: only the PROCS_KEPT rows with the most RSS+swap (small processes drop out; their
 *    tracks get holes, which the timeline treats as absence, not as exit);
 *  - slabinfo: only the SLAB_CACHES_KEPT largest caches.
 * meminfo, buddyinfo, pressure and smaps_rollup records are small and kept whole.
 */
import type { Sample } from '../model/artifacts.js';
import type { ProcRow, Slabinfo, VmstatCounters } from '../model/sources.js';
import { isRateCounter } from '../timeline/rate-counters.js';

export const PROCS_KEPT = 50;
export const SLAB_CACHES_KEPT = 40;

const VMSTAT_GAUGES = new Set([
  'nr_free_pages', 'nr_slab_reclaimable', 'nr_slab_unreclaimable', 'nr_shmem', 'nr_anon_pages',
  'nr_file_pages', 'nr_mapped', 'nr_dirty', 'nr_writeback', 'nr_unevictable', 'nr_page_table_pages',
  'pgfault', 'slabs_scanned', 'compact_success', 'thp_fault_alloc', 'thp_fault_fallback',
]);

function compactVmstat(data: VmstatCounters): VmstatCounters {
  return Object.fromEntries(Object.entries(data).filter(([k]) => isRateCounter(k) || VMSTAT_GAUGES.has(k)));
}

function compactProcs(rows: ProcRow[]): ProcRow[] {
  if (rows.length <= PROCS_KEPT) return rows;
  return [...rows].sort((a, b) => b.rssBytes + b.swapBytes - (a.rssBytes + a.swapBytes)).slice(0, PROCS_KEPT);
}

function compactSlabinfo(data: Slabinfo): Slabinfo {
  if (data.caches.length <= SLAB_CACHES_KEPT) return data;
  return { ...data, caches: [...data.caches].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, SLAB_CACHES_KEPT) };
}

/** Cuts down the record before the one just pushed, unless it is the list's first. */
function compactPrevious<T>(list: Sample<T>[], compact: (data: T) => T): void {
  if (list.length < 3) return;
  const previous = list[list.length - 2]!;
  previous.data = compact(previous.data);
}

export const compactors = {
  vmstat: (list: Sample<VmstatCounters>[]) => compactPrevious(list, compactVmstat),
  procs: (list: Sample<ProcRow[]>[]) => compactPrevious(list, compactProcs),
  slabinfo: (list: Sample<Slabinfo>[]) => compactPrevious(list, compactSlabinfo),
};
