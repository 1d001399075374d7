import type { ChartData, ChartSeries } from '../../model/report.js';
import { downsample } from './downsample.js';

/** A line chart, or nothing when every series is empty (the renderer shows "no data" for absent charts). */
export function lineChart(
  spec: Omit<ChartData, 'kind' | 'series'> & { kind?: ChartData['kind'] },
  series: ChartSeries[],
): ChartData | null {
  const kept = series.filter((s) => s.points.length > 0).map((s) => ({ ...s, points: downsample(s.points) }));
  if (kept.length === 0) return null;
  return { kind: 'line', ...spec, series: kept };
}
