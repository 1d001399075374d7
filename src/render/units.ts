import type { ChartData, DetailsTable } from '../model/report.js';
import { formatBytes } from '../format/bytes.js';

export type ValueUnit = ChartData['unit'] | NonNullable<DetailsTable['headings'][number]['unit']>;

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const RATE = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/**
 * One number as a reader wants it: bytes in binary units (like `free -h`), percent as 0–100
 * (PSI's own scale), rates with three significant digits.
 */
export function formatValue(value: number, unit: ValueUnit | undefined): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(value);
    case 'percent':
      return `${RATE.format(value)}%`;
    case 'per-second':
      return `${RATE.format(value)}/s`;
    case 'MB/h':
      return `${RATE.format(value)} MB/h`;
    case 'count':
      return COUNT.format(value);
    default:
      return RATE.format(value);
  }
}
