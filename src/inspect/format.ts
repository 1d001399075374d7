/** Small text helpers for the terminal summary: units, times, colour and aligned columns. */
import { formatDuration } from 'date-fns/formatDuration';
import { intervalToDuration } from 'date-fns/intervalToDuration';
import { formatBytes as formatSize } from '../format/bytes.js';
import { sanitizeTerminal } from './sanitize-terminal.js';

/** Sizes as everywhere in memtrail; `-` for an unknown value. */
export function formatBytes(bytes: number | null | undefined): string {
  return bytes == null || !Number.isFinite(bytes) ? '-' : formatSize(bytes);
}

/** ISO 8601 UTC with milliseconds; `-` for an unknown time. */
export function formatTime(epochS: number | null | undefined): string {
  return epochS == null ? '-' : new Date(epochS * 1000).toISOString();
}

export function formatSpan(startS: number, endS: number): string {
  const text = formatDuration(intervalToDuration({ start: startS * 1000, end: endS * 1000 }));
  return text === '' ? `${(endS - startS).toFixed(1)} seconds` : text;
}

export type Tone = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan';
const SGR: Record<Tone, number> = { bold: 1, dim: 2, red: 31, yellow: 33, green: 32, cyan: 36 };

export interface Painter {
  (tone: Tone, text: string): string;
}

export function painter(color: boolean): Painter {
  return (tone, text) => (color ? `\x1b[${SGR[tone]}m${text}\x1b[0m` : text);
}

/** Bundle text made safe for a terminal and cut to `max` characters. */
export function safe(text: string | null | undefined, max = 80): string {
  if (text == null) return '-';
  const clean = sanitizeTerminal(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Left-aligned columns (right-aligned where `right[i]`), two spaces apart, indented. */
export function columns(rows: string[][], right: boolean[] = [], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    (indent + row.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).trimEnd(),
  );
}
