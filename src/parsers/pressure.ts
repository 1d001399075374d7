/**
 * /proc/pressure/memory (PSI) → `Pressure`: share of time some / all tasks stalled on memory,
 * as 10 s, 60 s and 300 s averages (percent) plus the total stall time in microseconds.
 * Sample (01_baseline/proc_pressure_memory.txt):
 *
 *     some avg10=0.00 avg60=0.00 avg300=0.00 total=4109
 *     full avg10=0.00 avg60=0.00 avg300=0.00 total=3687
 */
import { fileDiagnostic, lineDiagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { Pressure, PressureLine } from '../model/sources.js';
import { parseDecimal, parseDecimalFraction, parseLineRecords, splitFields, splitKeyValue } from './text-lines.js';

type PressureKind = keyof Pressure;

function parsePressureLine(line: string): { kind: PressureKind; values: PressureLine } | null {
  const [kind, ...pairs] = splitFields(line);
  if ((kind !== 'some' && kind !== 'full') || pairs.length !== 4) return null;
  const fields = new Map(pairs.map((pair) => {
    const split = splitKeyValue(pair, '=');
    return [split?.key, split?.value ?? ''];
  }));
  const avg10 = parseDecimalFraction(fields.get('avg10') ?? '');
  const avg60 = parseDecimalFraction(fields.get('avg60') ?? '');
  const avg300 = parseDecimalFraction(fields.get('avg300') ?? '');
  const totalUs = parseDecimal(fields.get('total') ?? '');
  if (avg10 === null || avg60 === null || avg300 === null || totalUs === null) return null;
  return { kind, values: { avg10, avg60, avg300, totalUs } };
}

export function parsePressure(text: string, ctx: ParseContext): Parsed<Pressure> {
  const { records, diagnostics } = parseLineRecords(
    text, ctx, parsePressureLine, '"some|full avg10=<%> avg60=<%> avg300=<%> total=<us>"',
  );
  const data: Pressure = { some: null, full: null };
  for (const { index, record } of records) {
    if (data[record.kind] !== null) diagnostics.push(lineDiagnostic(ctx, index, `${record.kind} repeated; the later line wins`));
    data[record.kind] = record.values;
  }
  if (data.some === null) diagnostics.push(fileDiagnostic(ctx, 'no "some" line: memory pressure unknown'));
  return { data, diagnostics };
}
