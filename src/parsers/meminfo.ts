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
import { parseKeyedValues, parseKeyValueKb, type KeyQuantity } from './text-lines.js';

/**
 * The kernel prints only the HugePages_* counts without `kB`, so any other unitless value is a line
 * cut short (`MemFree:   245` from `MemFree:   24519000 kB`), not a count to keep.
 */
function parseMeminfoLine(line: string): KeyQuantity | null {
  const quantity = parseKeyValueKb(line);
  if (quantity?.unit === 'count' && !quantity.key.startsWith('HugePages_')) return null;
  return quantity;
}

export function parseMeminfo(text: string, ctx: ParseContext): Parsed<Meminfo> {
  return parseKeyedValues(text, ctx, parseMeminfoLine, '"Key: <integer> kB" (no unit only for HugePages_*)');
}
