import { colourClass } from './palette.js';
import { area, line, stack } from 'd3-shape';
import type { ChartData } from '../../model/report.js';
import { downsample, MAX_CHART_POINTS } from '../../report/charts/downsample.js';
import { el, type Raw } from './svg.js';

type Point = [number, number];
type Scale = (value: number) => number;

/** What a time chart draws inside the plot: its highest value (for the y domain) and its paths. */
export interface SeriesLayer {
  maxValue: number;
  draw(x: Scale, y: Scale): Raw[];
}

/** Values for the hover read-out, 4 significant digits: the path already holds the x positions. */
function hoverValues(values: number[]): string {
  return values.map((v) => Number(v.toPrecision(4))).join(' ');
}

function inWindow(points: Point[], startS: number, endS: number): Point[] {
  return points.filter(([t]) => t >= startS && t <= endS);
}

/** Drops the middle of three points with the same value: the line looks the same, the file is smaller. */
export function dropFlatRuns(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || i === points.length - 1 || points[i - 1]![1] !== p[1] || points[i + 1]![1] !== p[1]);
}

/** One polyline per series; long series are cut down with LTTB so peaks survive. */
export function lineLayer(chart: ChartData, startS: number, endS: number): SeriesLayer {
  const series = chart.series
    .map((s, index) => ({ s, index, points: dropFlatRuns(downsample(inWindow(s.points, startS, endS), MAX_CHART_POINTS)) }))
    .filter((entry) => entry.points.length > 0);
  const maxValue = Math.max(0, ...series.flatMap((entry) => entry.points.map(([, v]) => v)));
  return {
    maxValue,
    draw: (x, y) =>
      series.map(({ s, index, points }) =>
        el('path', {
          class: `series line ${colourClass(index)}${s.coarse ? ' coarse' : ''}`,
          d: line<Point>().x(([t]) => x(t)).y(([, v]) => y(v)).digits(1)(points) ?? '',
          'data-name': s.name,
          'data-v': hoverValues(points.map(([, v]) => v)),
        }),
      ),
  };
}

/**
 * Series sampled at different instants cannot be stacked point by point: every series is read at
 * the union of their times (linear interpolation between its own samples, 0 outside them).
 */
export function alignSeries(series: Point[][]): { times: number[]; values: number[][] } {
  const times = [...new Set(series.flatMap((points) => points.map(([t]) => t)))].sort((a, b) => a - b);
  const values = series.map((points) => {
    let j = 0;
    return times.map((t) => {
      while (j < points.length - 1 && points[j + 1]![0] <= t) j += 1;
      const [t0, v0] = points[j] ?? [t, 0];
      if (t === t0) return v0;
      const next = points[j + 1];
      if (t < t0 || !next) return 0;
      return v0 + ((next[1] - v0) * (t - t0)) / (next[0] - t0);
    });
  });
  return { times, values };
}

/**
 * Stacked areas (memory accounting). Downsampling picks instants by LTTB on the stack's total
 * and keeps every series at those same instants, so the layers still add up.
 */
export function stackedLayer(chart: ChartData, startS: number, endS: number): SeriesLayer {
  const kept = chart.series.map((s, index) => ({ s, index, points: inWindow(s.points, startS, endS) })).filter((e) => e.points.length > 0);
  const aligned = alignSeries(kept.map((e) => e.points));
  const totals: Point[] = aligned.times.map((t, i) => [t, kept.reduce((sum, _, k) => sum + aligned.values[k]![i]!, 0)]);
  const indexByTime = new Map(aligned.times.map((t, i) => [t, i]));
  const picked = downsample(totals, MAX_CHART_POINTS).map(([t]) => indexByTime.get(t)!);
  const rows = picked.map((i) => kept.map((_, k) => aligned.values[k]![i]!));
  const times = picked.map((i) => aligned.times[i]!);
  const layers = stack<number[], number>().keys(kept.map((_, k) => k)).value((row, k) => row[k]!)(rows);
  return {
    maxValue: Math.max(0, ...picked.map((i) => totals[i]![1])),
    draw: (x, y) =>
      layers.map((layer, k) =>
        el('path', {
          class: `series area ${colourClass(kept[k]!.index)}`,
          d:
            area<[number, number]>()
              .x((_, i) => x(times[i]!))
              .y0(([low]) => y(low))
              .y1(([, high]) => y(high))
              .digits(1)(layer.map(([low, high]) => [low, high])) ?? '',
          'data-name': kept[k]!.s.name,
          'data-v': hoverValues(rows.map((row) => row[k]!)),
        }),
      ),
  };
}
