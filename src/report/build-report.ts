import { REPORT_SCHEMA, type AuditSummary, type ChartData, type Finding, type ReportJson } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { ComputedCache } from '../computed/cache.js';
import { bundleSummary } from './bundle-summary.js';
import { accountingChart } from './charts/accounting.js';
import { buddyinfoChart } from './charts/buddyinfo.js';
import { memAvailableChart } from './charts/mem-available.js';
import { processRssChart } from './charts/process-rss.js';
import { slabCachesChart } from './charts/slab-caches.js';
import { pressureChart } from './charts/pressure.js';
import { swapRatesChart } from './charts/swap-rates.js';
import { sysstatMemoryChart, sysstatPagingChart } from './charts/sysstat.js';
import { reportEvents } from './events.js';
import { keyNumbers } from './key-numbers.js';
import { buildVerdict } from './verdict.js';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** Charts in reading order; a chart without data is left out (the renderer says so). */
function charts(t: Timeline, computed: ComputedCache): ChartData[] {
  return [
    accountingChart(t, computed),
    memAvailableChart(t, computed),
    swapRatesChart(t),
    pressureChart(t),
    processRssChart(t, computed),
    slabCachesChart(t, computed),
    buddyinfoChart(t),
    sysstatMemoryChart(t),
    sysstatPagingChart(t),
  ].filter((c): c is ChartData => c !== null);
}

/** Assembles memtrail-report/1: the one result every renderer reads. */
export function buildReport(
  t: Timeline,
  audited: { findings: Finding[]; audits: AuditSummary[] },
  generatorVersion: string,
  /** The audits' memo of derived data, so the charts do not compute it again. */
  computed = new ComputedCache(t),
): ReportJson {
  const findings = [...audited.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    schema: REPORT_SCHEMA,
    generator: { name: 'memtrail', version: generatorVersion },
    bundle: bundleSummary(t),
    verdict: buildVerdict(t, findings),
    keyNumbers: keyNumbers(t),
    findings,
    audits: audited.audits,
    events: reportEvents(t.events),
    charts: charts(t, computed),
    diagnostics: t.artifacts.diagnostics,
  };
}
