import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartData } from '../../model/report.js';
import { formatValue } from '../units.js';
import { formatWallClock, type Zone } from '../../time/zoned-time.js';
import { timeAxis, valueAxis } from './axis.js';
import {
  chartDomId,
  chartSvg,
  clipLayer,
  markerLayer,
  PLOT_BOTTOM,
  PLOT_LEFT,
  PLOT_RIGHT,
  PLOT_TOP,
  xAxisLayer,
  yAxisLayer,
} from './frame.js';
import { lineLayer, stackedLayer } from './series-layers.js';
import { el, group, px, type Raw } from './svg.js';

/** The window every time chart shares, so markers and ticks line up from chart to chart. */
export interface TimeWindow {
  startS: number;
  endS: number;
}

/** A forecast may run far past the capture; the axis extends by at most half the window. */
const FORECAST_EXTENSION = 0.5;

function forecastEnd(chart: ChartData, window: TimeWindow): number {
  const last = chart.forecast?.points.at(-1)?.[0];
  if (last === undefined || last <= window.endS) return window.endS;
  return Math.min(last, window.endS + (window.endS - window.startS) * FORECAST_EXTENSION);
}

function forecastLayer(chart: ChartData, x: (t: number) => number, y: (v: number) => number, zone: Zone, endS: number): Raw[] {
  const forecast = chart.forecast;
  const last = forecast?.points.at(-1);
  if (!forecast || !last) return [];
  const path = el('path', {
    class: 'forecast',
    d: line<[number, number]>().x(([t]) => x(t)).y(([, v]) => y(v)).digits(1)(forecast.points) ?? '',
    'clip-path': `url(#${chartDomId(chart)}-clip)`,
  });
  const reached = last[0] <= endS;
  const at = `${formatValue(last[1], chart.unit)} at ${formatWallClock(last[0] * 1000, zone)}`;
  const label = el(
    'text',
    { class: 'forecast-label', x: px(reached ? x(last[0]) - 4 : PLOT_RIGHT - 4), y: px(reached ? y(last[1]) - 8 : PLOT_TOP + 14), 'text-anchor': 'end' },
    `${forecast.name} → ${at}${reached ? '' : ' (past the chart)'}`,
  );
  return [path, label];
}

/** A line or stacked-area chart over the shared time axis, with incident markers. */
export function renderTimeChart(chart: ChartData, window: TimeWindow, zone: Zone): string {
  const endS = forecastEnd(chart, window);
  const layer = chart.kind === 'stacked-area' ? stackedLayer(chart, window.startS, endS) : lineLayer(chart, window.startS, endS);
  const forecastMax = Math.max(0, ...(chart.forecast?.points ?? []).filter(([t]) => t <= endS).map(([, v]) => v));
  const yAxis = valueAxis(chart.unit, Math.max(layer.maxValue, forecastMax));
  const x = scaleLinear().domain([window.startS, endS]).range([PLOT_LEFT, PLOT_RIGHT]);
  const y = scaleLinear().domain([0, yAxis.max]).range([PLOT_BOTTOM, PLOT_TOP]);
  const hover = {
    t0: window.startS,
    t1: endS,
    x0: PLOT_LEFT,
    x1: PLOT_RIGHT,
    y0: PLOT_TOP,
    y1: PLOT_BOTTOM,
    unit: chart.unit,
    offset: zone.offsetMinutesAt(window.startS * 1000),
    zone: zone.label,
  };
  return chartSvg(chart, hover, [
    clipLayer(chart),
    yAxisLayer(yAxis, y),
    xAxisLayer(timeAxis(window.startS, endS, zone), x, `time (${zone.label})`),
    group({ class: 'plot', 'clip-path': `url(#${chartDomId(chart)}-clip)` }, layer.draw(x, y)),
    ...forecastLayer(chart, x, y, zone, endS),
    markerLayer(chart.markers, x, window.startS, endS),
  ]);
}
