import { colourClass } from '../charts/palette.js';
/**
 * One chart as the `chart` partial reads it, and the time window a set of charts shares. Used by
 * the diff page, whose two captures each have their own window and zone.
 */
import Handlebars from 'handlebars';
import type { ChartData } from '../../model/report.js';
import { epochMsOf, type Zone } from '../../time/zoned-time.js';
import { renderChart } from '../charts/render-chart.js';
import type { TimeWindow } from '../charts/time-chart.js';

/**
 * The capture's start and end, widened to any sample outside them (a sysstat history can reach
 * back before the capture). Bars have no time axis and do not count.
 */
export function timeWindow(charts: readonly ChartData[], startIso: string | null, endIso: string | null): TimeWindow | null {
  let startS = Infinity;
  let endS = -Infinity;
  const see = (t: number) => {
    startS = Math.min(startS, t);
    endS = Math.max(endS, t);
  };
  // Loops, not Math.min(...times): a raw week at 10 s is more arguments than a call may take.
  for (const c of charts) if (c.kind !== 'bars') for (const s of c.series) for (const [t] of s.points) see(t);
  for (const iso of [startIso, endIso]) {
    const ms = epochMsOf(iso);
    if (ms !== null) see(ms / 1000);
  }
  if (startS === Infinity) return null;
  return endS > startS ? { startS, endS } : { startS: startS - 60, endS: endS + 60 };
}

export function chartView(chart: ChartData, window: TimeWindow | null, zone: Zone) {
  const rendered = renderChart(chart, window, zone);
  return {
    id: chart.id,
    title: chart.title,
    description: chart.description,
    // Built by src/render/charts from escaped parts: the one pre-rendered string in the page.
    svg: rendered.svg === null ? null : new Handlebars.SafeString(rendered.svg),
    noData: rendered.noData,
    legend: chart.series.map((s, i) => ({ name: s.name, colour: colourClass(i), source: s.source, coarse: s.coarse === true })),
    forecast: chart.forecast?.name ?? null,
  };
}
