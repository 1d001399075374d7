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
  const lines: string[] = [];
  forEachLine(text, (line) => void lines.push(line));
  return lines;
}

/**
 * `visit(line, index)` for each line `splitLines` would give, without building the array: the
 * series parsers call this for every one of millions of lines.
 */
export function forEachLine(text: string, visit: (line: string, index: number) => void): void {
  forEachLineSpan(text, (start, end, index) => visit(text.slice(start, end), index));
}

/**
 * forEachLine by offsets, over `text[from, to)`: `text.slice(start, end)` is the line (a `\r`
 * before its `\n` left out), and no string is cut unless the visitor cuts one.
 */
export function forEachLineSpan(text: string, visit: (start: number, end: number, index: number) => void, from = 0, to = text.length): void {
  let index = 0;
  for (let start = from; start < to; index += 1) {
    const newline = text.indexOf('\n', start);
    if (newline < 0 || newline >= to) {
      visit(start, to, index);
      return;
    }
    visit(start, newline > start && text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline, index);
    start = newline + 1;
  }
}

const CARRIAGE_RETURN = 0x0d;

/** What `\s` (and `trim()`) count as whitespace: ASCII blanks plus the Unicode spaces. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Offset of the first non-space at or after `at` (at most `end`). */
export function skipSpaces(text: string, at: number, end = text.length): number {
  while (at < end && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** Offset of the first space at or after `at` (at most `end`). */
export function skipField(text: string, at: number, end = text.length): number {
  while (at < end && !isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** True for an empty or all-whitespace line (`line.trim() === ''`, without the copy). */
export function isBlank(line: string): boolean {
  return skipSpaces(line, 0) === line.length;
}

/** Whitespace-separated fields of one line; a blank line has none. */
export function splitFields(line: string): string[] {
  const fields: string[] = [];
  for (let at = skipSpaces(line, 0); at < line.length; ) {
    const end = skipField(line, at);
    fields.push(line.slice(at, end));
    at = skipSpaces(line, end);
  }
  return fields;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** True when `text[start, end)` is an optional sign and one or more ASCII digits. */
export function isDecimal(text: string, start: number, end: number): boolean {
  const sign = text.charCodeAt(start);
  if (sign === 0x2d || sign === 0x2b) start += 1;
  if (start >= end) return false;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < DIGIT_0 || code > DIGIT_9) return false;
  }
  return true;
}

/**
 * The value of `text[start, end)`, already checked by isDecimal, without cutting a string: digit by
 * digit while that is exact (15 digits), else as `Number()` rounds a longer one.
 */
export function decimalAt(text: string, start: number, end: number): number {
  const sign = text.charCodeAt(start);
  const negative = sign === 0x2d;
  const from = negative || sign === 0x2b ? start + 1 : start;
  if (end - from > 15) return Number(text.slice(start, end));
  let value = 0;
  for (let at = from; at < end; at++) value = value * 10 + (text.charCodeAt(at) - DIGIT_0);
  return negative ? -value : value;
}

/**
 * A decimal integer as the kernel prints it (optional sign, digits only), else null.
 * `Number()` alone would also accept '', '0x1f' and '1e3'. Values past 2^53 become the nearest double.
 */
export function parseDecimal(text: string): number | null {
  return isDecimal(text, 0, text.length) ? Number(text) : null;
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

/** Names as the kernel prints them: `MemTotal`, `Active(anon)`, `nr_free_pages`, `vm.swappiness` (`^[A-Za-z_][\w().-]*$`). */
function isKey(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let at = start; at < end; at++) {
    const raw = text.charCodeAt(at);
    const lower = raw | 0x20; // ASCII letters folded to lower case
    if ((lower >= 0x61 && lower <= 0x7a) || raw === 0x5f) continue;
    if (at === start) return false;
    if ((raw >= DIGIT_0 && raw <= DIGIT_9) || raw === 0x28 || raw === 0x29 || raw === 0x2e || raw === 0x2d) continue;
    return false;
  }
  return true;
}

export interface KeyQuantity {
  key: string;
  /** Bytes when the line had a `kB` unit, else the number as printed. */
  value: number;
  unit: 'bytes' | 'count';
}

/** Where the parts of a keyed line lie in its text, as a line reader found them. */
export interface KeyedLine {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** 1024 for a `kB` value, else 1. */
  scale: number;
}

/**
 * Reads `text[start, end)` into `out`; false when the line is not of the reader's shape. The key's
 * characters are not checked here: the caller checks them with isKey unless it knows the key.
 */
export type KeyedLineReader = (text: string, start: number, end: number, out: KeyedLine) => boolean;

/** `name <integer>` (/proc/vmstat, memory.stat). */
export const nameNumberLine: KeyedLineReader = (text, start, end, out) => {
  out.keyStart = skipSpaces(text, start, end);
  out.keyEnd = skipField(text, out.keyStart, end);
  out.valueStart = skipSpaces(text, out.keyEnd, end);
  out.valueEnd = skipField(text, out.valueStart, end);
  out.scale = 1;
  return skipSpaces(text, out.valueEnd, end) === end && out.keyEnd > out.keyStart && isDecimal(text, out.valueStart, out.valueEnd);
};

/** `Key:  <integer> [kB]` (/proc/meminfo, /proc/PID/status, smaps_rollup); `kB` values scale to bytes. */
export const keyValueKbLine: KeyedLineReader = (text, start, end, out) => {
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon >= end) return false;
  out.keyStart = skipSpaces(text, start, colon);
  out.keyEnd = colon;
  while (out.keyEnd > out.keyStart && isSpace(text.charCodeAt(out.keyEnd - 1))) out.keyEnd -= 1;
  if (out.keyEnd === out.keyStart) return false;
  out.valueStart = skipSpaces(text, colon + 1, end);
  out.valueEnd = skipField(text, out.valueStart, end);
  const unitStart = skipSpaces(text, out.valueEnd, end);
  const unitEnd = skipField(text, unitStart, end);
  if (skipSpaces(text, unitEnd, end) !== end || !isDecimal(text, out.valueStart, out.valueEnd)) return false;
  if (unitStart === unitEnd) out.scale = 1;
  else if (unitEnd - unitStart === 2 && text.startsWith('kB', unitStart)) out.scale = BYTES_PER_KIB;
  else return false;
  return true;
};

export const newKeyedLine = (): KeyedLine => ({ keyStart: 0, keyEnd: 0, valueStart: 0, valueEnd: 0, scale: 1 });

/**
 * A `Key:  <integer> [kB]` line (/proc/meminfo, /proc/PID/status, smaps_rollup).
 * `MemTotal:       24684084 kB` → {MemTotal, 25276502016, bytes}; `HugePages_Total:  0` → {…, 0, count}.
 * Null when the line is not of that shape. One scan, no field array.
 */
export function parseKeyValueKb(line: string): KeyQuantity | null {
  const out = newKeyedLine();
  if (!keyValueKbLine(line, 0, line.length, out) || !isKey(line, out.keyStart, out.keyEnd)) return null;
  const key = line.slice(out.keyStart, out.keyEnd);
  const value = Number(line.slice(out.valueStart, out.valueEnd)) * out.scale;
  return { key, value, unit: out.scale === 1 ? 'count' : 'bytes' };
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
  forEachParsedLine(text, ctx, parseLine, expectedShape, diagnostics, (record, index) => void records.push({ index, record }));
  return { records, diagnostics };
}

/** The loop of `parseLineRecords`, handing each record on instead of collecting it. */
function forEachParsedLine<T>(
  text: string,
  ctx: ParseContext,
  parseLine: (line: string) => T | null,
  expectedShape: string,
  diagnostics: Diagnostic[],
  onRecord: (record: T, index: number) => void,
): void {
  forEachLine(text, (line, index) => {
    if (isBlank(line)) return;
    const record = parseLine(line);
    if (record === null) diagnostics.push(lineDiagnostic(ctx, index, `expected ${expectedShape}, got ${quoteLine(line)}`));
    else onRecord(record, index);
  });
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
  const diagnostics: Diagnostic[] = [];
  const values = new Map<string, V>();
  forEachParsedLine(text, ctx, parseLine, expectedShape, diagnostics, ({ key, value }, index) => {
    if (values.has(key)) diagnostics.push(lineDiagnostic(ctx, index, `${key} repeated; the later value wins`));
    values.set(key, value);
  });
  diagnostics.sort(byLine);
  if (values.size === 0) diagnostics.push(fileDiagnostic(ctx, `no ${expectedShape} line found`));
  return { data: Object.fromEntries(values), diagnostics };
}

/**
 * The keys of the last text read, by line index. Records of one series print the same keys in the
 * same order, so a key is recognised by comparing characters instead of cutting a new string and
 * hashing it again for every line (vmstat: 190 lines × 60k records a week).
 */
export class KeyLayout {
  private readonly keys: string[] = [];

  /** The key of line `index` of the last text, when `text[start, end)` spells it again. */
  known(text: string, index: number, start: number, end: number): string | undefined {
    const key = this.keys[index];
    if (key === undefined || key.length !== end - start) return undefined;
    // A character loop: startsWith(key, position) cost twice as much per call here.
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return undefined;
    return key;
  }

  /** Remembers a checked key; a flat copy (keys are ASCII), since a slice could keep the whole text alive. */
  remember(index: number, key: string): string {
    const flat = Buffer.from(key, 'latin1').toString('latin1');
    this.keys[index] = flat;
    return flat;
  }
}

/** The key of a line a KeyedLineReader accepted: the layout's when it spells it again, else checked with isKey; undefined when not a key. */
export function keyOf(text: string, line: KeyedLine, index: number, layout?: KeyLayout): string | undefined {
  const known = layout?.known(text, index, line.keyStart, line.keyEnd);
  if (known !== undefined) return known;
  if (!isKey(text, line.keyStart, line.keyEnd)) return undefined;
  const key = text.slice(line.keyStart, line.keyEnd);
  return layout ? layout.remember(index, key) : key;
}

/**
 * A text of one keyed line per line → key → value (× the line's scale), scanning the text in place
 * (no string per line: a week of vmstat is ~12M lines). Same diagnostics as `parseKeyedValues`.
 * With `keep`, only the keys it accepts are stored and a repeated key is only noticed among those;
 * every line is still checked, so a malformed one is reported either way. `layout` remembers the
 * keys from one record of a series to the next.
 */
export function scanKeyedLines(
  text: string,
  ctx: ParseContext,
  readLine: KeyedLineReader,
  expectedShape: string,
  keep?: (key: string) => boolean,
  layout?: KeyLayout,
): Parsed<Record<string, number>> {
  const diagnostics: Diagnostic[] = [];
  const values = new Map<string, number>();
  const line = newKeyedLine();
  let pairs = 0;
  forEachLineSpan(text, (start, end, index) => {
    if (skipSpaces(text, start, end) === end) return;
    const key = readLine(text, start, end, line) ? keyOf(text, line, index, layout) : undefined;
    if (key === undefined) {
      diagnostics.push(lineDiagnostic(ctx, index, `expected ${expectedShape}, got ${quoteLine(text.slice(start, end))}`));
      return;
    }
    pairs += 1;
    if (keep === undefined || keep(key)) {
      if (values.has(key)) diagnostics.push(lineDiagnostic(ctx, index, `${key} repeated; the later value wins`));
      values.set(key, decimalAt(text, line.valueStart, line.valueEnd) * line.scale);
    }
  });
  if (pairs === 0) diagnostics.push(fileDiagnostic(ctx, `no ${expectedShape} line found`));
  // Not filled key by key: that is twice as fast, but a 192-key object made so is a hash table of
  // ~12 KB, against ~1.6 KB for one made by fromEntries (measured; a week keeps 60k meminfo records).
  return { data: Object.fromEntries(values), diagnostics };
}

/** `name <integer>` lines (/proc/vmstat): scanKeyedLines with nameNumberLine. */
export function parseNameNumbers(text: string, ctx: ParseContext, keep?: (key: string) => boolean, layout?: KeyLayout): Parsed<Record<string, number>> {
  return scanKeyedLines(text, ctx, nameNumberLine, '"name <integer>"', keep, layout);
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
