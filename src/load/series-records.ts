/**
 * Splits a `series/<source>` file into its records while streaming it line by line, so a
 * week-long series never sits in memory as one string. Layout v1 (docs/bundle-format.md):
 *
 *   === 1795704730.373
 *   MemTotal:       24684084 kB
 *   ...
 *   === 1795704730.874
 *   ...
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { isPlausibleEpoch } from '../time/epoch.js';

export interface SeriesRecord {
  /** Epoch seconds from the separator line. */
  time: number;
  /** 1-based line in the file of the record's first content line. */
  firstLine: number;
  text: string;
}

const SEPARATOR_PREFIX = '===';
const SEPARATOR = /^=== (\d+(?:\.\d+)?)\s*$/;

/** Calls `onRecord` for each well-formed record; returns the number of lines read. */
export async function forEachSeriesRecord(
  lines: AsyncIterable<string>,
  source: string,
  report: (d: Diagnostic) => void,
  onRecord: (record: SeriesRecord) => void,
): Promise<number> {
  let lineNo = 0;
  let current: { time: number; firstLine: number; lines: string[] } | null = null;
  let skippingBadRecord = false;
  let strayLines = 0;
  let firstStray = 0;
  const flush = () => {
    if (current) onRecord({ time: current.time, firstLine: current.firstLine, text: current.lines.join('\n') });
    current = null;
  };
  for await (const line of lines) {
    lineNo += 1;
    if (line.startsWith(SEPARATOR_PREFIX)) {
      flush();
      const m = SEPARATOR.exec(line);
      const time = m ? Number(m[1]) : NaN;
      skippingBadRecord = !isPlausibleEpoch(time);
      if (!skippingBadRecord) {
        current = { time, firstLine: lineNo + 1, lines: [] };
      } else {
        report({ source, line: lineNo, severity: 'warning', message: `bad record separator "${line.slice(0, 40)}"; record skipped` });
      }
    } else if (current) {
      current.lines.push(line);
    } else if (!skippingBadRecord && line.trim() !== '') {
      // Content before the first separator belongs to no sample time.
      if (strayLines === 0) firstStray = lineNo;
      strayLines += 1;
    }
  }
  flush();
  if (strayLines > 0) {
    report({ source, line: firstStray, severity: 'warning', message: `${strayLines} line(s) outside any "=== <time>" record; ignored` });
  }
  return lineNo;
}
