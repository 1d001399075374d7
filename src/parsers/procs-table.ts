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
import { BYTES_PER_KIB, quoteLine, splitFields, splitLines } from './text-lines.js';

const PROCS_HEADER = 'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ';

/**
 * The lazy COMM group leaves exactly three fields to the right-hand numbers, so a comm `a 12`
 * stays whole. COMM is optional: prctl(PR_SET_NAME, "") makes an empty comm. The `s` flag lets
 * a comm hold \r or U+2028, which `.` would otherwise refuse.
 */
const PROCS_ROW = /^\s*(\d+)\s+(\d+)\s+(?:(.*?)\s+)?(\d+)\s+(\d+)\s+(-?\d+)\s*$/s;

export function parseProcsTable(text: string, ctx: ParseContext): Parsed<ProcRow[]> {
  const diagnostics: Diagnostic[] = [];
  const data: ProcRow[] = [];
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (i === headerIndex && splitFields(line).join(' ') === PROCS_HEADER) return;
    const m = PROCS_ROW.exec(line);
    if (i === headerIndex) {
      const message = m ? `no "${PROCS_HEADER}" header; first line read as a row` : `expected the header "${PROCS_HEADER}", got ${quoteLine(line)}`;
      diagnostics.push(lineDiagnostic(ctx, i, message));
    }
    if (!m) {
      if (i !== headerIndex) diagnostics.push(lineDiagnostic(ctx, i, `not a "${PROCS_HEADER}" row: ${quoteLine(line)}`));
      return;
    }
    const [, pid = '', ppid = '', comm = '', rssKb = '', swapKb = '', adj = ''] = m;
    data.push({
      pid: Number(pid),
      ppid: Number(ppid),
      comm,
      rssBytes: Number(rssKb) * BYTES_PER_KIB,
      swapBytes: Number(swapKb) * BYTES_PER_KIB,
      oomScoreAdj: Number(adj),
    });
  });
  return { data, diagnostics };
}
