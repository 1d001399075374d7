import type { ChartData, ReportJson } from '../../model/report.js';
import { epochMsOf, type Zone } from '../../time/zoned-time.js';
import { renderBarChart } from './bars.js';
import { renderTimeChart, type TimeWindow } from './time-chart.js';

/** A chart ready for the page: its SVG, or why there is none. */
export interface RenderedChart {
  chart: ChartData;
  svg: string | null;
  noData: string | null;
}

function hasData(chart: ChartData): boolean {
  return chart.series.some((s) => s.points.length > 0);
}

/**
 * The time window all time charts share: the capture's start and end, widened to any sample
 * outside them (a sysstat history can reach back before the capture).
 */
export function sharedWindow(report: ReportJson): TimeWindow | null {
  const times = report.charts
    .filter((c) => c.kind !== 'bars')
    .flatMap((c) => c.series.flatMap((s) => s.points.map(([t]) => t)));
  for (const iso of [report.bundle.start, report.bundle.end]) {
    const ms = epochMsOf(iso);
    if (ms !== null) times.push(ms / 1000);
  }
  if (times.length === 0) return null;
  // A loop, not Math.min(...times): a raw week at 10 s is more arguments than a call may take.
  let startS = Infinity;
  let endS = -Infinity;
  for (const t of times) {
    startS = Math.min(startS, t);
    endS = Math.max(endS, t);
  }
  return endS > startS ? { startS, endS } : { startS: startS - 60, endS: endS + 60 };
}

export function renderChart(chart: ChartData, window: TimeWindow | null, zone: Zone): RenderedChart {
  if (!hasData(chart)) return { chart, svg: null, noData: 'No data: the bundle holds no samples for this chart.' };
  if (chart.kind === 'bars') return { chart, svg: renderBarChart(chart), noData: null };
  if (!window) return { chart, svg: null, noData: 'No data: the samples carry no usable times.' };
  return { chart, svg: renderTimeChart(chart, window, zone), noData: null };
}
