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
import { BYTES_PER_KIB, forEachLine, isBlank, isDecimal, isSpace, quoteLine, skipField, skipSpaces, splitFields } from './text-lines.js';

const PROCS_HEADER = 'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ';

interface Span {
  start: number;
  end: number;
}

/** The whitespace-separated field ending at or before `end` (scanning back), or null at the line start. */
function fieldBefore(line: string, before: number): Span | null {
  const end = trimmedEnd(line, before);
  let start = end;
  while (start > 0 && !isSpace(line.charCodeAt(start - 1))) start -= 1;
  return start < end ? { start, end } : null;
}

/** Unsigned (or, for OOM_SCORE_ADJ, '-'-signed) ASCII digits, as `\d+` / `-?\d+` would match. */
function isCount(line: string, { start, end }: Span, signed: boolean): boolean {
  const first = line.charCodeAt(start);
  return first !== PLUS && (signed || first !== MINUS) && isDecimal(line, start, end);
}

const PLUS = 0x2b;
const MINUS = 0x2d;

/**
 * A row read from both ends: PID and PPID are the first two fields, RSS_KB, SWAP_KB and
 * OOM_SCORE_ADJ the last three, COMM whatever lies between them, trimmed (it may be empty or hold
 * spaces). This is what `^\s*(\d+)\s+(\d+)\s+(?:(.*?)\s+)?(\d+)\s+(\d+)\s+(-?\d+)\s*$`
 * matched, in one scan instead of a backtracking regex per row.
 */
function parseRow(line: string): ProcRow | null {
  const adj = fieldBefore(line, line.length);
  const swap = adj && fieldBefore(line, adj.start);
  const rss = swap && fieldBefore(line, swap.start);
  if (!adj || !swap || !rss || !isCount(line, adj, true) || !isCount(line, swap, false) || !isCount(line, rss, false)) return null;
  const pidStart = skipSpaces(line, 0);
  const pid = { start: pidStart, end: skipField(line, pidStart) };
  const ppidStart = skipSpaces(line, pid.end);
  const ppid = { start: ppidStart, end: skipField(line, ppidStart) };
  if (ppid.end > rss.start || !isCount(line, pid, false) || !isCount(line, ppid, false)) return null;
  const commStart = skipSpaces(line, ppid.end);
  const commEnd = Math.max(commStart, trimmedEnd(line, rss.start));
  const number = (span: Span) => Number(line.slice(span.start, span.end));
  return {
    pid: number(pid),
    ppid: number(ppid),
    comm: line.slice(commStart, commEnd),
    rssBytes: number(rss) * BYTES_PER_KIB,
    swapBytes: number(swap) * BYTES_PER_KIB,
    oomScoreAdj: number(adj),
  };
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
