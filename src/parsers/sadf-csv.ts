/**
 * `sadf -d FILE -- -r -S -W -B`: sysstat history as `;`-separated rows. sadf prints one section
 * per activity, each under its own `# hostname;interval;timestamp;...` header; rows of the same
 * host and timestamp are merged into one SadfRow holding every numeric column. Timestamps are
 * `YYYY-MM-DD HH:MM:SS UTC` (sadf's default); without a zone suffix (`sadf -t`) they are read as
 * UTC and a diagnostic says so. A decimal comma (sadf in a comma locale) is accepted.
 * `LINUX-RESTART` rows (interval -1) mark a reboot and carry no values.
 *
 * Real sample (06_sysstat/sadf_d_r_S_W_B.csv: the -W and -r sections, first rows):
 *
 *   # hostname;interval;timestamp;pswpin/s;pswpout/s
 *   vm;10;2026-11-26 14:56:02 UTC;0.00;0.00
 *   ...
 *   # hostname;interval;timestamp;kbmemfree;kbavail;kbmemused;%memused;kbbuffers;kbcached;kbcommit;%commit;kbactive;kbinact;kbdirty
 *   vm;10;2026-11-26 14:56:02 UTC;24241560;24353472;70224;0.28;21532;284340;58480;0.24;195232;109532;1224
 */
import Papa from 'papaparse';
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { SadfRow } from '../model/sources.js';
import { parseDecimal, parseDecimalFraction, quoteLine, splitLines } from './text-lines.js';

const KEY_COLUMNS = ['hostname', 'interval', 'timestamp'];
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?: (UTC|GMT))?$/;

/** Epoch seconds of a sadf timestamp (or of `sadf -U` epoch seconds), with whether the zone was named. */
function epochOf(text: string): { time: number; zoned: boolean } | null {
  const epoch = parseDecimal(text);
  if (epoch !== null) return { time: epoch, zoned: true };
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}Z`);
  return Number.isNaN(ms) ? null : { time: ms / 1000, zoned: m[3] !== undefined };
}

function fieldsOf(line: string): string[] {
  return Papa.parse<string[]>(line, { delimiter: ';', header: false }).data[0] ?? [];
}

export function parseSadfCsv(text: string, ctx: ParseContext): Parsed<SadfRow[]> {
  const diagnostics: Diagnostic[] = [];
  const merged = new Map<string, SadfRow>();
  let columns: string[] | null = null;
  const reportedColumns = new Set<string>();
  let reportedUnzoned = false;

  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = fieldsOf(line);
    if (line.startsWith('#')) {
      columns = [(fields[0] ?? '').replace(/^#\s*/, ''), ...fields.slice(1)];
      if (KEY_COLUMNS.some((name, at) => columns?.[at] !== name)) {
        diagnostics.push(lineDiagnostic(ctx, i, `section header does not start with "${KEY_COLUMNS.join(';')}": ${quoteLine(line)}`));
        columns = null;
      }
      return;
    }
    const [host = '', intervalText = '', stamp = ''] = fields;
    const intervalS = parseDecimal(intervalText);
    if (intervalS === -1 || fields[3]?.startsWith('LINUX-RESTART')) {
      diagnostics.push(lineDiagnostic(ctx, i, `reboot marker: ${quoteLine(line)}`, 'info'));
      return;
    }
    const when = epochOf(stamp);
    if (columns === null || fields.length !== columns.length || intervalS === null || when === null) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a row of the current sadf section: ${quoteLine(line)}`));
      return;
    }
    if (!when.zoned && !reportedUnzoned) {
      reportedUnzoned = true;
      diagnostics.push(lineDiagnostic(ctx, i, `timestamps name no zone (sadf -t?); read as UTC: ${quoteLine(stamp)}`));
    }
    const key = `${host}\n${when.time}`;
    const row = merged.get(key) ?? { time: when.time, host, intervalS, values: {} };
    merged.set(key, row);
    columns.forEach((name, at) => {
      if (at < KEY_COLUMNS.length) return;
      const value = parseDecimalFraction((fields[at] ?? '').replace(',', '.'));
      if (value !== null) row.values[name] = value;
      else if (!reportedColumns.has(name)) {
        reportedColumns.add(name);
        diagnostics.push(lineDiagnostic(ctx, i, `column ${quoteLine(name)} is not numeric (${quoteLine(fields[at] ?? '')}); skipped`));
      }
    });
  });
  const data = [...merged.values()].sort((a, b) => a.time - b.time || a.host.localeCompare(b.host));
  return { data, diagnostics };
}
