/**
 * The diff's tables as plain text cells, shared by the HTML (through the report's details-table
 * partial) and the Markdown (pipe tables), so both show the same numbers the same way.
 */
import type { DiffJson, FindingChange, PresenceStatus } from '../../diff/types.js';
import { formatValue } from '../units.js';
import { formatBytesOrDash, formatMetricValue, formatOrder, formatRatio, formatSlope } from './format.js';

export interface TextTable {
  title: string;
  headings: { label: string; numeric: boolean }[];
  rows: string[][];
  /** Rows left out of a page-sized table (the JSON has them all). */
  omitted: number;
}

const col = (label: string, numeric = false) => ({ label, numeric });

export const CHANGE_LABELS: Record<FindingChange, string> = {
  resolved: 'resolved',
  new: 'new',
  persisting: 'still failing',
  unverified: 'not re-checked',
  clear: 'passes on both',
};

const PRESENCE_LABELS: Record<PresenceStatus, string> = { both: '', new: 'new', gone: 'gone' };

function rowStatus(r: { status: PresenceStatus; flagged: boolean }): string {
  return [PRESENCE_LABELS[r.status], r.flagged ? 'flagged' : ''].filter(Boolean).join(', ');
}

/** Every row, or only the flagged ones (a ticket wants what changed). */
function pick<T extends { flagged: boolean }>(rows: T[], onlyFlagged: boolean): T[] {
  return onlyFlagged ? rows.filter((r) => r.flagged) : rows;
}

function limited(title: string, headings: TextTable['headings'], rows: string[][], max: number): TextTable {
  return { title, headings, rows: rows.slice(0, max), omitted: Math.max(0, rows.length - max) };
}

export function checksTable(diff: DiffJson): TextTable {
  const side = (status: string | null, severity: string | null) => severity ?? status ?? '—';
  return limited(
    'Every check on both sides',
    [col('Check'), col('Before'), col('After'), col('Change')],
    diff.findings.checks.map((c) => [`${c.title} (${c.id})`, side(c.beforeStatus, c.beforeSeverity), side(c.afterStatus, c.afterSeverity), CHANGE_LABELS[c.change]]),
    Infinity,
  );
}

export function metricsTable(diff: DiffJson, onlyFlagged: boolean): TextTable {
  const metrics = pick(diff.metrics, onlyFlagged);
  return limited(
    onlyFlagged ? 'Metrics that changed by 2× or more' : 'Rates, pressure, peaks, slopes and time to exhaustion',
    [col('Metric'), col('Before', true), col('After', true), col('After ÷ before', true), col('≥ 2×')],
    metrics.map((m) => [m.name, formatMetricValue(m.before, m.unit), formatMetricValue(m.after, m.unit), formatRatio(m), m.flagged ? 'flagged' : '']),
    Infinity,
  );
}

export function accountingTable(diff: DiffJson): TextTable {
  const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatValue(v, 'bytes')}`);
  return limited(
    'Memory accounting, mean over each capture',
    [col('Category'), col('Before', true), col('After', true), col('Change', true)],
    diff.accounting.map((r) => [r.label, formatBytesOrDash(r.beforeBytes), formatBytesOrDash(r.afterBytes), signed(r.changeBytes)]),
    Infinity,
  );
}

const signedBytes = (v: number) => `${v > 0 ? '+' : ''}${formatValue(v, 'bytes')}`;

export function slabTable(diff: DiffJson, max: number, onlyFlagged: boolean): TextTable {
  return limited(
    onlyFlagged ? 'Slab caches whose size or growth changed by 2× or more' : 'Slab caches, largest change first',
    [col('Cache'), col('Before peak', true), col('After peak', true), col('Change', true), col('Growth before', true), col('Growth after', true), col('Status')],
    pick(diff.slabs, onlyFlagged).map((r) => [
      r.name, formatBytesOrDash(r.beforePeakBytes), formatBytesOrDash(r.afterPeakBytes), signedBytes(r.changeBytes),
      formatSlope(r.beforeSlopeMBPerHour), formatSlope(r.afterSlopeMBPerHour), rowStatus(r),
    ]),
    max,
  );
}

export function processTable(diff: DiffJson, max: number, onlyFlagged: boolean): TextTable {
  return limited(
    onlyFlagged ? 'Commands whose size or growth changed by 2× or more' : 'Processes matched by command, largest change first',
    [
      col('Command'), col('RSS before', true), col('RSS after', true), col('Peak RSS + swap before', true), col('Peak RSS + swap after', true),
      col('Growth before', true), col('Growth after', true), col('Restarts before → after', true), col('Status'),
    ],
    pick(diff.processes, onlyFlagged).map((r) => [
      r.comm, formatBytesOrDash(r.beforeRssBytes), formatBytesOrDash(r.afterRssBytes), formatBytesOrDash(r.beforePeakBytes), formatBytesOrDash(r.afterPeakBytes),
      formatSlope(r.beforeSlopeMBPerHour), formatSlope(r.afterSlopeMBPerHour), `${r.beforeRestarts} → ${r.afterRestarts}`, rowStatus(r),
    ]),
    max,
  );
}

export function configTable(diff: DiffJson): TextTable {
  return limited(
    'Settings that differ',
    [col('Area'), col('Setting'), col('Before'), col('After')],
    diff.config.map((c) => [c.area, c.key, c.before ?? '(absent)', c.after ?? '(absent)']),
    Infinity,
  );
}

export function fragmentationTable(diff: DiffJson): TextTable {
  return limited(
    'Largest free block per zone (last buddyinfo sample)',
    [col('Zone'), col('Before'), col('After')],
    diff.fragmentation.map((r) => [r.zone, formatOrder(r.beforeHighestOrder), formatOrder(r.afterHighestOrder)]),
    Infinity,
  );
}
