/**
 * Line and field helpers shared by the text parsers of /proc files and command output.
 * Nothing here throws. The line-level helpers return `null` for input they do not recognise and
 * let the calling parser decide what that means; `parseLineRecords` and `parseKeyedValues` read a
 * whole text and report its bad lines as diagnostics.
 */
import { fileDiagnostic, lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';

export const BYTES_PER_KIB = 1024;

/** Lines of `text` without their terminators (`\n` or `\r\n`). A final newline adds no empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whitespace-separated fields of one line; a blank line has none. */
export function splitFields(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/**
 * A decimal integer as the kernel prints it (optional sign, digits only), else null.
 * `Number()` alone would also accept '', '0x1f' and '1e3'. Values past 2^53 become the nearest double.
 */
export function parseDecimal(text: string): number | null {
  return /^[-+]?\d+$/.test(text) ? Number(text) : null;
}

/** A decimal with an optional fraction (`0.00`, `12.5`), as PSI averages are printed, else null. */
export function parseDecimalFraction(text: string): number | null {
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

export interface KeyValue {
  key: string;
  value: string;
}

/** `Key<sep> value` split at the first separator, both sides trimmed; null without a separator or key. */
export function splitKeyValue(line: string, separator = ':'): KeyValue | null {
  const at = line.indexOf(separator);
  if (at < 0) return null;
  const key = line.slice(0, at).trim();
  if (key === '') return null;
  return { key, value: line.slice(at + separator.length).trim() };
}

/** Names as the kernel prints them: `MemTotal`, `Active(anon)`, `nr_free_pages`, `vm.swappiness`. */
const KEY_PATTERN = /^[A-Za-z_][\w().-]*$/;

export interface KeyNumber {
  key: string;
  value: number;
}

/** A `name <integer>` line (/proc/vmstat, memory.stat), else null. */
export function parseNameNumber(line: string): KeyNumber | null {
  const fields = splitFields(line);
  if (fields.length !== 2 || !KEY_PATTERN.test(fields[0] ?? '')) return null;
  const value = parseDecimal(fields[1] ?? '');
  return value === null ? null : { key: fields[0] ?? '', value };
}

export interface KeyQuantity extends KeyNumber {
  /** Bytes when the line had a `kB` unit, else the number as printed. */
  value: number;
  unit: 'bytes' | 'count';
}

/**
 * A `Key:  <integer> [kB]` line (/proc/meminfo, /proc/PID/status, smaps_rollup).
 * `MemTotal:  24684084 kB` → {MemTotal, 25276502016, bytes}; `HugePages_Total:  0` → {…, 0, count}.
 * Null when the line is not of that shape.
 */
export function parseKeyValueKb(line: string): KeyQuantity | null {
  const pair = splitKeyValue(line);
  if (pair === null || !KEY_PATTERN.test(pair.key)) return null;
  const fields = splitFields(pair.value);
  const number = fields.length === 1 || (fields.length === 2 && fields[1] === 'kB') ? parseDecimal(fields[0] ?? '') : null;
  if (number === null) return null;
  return fields.length === 2
    ? { key: pair.key, value: number * BYTES_PER_KIB, unit: 'bytes' }
    : { key: pair.key, value: number, unit: 'count' };
}

/** A line quoted for a diagnostic: JSON-escaped (binary stays readable) and cut to `maxChars`. */
export function quoteLine(line: string, maxChars = 80): string {
  const cut = line.length > maxChars ? `${line.slice(0, maxChars)}…` : line;
  return JSON.stringify(cut);
}

export interface LineRecord<T> {
  /** 0-based index of the line in the text, for `lineDiagnostic`. */
  index: number;
  record: T;
}

/**
 * Every non-blank line of `text` through `parseLine`; a line it rejects → a warning that names
 * `expectedShape` and quotes the line. The caller decides what an empty result means.
 */
export function parseLineRecords<T>(
  text: string,
  ctx: ParseContext,
  parseLine: (line: string) => T | null,
  expectedShape: string,
): { records: LineRecord<T>[]; diagnostics: Diagnostic[] } {
  const records: LineRecord<T>[] = [];
  const diagnostics: Diagnostic[] = [];
  splitLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseLine(line);
    if (record === null) diagnostics.push(lineDiagnostic(ctx, index, `expected ${expectedShape}, got ${quoteLine(line)}`));
    else records.push({ index, record });
  });
  return { records, diagnostics };
}

/** Orders diagnostics by line, the ones about the whole text (no line) last; for `Array.sort`, which is stable. */
export function byLine(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY);
}

/**
 * A text of one `key → value` per line (/proc/meminfo, /proc/vmstat, memory.stat, `sysctl -a`),
 * read with `parseLineRecords`. A repeated key → a warning and the later value wins (two concatenated
 * snapshots look like this); no pair at all → one file warning. Keys pass through a Map, so
 * `__proto__` is a plain key.
 */
export function parseKeyedValues<V>(
  text: string,
  ctx: ParseContext,
  parseLine: (line: string) => { key: string; value: V } | null,
  expectedShape: string,
): Parsed<Record<string, V>> {
  const { records, diagnostics } = parseLineRecords(text, ctx, parseLine, expectedShape);
  const values = new Map<string, V>();
  for (const { index, record } of records) {
    if (values.has(record.key)) {
      diagnostics.push(lineDiagnostic(ctx, index, `${record.key} repeated; the later value wins`));
    }
    values.set(record.key, record.value);
  }
  diagnostics.sort(byLine);
  if (values.size === 0) diagnostics.push(fileDiagnostic(ctx, `no ${expectedShape} line found`));
  return { data: Object.fromEntries(values), diagnostics };
}

/** Undo the kernel's octal escapes of whitespace and backslash in paths (`swap\\040file` → `swap file`). */
export function decodeOctalEscapes(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_escape, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/**
 * Position of each wanted column in a header's fields, trying each name's aliases in order
 * (`{ size: ['Size', 'SIZE'] }`); null when one is missing.
 */
export function locateColumns<K extends string>(
  headerFields: readonly string[],
  wanted: Record<K, readonly string[]>,
): Record<K, number> | null {
  const positions = {} as Record<K, number>;
  for (const name of Object.keys(wanted) as K[]) {
    const position = headerFields.findIndex((field) => wanted[name].includes(field));
    if (position < 0) return null;
    positions[name] = position;
  }
  return positions;
}
