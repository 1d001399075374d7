/** Everything templates/diff.hbs reads; built only from the memtrail-diff/1 JSON. */
import type { DiffJson, DiffSide, Side } from '../../diff/types.js';
import { zoneOf } from '../../time/zoned-time.js';
import type { DetailsView } from '../view/findings-view.js';
import { chartView, timeWindow } from '../view/chart-view.js';
import { bothTimes } from '../view/times.js';
import { accountingTable, CHANGE_LABELS, checksTable, configTable, fragmentationTable, metricsTable, processTable, slabTable, type TextTable } from './tables.js';
import { diffKeyNumbers, diffVerdict } from './verdict.js';

/** Page-sized tables; the JSON keeps every cache and command. */
const HTML_ROWS_MAX = 40;

/** The report's details-table partial, with a note when rows were left out. */
function detailsView(table: TextTable): DetailsView & { omitted: number } {
  return {
    title: table.title,
    headings: table.headings,
    rows: table.rows.map((cells) => ({ cells: cells.map((text, i) => ({ text, numeric: table.headings[i]!.numeric })) })),
    omitted: table.omitted,
  };
}

function sideView(side: DiffSide, label: string) {
  const zone = zoneOf(side.timezone);
  return {
    label,
    input: side.input,
    host: side.host ?? 'unknown host',
    system: [side.kernel, side.arch].filter(Boolean).join(' '),
    start: bothTimes(side.start, zone),
    end: bothTimes(side.end, zone),
    zone: zone.label,
    verdict: side.verdict.text,
  };
}

function chartViews(diff: DiffJson) {
  const windows = Object.fromEntries(
    (['before', 'after'] as const).map((side) => [side, timeWindow(diff.charts.filter((c) => c.side === side), diff[side].start, diff[side].end)]),
  ) as Record<Side, ReturnType<typeof timeWindow>>;
  return diff.charts.map((chart) => {
    const side = chart.side === 'both' ? null : chart.side;
    return chartView(chart, side ? windows[side] : null, zoneOf(side ? diff[side].timezone : null));
  });
}

export function diffView(diff: DiffJson) {
  const hosts = [...new Set([diff.before.host ?? 'unknown host', diff.after.host ?? 'unknown host'])];
  const moved = diff.findings.checks.filter((c) => c.change !== 'clear');
  return {
    title: `Memory comparison: ${hosts.join(' vs ')}`,
    heading: hosts.join(' vs '),
    sides: [sideView(diff.before, 'Before'), sideView(diff.after, 'After')],
    synthetic: diff.before.synthetic === true || diff.after.synthetic === true,
    warnings: diff.warnings,
    verdict: diffVerdict(diff),
    keyNumbers: diffKeyNumbers(diff),
    moved: moved.map((c) => ({
      ...c,
      changeLabel: CHANGE_LABELS[c.change],
      badge: c.change === 'resolved' ? 'ok' : c.change === 'new' ? 'critical' : 'warning',
    })),
    checks: detailsView(checksTable(diff)),
    metrics: detailsView(metricsTable(diff, false)),
    charts: chartViews(diff),
    accounting: diff.accounting.some((r) => r.beforeBytes !== null || r.afterBytes !== null) ? detailsView(accountingTable(diff)) : null,
    slabs: diff.slabs.length > 0 ? detailsView(slabTable(diff, HTML_ROWS_MAX, false)) : null,
    processes: diff.processes.length > 0 ? detailsView(processTable(diff, HTML_ROWS_MAX, false)) : null,
    config: diff.config.length > 0 ? detailsView(configTable(diff)) : null,
    fragmentation: diff.fragmentation.length > 0 ? detailsView(fragmentationTable(diff)) : null,
    generator: `${diff.generator.name} ${diff.generator.version}`,
  };
}
