/**
 * /proc/PID/smaps_rollup: one `[rollup]` range line, then `Field:  <n> kB` lines summed over
 * every mapping of the process. Every field becomes bytes, keyed as printed.
 *
 * Real sample (05_mmap/run2_file_fsynced_clean: 4 shared mappings of one 512 MiB file, abridged):
 *
 *   00400000-7ffd56d57000 ---p 00000000 00:00 0                              [rollup]
 *   Rss:             2106392 kB
 *   Pss:              179869 kB
 *   Pss_Shmem:             0 kB
 *   Shared_Clean:    2102792 kB
 *   Shared_Dirty:          0 kB
 *   Private_Dirty:      3600 kB
 *   Anonymous:          3600 kB
 *   Swap:                  0 kB
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { SmapsRollup } from '../model/sources.js';
import { forEachLine, isBlank, parseKeyValueKb, quoteLine } from './text-lines.js';

/** `start-end perms offset dev inode [rollup]`: the header, which carries no quantity. */
const RANGE_LINE = /^[0-9a-f]+-[0-9a-f]+\s/;

/** `keep`: the fields to store (all by default); every line is checked either way. */
export function parseSmapsRollup(text: string, ctx: ParseContext, keep?: (field: string) => boolean): Parsed<SmapsRollup> {
  const diagnostics: Diagnostic[] = [];
  const data: SmapsRollup = {};
  forEachLine(text, (line, i) => {
    if (isBlank(line) || RANGE_LINE.test(line)) return;
    const quantity = parseKeyValueKb(line);
    if (quantity === null || quantity.unit !== 'bytes') {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "Field: <n> kB" line: ${quoteLine(line)}`));
      return;
    }
    if (keep === undefined || keep(quantity.key)) data[quantity.key] = quantity.value;
  });
  return { data, diagnostics };
}
