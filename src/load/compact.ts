/**
 * Keeps long series bounded: a 7-day recording at 10 s holds ~60k records per source.
 *
 * Strings: a name a parser cut out of a record (a comm, a slab cache name) can be a V8 "sliced
 * string" that keeps the whole record text alive; 15-character comms did exactly that (20k procs
 * records held 228 MiB). Names kept in samples therefore go through a pool of flat copies.
 *
 * Records: the first and the latest record of each list stay whole; every record in between is
 * cut down when the next one arrives:
 *  - vmstat: only the rate counters (src/timeline/rate-counters.ts) and the gauges below survive
 *    (the other ~150 counters of a record are dropped);
 *  - procs: only the PROCS_KEPT rows with the most RSS+swap (small processes drop out; their
 *    tracks get holes, which the timeline treats as absence, not as exit); a row equal to the
 *    same pid's row in the previous record is shared, not copied;
 *  - slabinfo: only the SLAB_CACHES_KEPT largest caches;
 *  - smaps_rollup: only the SMAPS_FIELDS_KEPT of each process (Rss, Pss and their splits).
 * meminfo, buddyinfo and pressure records hold no such strings and are small: kept whole.
 */
import type { Sample, SmapsRollupEntry } from '../model/artifacts.js';
import type { ProcRow, Slabinfo, VmstatCounters } from '../model/sources.js';
import { isRateCounter } from '../timeline/rate-counters.js';

export const PROCS_KEPT = 25;
export const SLAB_CACHES_KEPT = 40;

const VMSTAT_GAUGES = new Set([
  'nr_free_pages', 'nr_slab_reclaimable', 'nr_slab_unreclaimable', 'nr_shmem', 'nr_anon_pages',
  'nr_file_pages', 'nr_mapped', 'nr_dirty', 'nr_writeback', 'nr_unevictable', 'nr_page_table_pages',
  'pgfault', 'slabs_scanned', 'compact_success', 'thp_fault_alloc', 'thp_fault_fallback',
]);

/** Flat, shared copies of repeated names. */
class StringPool {
  private readonly pool = new Map<string, string>();

  intern(text: string): string {
    let flat = this.pool.get(text);
    if (flat === undefined) {
      flat = Buffer.from(text, 'utf8').toString('utf8');
      this.pool.set(flat, flat);
    }
    return flat;
  }
}

const SMAPS_FIELDS_KEPT = new Set([
  'Rss', 'Pss', 'Pss_Anon', 'Pss_File', 'Pss_Shmem', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty',
  'Anonymous', 'Swap', 'SwapPss',
]);

const sameRow = (a: ProcRow, b: ProcRow) =>
  a.comm === b.comm && a.ppid === b.ppid && a.rssBytes === b.rssBytes && a.swapBytes === b.swapBytes && a.oomScoreAdj === b.oomScoreAdj;

/**
 * The fields of `data` whose name `keep` accepts. Built by fromEntries: an object filled key by key
 * takes four times the memory (a hash table instead of a shared shape), and ~60k of these stay.
 */
function keptFields(data: Record<string, number>, keep: (name: string) => boolean): Record<string, number> {
  const kept: [string, number][] = [];
  for (const name of Object.keys(data)) if (keep(name)) kept.push([name, data[name]!]);
  return Object.fromEntries(kept);
}

/** isRateCounter scans prefixes; the same ~190 names come back in every record. */
const vmstatVerdicts = new Map<string, boolean>();
function keepsVmstatCounter(name: string): boolean {
  let keep = vmstatVerdicts.get(name);
  if (keep === undefined) {
    keep = isRateCounter(name) || VMSTAT_GAUGES.has(name);
    if (vmstatVerdicts.size < 4096) vmstatVerdicts.set(name, keep);
  }
  return keep;
}

/** Cuts down the record before the one just pushed, unless it is the list's first. */
function compactPrevious<T>(list: Sample<T>[], compact: (data: T) => T): void {
  if (list.length < 3) return;
  const previous = list[list.length - 2]!;
  previous.data = compact(previous.data);
}

export type Compactor<T> = (list: Sample<T>[]) => void;

/** One set per load: the pools and the previous procs rows are per bundle. */
export function createCompactors() {
  const names = new StringPool();
  let previousRows = new Map<number, ProcRow>();

  const shareRows = (rows: ProcRow[]): ProcRow[] => {
    const byPid = new Map<number, ProcRow>();
    const shared = rows.map((row) => {
      const before = previousRows.get(row.pid);
      const kept = before && sameRow(before, row) ? before : { ...row, comm: names.intern(row.comm) };
      byPid.set(row.pid, kept);
      return kept;
    });
    previousRows = byPid;
    return shared;
  };

  const topProcs = (rows: ProcRow[]): ProcRow[] =>
    rows.length <= PROCS_KEPT ? rows : [...rows].sort((a, b) => b.rssBytes + b.swapBytes - (a.rssBytes + a.swapBytes)).slice(0, PROCS_KEPT);

  const largestCaches = (data: Slabinfo): Slabinfo =>
    data.caches.length <= SLAB_CACHES_KEPT ? data : { ...data, caches: [...data.caches].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, SLAB_CACHES_KEPT) };

  const vmstat: Compactor<VmstatCounters> = (list) => compactPrevious(list, (data) => keptFields(data, keepsVmstatCounter));

  const procs: Compactor<ProcRow[]> = (list) => {
    const latest = list[list.length - 1]!;
    latest.data = shareRows(latest.data);
    compactPrevious(list, topProcs);
  };

  const slabinfo: Compactor<Slabinfo> = (list) => {
    const latest = list[list.length - 1]!;
    for (const cache of latest.data.caches) cache.name = names.intern(cache.name);
    compactPrevious(list, largestCaches);
  };

  const smapsRollup: Compactor<SmapsRollupEntry[]> = (list) => {
    for (const entry of list[list.length - 1]!.data) entry.comm = names.intern(entry.comm);
    compactPrevious(list, (entries) => entries.map((e) => ({ ...e, rollup: keptFields(e.rollup, (k) => SMAPS_FIELDS_KEPT.has(k)) })));
  };

  return { vmstat, procs, slabinfo, smapsRollup };
}

export type Compactors = ReturnType<typeof createCompactors>;
