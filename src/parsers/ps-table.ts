/**
 * `ps -o ...` output with its header (sosreports, the baseline fixture). Columns are found by
 * header name: PID, PPID, RSS or RSZ (KiB), OOMADJ or OOM_SCORE_ADJ, and the command column
 * (COMMAND, COMM, CMD or ARGS). Columns left of the command hold one word each. When a second
 * command column follows (`comm,args`: both headed COMMAND), the first is the comm: ps pads it
 * to a fixed width, so it ends where the args column starts (see commOf) and a comm with spaces
 * survives. One-word columns after the command (sos's `...,comm,cgroup`) are read from the right.
 * With a single command column (`ps auxwww`: the args), its whole text is the comm.
 * ps has no swap column: swapBytes is 0, said once in a diagnostic, like any missing column.
 *
 * Real sample (01_baseline/ps_sorted_rss_head40.txt, `ps -eo pid,ppid,user,rss,vsz,oomadj,comm,args --sort=-rss`):
 *
 *     PID  PPID USER       RSS    VSZ OOMADJ COMMAND        COMMAND
 *   11313 11309 root      4636   8548     0 ps              ps -eo pid,ppid,user,rss,vsz,oomadj,comm,args --sort=-rss
 *    1450  1449 root      4184   5136     0 bash            bash /dev/fd/3
 *       4     2 root         0      0     0 kworker/R-rcu_g [kworker/R-rcu_gp]
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { ProcRow } from '../model/sources.js';
import { BYTES_PER_KIB, parseDecimal, quoteLine, splitLines } from './text-lines.js';

const COMMAND_HEADERS = new Set(['COMMAND', 'COMM', 'CMD', 'ARGS']);
const NUMBER_COLUMNS = {
  pid: ['PID'],
  ppid: ['PPID'],
  rssKb: ['RSS', 'RSZ'],
  oomScoreAdj: ['OOMADJ', 'OOM_SCORE_ADJ'],
} as const;
type NumberColumn = keyof typeof NUMBER_COLUMNS;

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(line: string): Word[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** What the header says about the columns around the command column. */
interface Layout {
  leftColumns: string[];
  hasCommand: boolean;
  /** Header position of an args column right after the comm (`comm,args`), else null. */
  argsStart: number | null;
  /** One-word columns after the command column (`comm,cgroup`), read from the right. */
  rightColumnCount: number;
}

function layoutOf(header: Word[]): Layout {
  const commandAt = header.findIndex((w) => COMMAND_HEADERS.has(w.text));
  if (commandAt < 0) return { leftColumns: header.map((w) => w.text), hasCommand: false, argsStart: null, rightColumnCount: 0 };
  const after = header.slice(commandAt + 1);
  const args = after[0] !== undefined && COMMAND_HEADERS.has(after[0].text) ? after[0] : null;
  return {
    leftColumns: header.slice(0, commandAt).map((w) => w.text),
    hasCommand: true,
    argsStart: args?.start ?? null,
    rightColumnCount: args ? 0 : after.length,
  };
}

/**
 * The comm of one row: the text after the left columns, up to where the args column begins
 * (or the right-hand columns, or the end of the line).
 * A header wider than its column (OOMADJ over 5-wide numbers) shifts the comm's header but not
 * its rows, and ps absorbs any overflow into the comm's padding, so only the args' header
 * position is reliable. procps 4 gives the comm 14 columns, though, and a 15-character comm
 * overflows by one: then the comm runs to the first space from the end of its column.
 * Spaces around a comm cannot be told from padding, so they are dropped.
 */
function commOf(line: string, row: Word[], commStart: number, layout: Layout): string {
  let end = line.length;
  if (layout.argsStart !== null) {
    const space = line.indexOf(' ', Math.max(layout.argsStart - 1, commStart));
    if (space >= 0) end = space;
  } else if (layout.rightColumnCount > 0) {
    end = Math.max(row[row.length - layout.rightColumnCount]?.start ?? end, commStart);
  }
  return line.slice(commStart, end).trim();
}

export function parsePsTable(text: string, ctx: ParseContext): Parsed<ProcRow[]> {
  const diagnostics: Diagnostic[] = [];
  const data: ProcRow[] = [];
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return { data, diagnostics };
  const layout = layoutOf(words(lines[headerIndex] ?? ''));
  const columnOf = {} as Record<NumberColumn, number>;
  for (const [field, names] of Object.entries(NUMBER_COLUMNS) as [NumberColumn, readonly string[]][]) {
    columnOf[field] = layout.leftColumns.findIndex((name) => names.includes(name));
  }
  if (columnOf.pid < 0) {
    diagnostics.push(lineDiagnostic(ctx, headerIndex, `ps header has no PID column: ${quoteLine(lines[headerIndex] ?? '')}`, 'error'));
    return { data, diagnostics };
  }
  for (const field of ['ppid', 'rssKb', 'oomScoreAdj'] as const) {
    if (columnOf[field] < 0) {
      diagnostics.push(lineDiagnostic(ctx, headerIndex, `ps header has no ${NUMBER_COLUMNS[field].join('/')} column; ${field} read as 0`, 'info'));
    }
  }
  if (!layout.hasCommand) diagnostics.push(lineDiagnostic(ctx, headerIndex, 'ps header has no command column; comm left empty', 'info'));
  diagnostics.push(lineDiagnostic(ctx, headerIndex, 'ps shows no swap; swapBytes read as 0', 'info'));

  lines.forEach((line, i) => {
    if (i <= headerIndex || line.trim() === '') return;
    const row = words(line);
    const left = row.slice(0, layout.leftColumns.length);
    const numbers = {} as Record<NumberColumn, number>;
    for (const field of Object.keys(NUMBER_COLUMNS) as NumberColumn[]) {
      const cell = columnOf[field] < 0 ? '0' : left[columnOf[field]]?.text;
      const value = parseDecimal(cell ?? '');
      if (value === null) {
        diagnostics.push(lineDiagnostic(ctx, i, `${NUMBER_COLUMNS[field][0]} is not an integer in ${quoteLine(line)}; row skipped`));
        return;
      }
      numbers[field] = value;
    }
    const commStart = left[left.length - 1]?.end ?? 0;
    data.push({
      pid: numbers.pid,
      ppid: numbers.ppid,
      comm: layout.hasCommand ? commOf(line, row, commStart, layout) : '',
      rssBytes: numbers.rssKb * BYTES_PER_KIB,
      swapBytes: 0,
      oomScoreAdj: numbers.oomScoreAdj,
    });
  });
  return { data, diagnostics };
}
