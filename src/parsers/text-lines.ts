/**
 * Line and field helpers shared by the text parsers of /proc files and command output.
 * Nothing here throws or emits diagnostics: each returns `null` for input it does not
 * recognise, and the calling parser decides what that means for its format.
 */

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

export interface KeyQuantity {
  key: string;
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
  if (pair === null) return null;
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
