/**
 * `vmstat 1 5` output → `VmstatTableRow[]`: memory columns converted from KiB (vmstat's default
 * unit) to bytes; the first row is the average since boot, the others are per interval.
 * Columns are found by name in the header, so `-w` (wide) and `-t` (a trailing timestamp) read alike.
 * Sample (01_baseline/vmstat_1_5.txt, procps-ng 4.0.2):
 *
 *     procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----
 *      r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st
 *      1  0      0 24517284   1960  88296    0    0   573   702  172  430  2  2 96  0  0
 *      1  0      0 24517284   1960  88296    0    0     0     0   67   89  0  1 100  0  0
 *
 * `vmstat -a` prints inact/active instead of buff/cache; that header is reported and its rows skipped.
 */
import { fileDiagnostic, lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { VmstatTableRow } from '../model/sources.js';
import { BYTES_PER_KIB, locateColumns, parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

const COLUMNS = {
  r: ['r'], b: ['b'], swpd: ['swpd'], free: ['free'], buff: ['buff'], cache: ['cache'],
  si: ['si'], so: ['so'], bi: ['bi'], bo: ['bo'],
} as const;
type Column = keyof typeof COLUMNS;
type Header = { positions: Record<Column, number>; count: number };

function parseRow(fields: readonly string[], header: Header, sinceBoot: boolean): VmstatTableRow | null {
  if (fields.length < header.count) return null;
  const values = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const value = parseDecimal(fields[header.positions[column]] ?? '');
    if (value === null) return null;
    values[column] = value;
  }
  return {
    runnable: values.r,
    blocked: values.b,
    swpdBytes: values.swpd * BYTES_PER_KIB,
    freeBytes: values.free * BYTES_PER_KIB,
    buffBytes: values.buff * BYTES_PER_KIB,
    cacheBytes: values.cache * BYTES_PER_KIB,
    siKBps: values.si,
    soKBps: values.so,
    bi: values.bi,
    bo: values.bo,
    sinceBoot,
  };
}

export function parseVmstatTable(text: string, ctx: ParseContext): Parsed<VmstatTableRow[]> {
  const rows: VmstatTableRow[] = [];
  const diagnostics: Diagnostic[] = [];
  let header: Header | null = null;
  // Only the output's very first data row is the since-boot average: not the first after a
  // repeated header, nor the second when the first is garbled (a line that starts like a row, with
  // a number). A stray line of another shape leaves the slot to the next row.
  let sinceBootPending = true;
  for (const [index, line] of splitLines(text).entries()) {
    const fields = splitFields(line);
    // Blank lines and the group line (`procs ---memory--- …`), which vmstat repeats with its header.
    if (fields.length === 0 || fields[0] === 'procs') continue;
    const positions = locateColumns(fields, COLUMNS);
    if (positions !== null) {
      header = { positions, count: fields.length };
      continue;
    }
    if (fields[0] === 'r') {
      diagnostics.push(lineDiagnostic(ctx, index, `column header without r b swpd free buff cache si so bi bo (vmstat -a?): ${quoteLine(line)}`));
      header = null;
      continue;
    }
    const row = header === null ? null : parseRow(fields, header, sinceBootPending);
    if (header !== null && /^\d/.test(fields[0] ?? '')) sinceBootPending = false;
    if (row === null) {
      const expected = header === null ? 'the column header "r b swpd free buff cache …"' : 'a row of integers under the header';
      diagnostics.push(lineDiagnostic(ctx, index, `expected ${expected}, got ${quoteLine(line)}`));
    } else {
      rows.push(row);
    }
  }
  if (rows.length === 0) diagnostics.push(fileDiagnostic(ctx, 'no vmstat row found'));
  return { data: rows, diagnostics };
}
