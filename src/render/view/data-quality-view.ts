import type { Diagnostic } from '../../model/diagnostic.js';
import type { ReportBundle } from '../../model/report.js';
import { formatValue } from '../units.js';

export interface ArtifactRow {
  path: string;
  size: string;
  status: ReportBundle['artifacts'][number]['status'];
  note: string;
}

export interface DataQualityView {
  problems: ArtifactRow[];
  diagnosticGroups: { source: string; items: { line: string; severity: Diagnostic['severity']; message: string }[] }[];
  diagnosticCount: number;
}

export function artifactRows(artifacts: ReportBundle['artifacts']): ArtifactRow[] {
  return artifacts.map((a) => ({ path: a.path, size: formatValue(a.bytes, 'bytes'), status: a.status, note: a.note ?? '' }));
}

/** Artifacts that are not `ok`, and parse diagnostics grouped by the file they are about. */
export function dataQualityView(artifacts: ReportBundle['artifacts'], diagnostics: Diagnostic[]): DataQualityView {
  const bySource = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) bySource.set(d.source, [...(bySource.get(d.source) ?? []), d]);
  return {
    problems: artifactRows(artifacts.filter((a) => a.status !== 'ok')),
    diagnosticGroups: [...bySource.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([source, items]) => ({
        source,
        items: items
          .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
          .map((d) => ({ line: d.line !== undefined ? String(d.line) : '—', severity: d.severity, message: d.message })),
      })),
    diagnosticCount: diagnostics.length,
  };
}
