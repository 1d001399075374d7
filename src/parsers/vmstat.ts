/**
 * /proc/vmstat → `VmstatCounters`: counter name → value as printed (pages for `nr_*` gauges, events
 * for the monotonic counters such as pgmajfault or oom_kill). Sample (01_baseline/proc_vmstat.txt):
 *
 *     nr_free_pages 1128650
 *     nr_slab_reclaimable 7086
 *     nr_slab_unreclaimable 5408
 *     workingset_refault_file 76636
 */
import type { ParseContext, Parsed } from '../model/diagnostic.js';
import type { VmstatCounters } from '../model/sources.js';
import { KeyLayout, parseNameNumbers } from './text-lines.js';

export function parseVmstat(text: string, ctx: ParseContext): Parsed<VmstatCounters> {
  return parseNameNumbers(text, ctx);
}

/**
 * A reader of the records of one series keeping the counters `keep` accepts (middle records need
 * ~40 of ~190); same line checks. It remembers the key layout from record to record.
 */
export function parseVmstatKept(keep: (name: string) => boolean): (text: string, ctx: ParseContext) => Parsed<VmstatCounters> {
  const layout = new KeyLayout();
  return (text, ctx) => parseNameNumbers(text, ctx, keep, layout);
}
