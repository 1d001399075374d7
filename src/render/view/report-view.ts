import type { ReportJson } from '../../model/report.js';
import { sharedWindow } from '../charts/render-chart.js';
import { chartView } from './chart-view.js';
import { formatValue } from '../units.js';
import { zoneOf } from '../../time/zoned-time.js';
import { artifactRows, dataQualityView } from './data-quality-view.js';
import { findingGroups, SEVERITY_LABELS } from './findings-view.js';
import { timelineRows } from './timeline-view.js';
import { bothTimes } from './times.js';

/** Everything templates/report.hbs reads; built only from the ReportJson. */
export function reportView(report: ReportJson) {
  const zone = zoneOf(report.bundle.timezone);
  const window = sharedWindow(report);
  const b = report.bundle;
  const timeline = timelineRows(report.events, zone);
  return {
    title: `Memory postmortem: ${b.host ?? 'unknown host'}`,
    header: {
      host: b.host ?? 'unknown host',
      system: [b.kernel, b.arch].filter(Boolean).join(' '),
      kind: b.kind,
      start: bothTimes(b.start, zone),
      end: bothTimes(b.end, zone),
      zone: zone.label,
      showUtc: zone.label !== 'UTC',
      interval: b.intervalS !== null ? `${b.intervalS} s` : null,
      synthetic: b.synthetic === true,
      generator: `${report.generator.name} ${report.generator.version}`,
    },
    verdict: { ...report.verdict, label: SEVERITY_LABELS[report.verdict.severity] },
    keyNumbers: report.keyNumbers,
    timeline: { ...timeline, zone: zone.label, showUtc: zone.label !== 'UTC' },
    charts: report.charts.map((chart) => chartView(chart, window, zone)),
    findingGroups: findingGroups(report.findings, zone),
    audits: report.audits,
    dataQuality: dataQualityView(b.artifacts, report.diagnostics),
    artifacts: {
      rows: artifactRows(b.artifacts),
      total: formatValue(
        b.artifacts.reduce((sum, a) => sum + a.bytes, 0),
        'bytes',
      ),
    },
  };
}
