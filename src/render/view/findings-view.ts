import type { DetailsTable, Finding, FindingSeverity } from '../../model/report.js';
import { formatValue } from '../units.js';
import type { Zone } from '../../time/zoned-time.js';
import { bothTimes, type BothTimes } from './times.js';

export const SEVERITY_LABELS: Record<FindingSeverity | 'ok', string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
  ok: 'OK',
};
const SEVERITIES: FindingSeverity[] = ['critical', 'warning', 'info'];

export interface DetailsView {
  title: string;
  headings: { label: string; numeric: boolean }[];
  rows: { cells: { text: string; numeric: boolean }[] }[];
}

export interface FindingView {
  id: string;
  severity: FindingSeverity;
  title: string;
  summary: string;
  evidence: { where: string; time: BothTimes | null; text: string }[];
  details: DetailsView[];
  remediation: Finding['remediation'];
}

function cell(value: string | number | null | undefined, unit: DetailsTable['headings'][number]['unit'], zone: Zone): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'time') return typeof value === 'string' ? (bothTimes(value, zone)?.local ?? value) : String(value);
  if (typeof value === 'string') return value;
  return unit === undefined || unit === 'text' ? String(value) : formatValue(value, unit);
}

function detailsView(table: DetailsTable, zone: Zone): DetailsView {
  const headings = table.headings.map((h) => ({ label: h.label, numeric: h.unit !== undefined && h.unit !== 'text' && h.unit !== 'time' }));
  return {
    title: table.title,
    headings,
    rows: table.rows.map((row) => ({
      cells: table.headings.map((h, i) => ({ text: cell(row[h.key], h.unit, zone), numeric: headings[i]!.numeric })),
    })),
  };
}

export function findingView(finding: Finding, zone: Zone): FindingView {
  return {
    id: finding.id,
    severity: finding.severity,
    title: finding.title,
    summary: finding.summary,
    evidence: finding.evidence.map((e) => ({
      where: e.line !== undefined ? `${e.source}:${e.line}` : e.source,
      time: bothTimes(e.time, zone),
      text: e.text,
    })),
    details: (finding.details ?? []).map((d) => detailsView(d, zone)),
    remediation: finding.remediation,
  };
}

/** Findings in reading order: critical, then warning, then info; empty groups are left out. */
export function findingGroups(findings: Finding[], zone: Zone): { severity: FindingSeverity; label: string; findings: FindingView[] }[] {
  return SEVERITIES.map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    findings: findings.filter((f) => f.severity === severity).map((f) => findingView(f, zone)),
  })).filter((g) => g.findings.length > 0);
}
