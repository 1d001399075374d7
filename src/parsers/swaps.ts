/**
 * /proc/swaps → `SwapDevice[]`, sizes in KiB converted to bytes; no swap = the header alone = [].
 * Also the shared reader of header-led swap tables, which `swapon --show --bytes` (swapon.ts) uses.
 * Sample (captured on the fixtures' machine, kernel 6.18, two swap files switched on for the purpose;
 * the kernel escapes the space in a path as \040):
 *
 *     Filename				Type		Size		Used		Priority
 *     /tmp/swapcap/swap\040file.img           file		32764		0		5
 *     /tmp/swapcap/swap2.img                  file		65532		0		-2
 */
import { lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { SwapDevice } from '../model/sources.js';
import { BYTES_PER_KIB, decodeOctalEscapes, locateColumns, parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

/** Header names of /proc/swaps and of swapon's default columns. */
const REQUIRED_COLUMNS = {
  name: ['Filename', 'NAME'],
  type: ['Type', 'TYPE'],
  size: ['Size', 'SIZE'],
  used: ['Used', 'USED'],
} as const;
const PRIORITY_COLUMN = ['Priority', 'PRIO'];

type Columns = Record<keyof typeof REQUIRED_COLUMNS, number> & { priority: number | null; count: number };

function locateSwapColumns(line: string): Columns | null {
  const header = splitFields(line);
  const required = locateColumns(header, REQUIRED_COLUMNS);
  if (required === null) return null;
  const priority = header.findIndex((field) => PRIORITY_COLUMN.includes(field));
  return { ...required, priority: priority < 0 ? null : priority, count: header.length };
}

/**
 * A row's fields; surplus words belong to a NAME in the first column (swapon prints spaces in
 * paths as they are), else the row does not fit.
 */
function parseSwapRow(line: string, columns: Columns, bytesPerUnit: number): SwapDevice | null {
  let fields = splitFields(line);
  const surplus = fields.length - columns.count;
  if (surplus > 0 && columns.name === 0) fields = [fields.slice(0, surplus + 1).join(' '), ...fields.slice(surplus + 1)];
  if (fields.length !== columns.count) return null;
  const size = parseDecimal(fields[columns.size] ?? '');
  const used = parseDecimal(fields[columns.used] ?? '');
  const priority = columns.priority === null ? null : parseDecimal(fields[columns.priority] ?? '');
  if (size === null || used === null || (columns.priority !== null && priority === null)) return null;
  return {
    name: decodeOctalEscapes(fields[columns.name] ?? ''),
    type: fields[columns.type] ?? '',
    sizeBytes: size * bytesPerUnit,
    usedBytes: used * bytesPerUnit,
    priority,
  };
}

/**
 * A swap table led by its header line (column names of /proc/swaps or swapon), sizes in
 * `bytesPerUnit`. An empty text is no swap: [] without a diagnostic.
 */
export function parseSwapTable(text: string, ctx: ParseContext, bytesPerUnit: number): Parsed<SwapDevice[]> {
  const devices: SwapDevice[] = [];
  const diagnostics: Diagnostic[] = [];
  let columns: Columns | null = null;
  for (const [index, line] of splitLines(text).entries()) {
    if (line.trim() === '') continue;
    if (columns === null) {
      columns = locateSwapColumns(line);
      if (columns === null) diagnostics.push(lineDiagnostic(ctx, index, `expected the header (Filename|NAME Type Size Used …), got ${quoteLine(line)}`));
      continue;
    }
    const device = parseSwapRow(line, columns, bytesPerUnit);
    if (device === null) diagnostics.push(lineDiagnostic(ctx, index, `expected a row "<name> <type> <size> <used> <priority>" with integer sizes, got ${quoteLine(line)}`));
    else devices.push(device);
  }
  return { data: devices, diagnostics };
}

export function parseProcSwaps(text: string, ctx: ParseContext): Parsed<SwapDevice[]> {
  return parseSwapTable(text, ctx, BYTES_PER_KIB);
}
