/**
 * The /proc/vmstat counters the timeline turns into per-second rates. Families whose members vary
 * by kernel (allocstall_dma32/normal/movable, pgsteal_kswapd/direct/khugepaged, …) are matched by
 * prefix; `allocstall_*` is also summed into one `allocstall` rate.
 */
export const RATE_COUNTERS: readonly string[] = [
  'pswpin',
  'pswpout',
  'pgmajfault',
  'oom_kill',
  'compact_stall',
  'compact_fail',
  'pgscan_kswapd',
  'pgscan_direct',
  'drop_slab',
  'drop_pagecache',
];

export const RATE_COUNTER_PREFIXES: readonly string[] = ['allocstall', 'pgsteal_', 'workingset_refault'];

/** The summed rate of every `allocstall*` counter. */
export const ALLOCSTALL_SUM = 'allocstall';

/** Verdicts by name: the same ~190 names come back in every one of a week's 60k records. */
const verdicts = new Map<string, boolean>();

export function isRateCounter(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = RATE_COUNTERS.includes(name) || RATE_COUNTER_PREFIXES.some((p) => name.startsWith(p));
    // Bounded: a hostile vmstat could bring any number of names.
    if (verdicts.size < 4096) verdicts.set(name, verdict);
  }
  return verdict;
}
