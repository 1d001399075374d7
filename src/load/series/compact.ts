/**
 * Keeps long series bounded: a 7-day recording at 10 s holds ~60k records per source.
 *
 * Strings: a name a parser cut out of a record (a comm, a slab cache name) can be a V8 "sliced
 * string" that keeps the whole record text alive; 15-character comms did exactly that (20k procs
 * records held 228 MiB). Names kept in samples therefore go through a pool of flat copies.
 *
 * Records: the first and the latest record of each series stay whole; every record in between is
 * parsed lean, keeping only what is read later:
 *  - vmstat: only the rate counters (src/timeline/rate-counters.ts) and the gauges below
 *    (the other ~150 counters of a record are never stored);
 *  - smaps_rollup: only the SMAPS_FIELDS_KEPT of each process (Rss, Pss and their splits);
 *  - procs: only the PROCS_KEPT rows with the most RSS+swap (small processes drop out; their
 *    tracks get holes, which the timeline treats as absence, not as exit); a row equal to the
 *    same pid's row in the previous record is shared, not copied;
 *  - slabinfo: only the SLAB_CACHES_KEPT largest caches.
 * meminfo, buddyinfo and pressure records hold no such strings and are small: kept whole.
 */
import type { SmapsRollupEntry } from '../../model/artifacts.js';
import type { ProcRow, Slabinfo } from '../../model/sources.js';
import { isRateCounter } from '../../timeline/rate-counters.js';

export const PROCS_KEPT = 25;
export const SLAB_CACHES_KEPT = 40;

const VMSTAT_GAUGES = new Set([
  'nr_free_pages', 'nr_slab_reclaimable', 'nr_slab_unreclaimable', 'nr_shmem', 'nr_anon_pages',
  'nr_file_pages', 'nr_mapped', 'nr_dirty', 'nr_writeback', 'nr_unevictable', 'nr_page_table_pages',
  'pgfault', 'slabs_scanned', 'compact_success', 'thp_fault_alloc', 'thp_fault_fallback',
]);

const SMAPS_FIELDS_KEPT = new Set([
  'Rss', 'Pss', 'Pss_Anon', 'Pss_File', 'Pss_Shmem', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty',
  'Anonymous', 'Swap', 'SwapPss',
]);

export const keepsVmstatCounter = (name: string): boolean => VMSTAT_GAUGES.has(name) || isRateCounter(name);

export const keepsSmapsField = (name: string): boolean => SMAPS_FIELDS_KEPT.has(name);

/** Per series file: the pool of flat names and the previous procs rows. */
export class SeriesMemory {
  private readonly pool = new Map<string, string>();
  previousRows = new Map<number, ProcRow>();

  /** A flat, shared copy of a repeated name. */
  intern(text: string): string {
    let flat = this.pool.get(text);
    if (flat === undefined) {
      flat = Buffer.from(text, 'utf8').toString('utf8');
      this.pool.set(flat, flat);
    }
    return flat;
  }
}

const sameRow = (a: ProcRow, b: ProcRow) =>
  a.comm === b.comm && a.ppid === b.ppid && a.rssBytes === b.rssBytes && a.swapBytes === b.swapBytes && a.oomScoreAdj === b.oomScoreAdj;

/** Rows equal to the previous record's row of the same pid are that row; new ones get flat comms. */
export function shareProcRows(rows: ProcRow[], memory: SeriesMemory): ProcRow[] {
  const byPid = new Map<number, ProcRow>();
  const shared = rows.map((row) => {
    const before = memory.previousRows.get(row.pid);
    const kept = before && sameRow(before, row) ? before : { ...row, comm: memory.intern(row.comm) };
    byPid.set(row.pid, kept);
    return kept;
  });
  memory.previousRows = byPid;
  return shared;
}

/**
 * The `n` items of largest `size`, largest first and ties in input order (what a stable descending
 * sort cut to `n` gives, without sorting 400 rows per record); a list of at most `n` as it is.
 */
export function largest<T>(items: T[], n: number, size: (item: T) => number): T[] {
  if (items.length <= n) return items;
  const kept: T[] = [];
  const sizes: number[] = [];
  for (const item of items) {
    const itemSize = size(item);
    if (kept.length === n && !(itemSize > sizes[n - 1]!)) continue;
    let at = kept.length === n ? n - 1 : kept.length;
    for (; at > 0 && sizes[at - 1]! < itemSize; at--) {
      sizes[at] = sizes[at - 1]!;
      kept[at] = kept[at - 1]!;
    }
    sizes[at] = itemSize;
    kept[at] = item;
  }
  return kept;
}

export const topProcs = (rows: ProcRow[]): ProcRow[] => largest(rows, PROCS_KEPT, (row) => row.rssBytes + row.swapBytes);

export function internCacheNames(data: Slabinfo, memory: SeriesMemory): Slabinfo {
  for (const cache of data.caches) cache.name = memory.intern(cache.name);
  return data;
}

export const largestCaches = (data: Slabinfo): Slabinfo => {
  const caches = largest(data.caches, SLAB_CACHES_KEPT, (cache) => cache.sizeBytes);
  return caches === data.caches ? data : { ...data, caches };
};

export function internSmapsComms(entries: SmapsRollupEntry[], memory: SeriesMemory): SmapsRollupEntry[] {
  for (const entry of entries) entry.comm = memory.intern(entry.comm);
  return entries;
}
