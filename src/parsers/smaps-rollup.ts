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
import { BYTES_PER_KIB, decimalAt, forEachLineSpan, type KeyLayout, keyOf, isSpace, keyValueKbLine, newKeyedLine, quoteLine, skipSpaces } from './text-lines.js';

/** `keep`: the fields to store (all by default); every line is checked either way. */
export function parseSmapsRollup(text: string, ctx: ParseContext, keep?: (field: string) => boolean): Parsed<SmapsRollup> {
  return readSmapsRollup(text, 0, text.length, ctx, keep);
}

/**
 * parseSmapsRollup of `text[from, to)`, read in place: a series record holds a rollup per process,
 * and a week of them is ~10M lines. `layout` remembers the field names from one rollup to the next.
 */
export function readSmapsRollup(
  text: string, from: number, to: number, ctx: ParseContext, keep?: (field: string) => boolean, layout?: KeyLayout,
): Parsed<SmapsRollup> {
  const diagnostics: Diagnostic[] = [];
  const data: SmapsRollup = {};
  const line = newKeyedLine();
  forEachLineSpan(text, (start, end, i) => {
    if (skipSpaces(text, start, end) === end || isRangeLine(text, start, end)) return;
    const key = keyValueKbLine(text, start, end, line) && line.scale === BYTES_PER_KIB ? keyOf(text, line, i, layout) : undefined;
    if (key === undefined) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "Field: <n> kB" line: ${quoteLine(text.slice(start, end))}`));
    } else if (keep === undefined || keep(key)) {
      data[key] = decimalAt(text, line.valueStart, line.valueEnd) * BYTES_PER_KIB;
    }
  }, from, to);
  return { data, diagnostics };
}

/** `start-end perms offset dev inode [rollup]`, the header, which carries no quantity: `^[0-9a-f]+-[0-9a-f]+\s`. */
function isRangeLine(text: string, start: number, end: number): boolean {
  let at = skipHex(text, start, end);
  if (at === start || text.charCodeAt(at) !== DASH) return false;
  const second = at + 1;
  at = skipHex(text, second, end);
  return at > second && at < end && isSpace(text.charCodeAt(at));
}

const DASH = 0x2d;

function skipHex(text: string, at: number, end: number): number {
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) break;
  }
  return at;
}
