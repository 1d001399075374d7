/**
 * /proc/meminfo → `Meminfo`: key as printed → bytes for `kB` values, plain count for the unitless
 * HugePages_* lines. Sample (01_baseline/proc_meminfo.txt, kernel 6.18):
 *
 *     MemTotal:       24684084 kB
 *     MemFree:        24519000 kB
 *     Slab:              49976 kB
 *     SUnreclaim:        21632 kB
 *     HugePages_Total:       0
 *     Hugepagesize:       2048 kB
 */
import type { ParseContext, Parsed } from '../model/diagnostic.js';
import type { Meminfo } from '../model/sources.js';
import { keyValueKbLine, KeyLayout, scanKeyedLines, type KeyedLineReader } from './text-lines.js';

/**
 * The kernel prints only the HugePages_* counts without `kB`, so any other unitless value is a line
 * cut short (`MemFree:   245` from `MemFree:   24519000 kB`), not a count to keep.
 */
const meminfoLine: KeyedLineReader = (text, start, end, out) =>
  keyValueKbLine(text, start, end, out) && (out.scale !== 1 || text.startsWith('HugePages_', out.keyStart));

const SHAPE = '"Key: <integer> kB" (no unit only for HugePages_*)';

export function parseMeminfo(text: string, ctx: ParseContext): Parsed<Meminfo> {
  return scanKeyedLines(text, ctx, meminfoLine, SHAPE);
}

/** A reader of the records of one series: it remembers the key layout from record to record. */
export function parseMeminfoSeries(): (text: string, ctx: ParseContext) => Parsed<Meminfo> {
  const layout = new KeyLayout();
  return (text, ctx) => scanKeyedLines(text, ctx, meminfoLine, SHAPE, undefined, layout);
}
