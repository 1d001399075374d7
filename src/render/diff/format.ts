/** How the diff shows its numbers: metric values in their units, ratios the pmdiff way, buddy orders. */
import type { DiffMetric, MetricUnit, MetricValue } from '../../diff/types.js';
import { formatValue } from '../units.js';

const THREE = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const TENTHS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A value, or "—" when the side has no data; "never" stays a word. */
export function formatMetricValue(value: MetricValue, unit: MetricUnit): string {
  if (value === null) return '—';
  if (value === 'never') return 'never';
  switch (unit) {
    case 'per-hour':
      return `${THREE.format(value)}/h`;
    case 'hours':
      return `${THREE.format(value)} h`;
    case 'MB/h':
      return formatSlope(value);
    default:
      return formatValue(value, unit);
  }
}

/** `×0.012`, or pmdiff's zero marks spelled out: |+| (was zero), |-| (is zero). */
export function formatRatio(m: Pick<DiffMetric, 'ratio' | 'zeroSide' | 'before' | 'after'>): string {
  if (m.ratio !== null) return m.ratio < 0 ? `×${THREE.format(m.ratio)} (sign reversed)` : `×${THREE.format(m.ratio)}`;
  if (m.zeroSide === 'before') return '|+| was zero';
  if (m.zeroSide === 'after') return '|-| now zero';
  if (m.zeroSide === 'both') return 'zero on both';
  if (m.before === 'never' || m.after === 'never') return m.before === m.after ? '' : m.after === 'never' ? 'no longer runs out' : 'now runs out';
  return '';
}

export function formatBytesOrDash(value: number | null): string {
  return value === null ? '—' : formatValue(value, 'bytes');
}

/** Growth in MiB/h to a tenth: a ten-thousandth of a MiB per hour is noise, not a trend, so it reads 0. */
export function formatSlope(value: number | null): string {
  if (value === null) return '—';
  return `${TENTHS.format(Math.abs(value) < 0.05 ? 0 : value)} MB/h`;
}

/** -1 (no free block at all) reads "none". */
export function formatOrder(order: number | null): string {
  if (order === null) return '—';
  return order < 0 ? 'none' : `order ${order}`;
}
