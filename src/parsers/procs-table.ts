/**
 * One `series/procs` record of bundle layout v1 (docs/bundle-format.md): a header, then one
 * whitespace-separated row per process. COMM is the kernel's comm and may hold spaces,
 * parentheses, quotes or anything else, so a row is read from both ends: PID and PPID from
 * the left, RSS_KB, SWAP_KB and OOM_SCORE_ADJ from the right, COMM is what lies between.
 *
 * Sample in the documented shape (hand-written: the collector is built in parallel, and no real
 * record existed when this parser was written; the values are from 02_oom_memcg's leaker):
 *
 *   PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ
 *   1 0 process_api 11592 0 0
 *   11705 11697 python3 64940 0 0
 *   2 0 kthreadd 0 0 0
 *   4242 1 Web Content 310000 12 200
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { ProcRow } from '../model/sources.js';
import { BYTES_PER_KIB, decimalAt, forEachLine, isBlank, isDecimal, isSpace, quoteLine, skipField, skipSpaces, splitFields } from './text-lines.js';

const PROCS_HEADER = 'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ';

/** Where the last scanned field lies: fieldBefore moves these instead of returning an object per field. */
const field = { start: 0, end: 0 };

/** Moves `field` to the whitespace-separated field ending at or before `before` (scanning back); false at the line start. */
function fieldBefore(line: string, before: number): boolean {
  field.end = trimmedEnd(line, before);
  field.start = field.end;
  while (field.start > 0 && !isSpace(line.charCodeAt(field.start - 1))) field.start -= 1;
  return field.start < field.end;
}

/** `field` as an unsigned (or, for OOM_SCORE_ADJ, '-'-signed) count, as `\d+` / `-?\d+` would match; NaN otherwise. */
function countAt(line: string, signed: boolean): number {
  const first = line.charCodeAt(field.start);
  if (first === PLUS || (!signed && first === MINUS) || !isDecimal(line, field.start, field.end)) return Number.NaN;
  return decimalAt(line, field.start, field.end);
}

const PLUS = 0x2b;
const MINUS = 0x2d;

/**
 * A row read from both ends: PID and PPID are the first two fields, RSS_KB, SWAP_KB and
 * OOM_SCORE_ADJ the last three, COMM whatever lies between them, trimmed (it may be empty or hold
 * spaces). This is what `^\s*(\d+)\s+(\d+)\s+(?:(.*?)\s+)?(\d+)\s+(\d+)\s+(-?\d+)\s*$`
 * matched, in one scan instead of a backtracking regex per row (a day of procs is 576k rows).
 */
function parseRow(line: string): ProcRow | null {
  if (!fieldBefore(line, line.length)) return null;
  const oomScoreAdj = countAt(line, true);
  if (!fieldBefore(line, field.start)) return null;
  const swapKb = countAt(line, false);
  if (!fieldBefore(line, field.start)) return null;
  const rssKb = countAt(line, false);
  const rssStart = field.start;
  if (Number.isNaN(oomScoreAdj) || Number.isNaN(swapKb) || Number.isNaN(rssKb)) return null;
  field.start = skipSpaces(line, 0);
  field.end = skipField(line, field.start);
  const pid = countAt(line, false);
  field.start = skipSpaces(line, field.end);
  field.end = skipField(line, field.start);
  if (field.end > rssStart) return null;
  const ppid = countAt(line, false);
  if (Number.isNaN(pid) || Number.isNaN(ppid)) return null;
  const commStart = skipSpaces(line, field.end);
  const commEnd = Math.max(commStart, trimmedEnd(line, rssStart));
  return { pid, ppid, comm: line.slice(commStart, commEnd), rssBytes: rssKb * BYTES_PER_KIB, swapBytes: swapKb * BYTES_PER_KIB, oomScoreAdj };
}

/** `end` moved back over whitespace. */
function trimmedEnd(line: string, end: number): number {
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end -= 1;
  return end;
}

export function parseProcsTable(text: string, ctx: ParseContext): Parsed<ProcRow[]> {
  const diagnostics: Diagnostic[] = [];
  const data: ProcRow[] = [];
  let headerIndex = -1;
  forEachLine(text, (line, i) => {
    if (isBlank(line)) return;
    if (headerIndex < 0) headerIndex = i;
    if (i === headerIndex && splitFields(line).join(' ') === PROCS_HEADER) return;
    const row = parseRow(line);
    if (i === headerIndex) {
      const message = row ? `no "${PROCS_HEADER}" header; first line read as a row` : `expected the header "${PROCS_HEADER}", got ${quoteLine(line)}`;
      diagnostics.push(lineDiagnostic(ctx, i, message));
    }
    if (!row) {
      if (i !== headerIndex) diagnostics.push(lineDiagnostic(ctx, i, `not a "${PROCS_HEADER}" row: ${quoteLine(line)}`));
      return;
    }
    data.push(row);
  });
  return { data, diagnostics };
}
