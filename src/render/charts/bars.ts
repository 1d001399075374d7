import { colourClass } from './palette.js';
import { scaleBand, scaleLinear, scaleSymlog } from 'd3-scale';
import type { ChartData } from '../../model/report.js';
import { formatValue } from '../units.js';
import { valueAxis, type Tick } from './axis.js';
import { chartSvg, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, xAxisLayer, yAxisLayer } from './frame.js';
import { el, group, px } from './svg.js';

/**
 * Counts that span orders of magnitude (buddyinfo: thousands of order-0 blocks, a handful of
 * order-10) get a symmetric-log axis, so a small non-zero bar stays visible next to a zero.
 */
const LOG_SPAN = 100;

function logTicks(max: number): Tick[] {
  const ticks: Tick[] = [{ value: 0, label: '0' }];
  for (let v = 1; v <= max; v *= 10) ticks.push({ value: v, label: formatValue(v, 'count') });
  return ticks;
}

/** Grouped bars: one group per category (an order), one bar per series (a zone). */
export function renderBarChart(chart: ChartData): string {
  const categories = chart.categories ?? [];
  const values = chart.series.flatMap((s) => s.points.map(([, v]) => v));
  const max = Math.max(0, ...values);
  const smallest = Math.min(...values.filter((v) => v > 0));
  const logScale = max / smallest >= LOG_SPAN;
  const linearAxis = valueAxis(chart.unit, max);
  const yAxis = logScale
    ? { max: 10 ** Math.ceil(Math.log10(max)), ticks: logTicks(10 ** Math.ceil(Math.log10(max))), title: `${linearAxis.title} (log scale)` }
    : linearAxis;
  const y = (logScale ? scaleSymlog() : scaleLinear()).domain([0, yAxis.max]).range([PLOT_BOTTOM, PLOT_TOP]);
  const band = scaleBand<number>().domain(categories.map((_, i) => i)).range([PLOT_LEFT, PLOT_RIGHT]).padding(0.2);
  const inner = scaleBand<number>().domain(chart.series.map((_, i) => i)).range([0, band.bandwidth()]).padding(0.08);

  const bars = chart.series.map((s, seriesIndex) =>
    group(
      { class: `series bars ${colourClass(seriesIndex)}`, 'data-name': s.name },
      s.points.map(([category, value]) =>
        el(
          'rect',
          {
            x: px((band(category) ?? 0) + (inner(seriesIndex) ?? 0)),
            y: px(y(value)),
            width: px(inner.bandwidth()),
            height: px(Math.max(PLOT_BOTTOM - y(value), 0)),
          },
          el('title', {}, `${s.name}, ${categories[category] ?? category}: ${formatValue(value, chart.unit)}`),
        ),
      ),
    ),
  );
  const xTicks = categories.map((label, i) => ({ value: i, label }));
  const centre = (i: number) => (band(i) ?? 0) + band.bandwidth() / 2;
  return chartSvg(chart, { unit: chart.unit }, [yAxisLayer(yAxis, y), xAxisLayer(xTicks, centre, chart.categoryTitle ?? 'category'), ...bars]);
}
