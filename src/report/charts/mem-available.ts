import { forecastMemAvailable } from '../../computed/forecast.js';
import { meminfoSeries } from '../../computed/series.js';
import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { lineChart } from './line-chart.js';
import { incidentMarkers } from './markers.js';

/** MemAvailable (and SwapFree) with the fitted projection to exhaustion, dashed. */
export function memAvailableChart(t: Timeline): ChartData | null {
  const forecast = forecastMemAvailable(t);
  const chart = lineChart(
    {
      id: 'mem-available',
      title: 'MemAvailable and its forecast',
      description: forecast?.exhaustionTime
        ? `MemAvailable over time with a least-squares projection (window ${Math.round(forecast.windowS / 60)} min) that reaches zero at the marked time.`
        : 'MemAvailable and SwapFree over time; the dashed line is the least-squares projection of MemAvailable.',
      unit: 'bytes',
      markers: [
        ...incidentMarkers(t),
        ...(forecast?.exhaustionTime ? [{ time: forecast.exhaustionTime, label: 'projected exhaustion', type: 'forecast' }] : []),
      ],
    },
    [
      { name: 'MemAvailable', source: 'series/meminfo', points: meminfoSeries(t, 'MemAvailable') },
      { name: 'SwapFree', source: 'series/meminfo', points: meminfoSeries(t, 'SwapTotal').some(([, v]) => v > 0) ? meminfoSeries(t, 'SwapFree') : [] },
    ],
  );
  if (chart && forecast && forecast.projection.length > 1) {
    chart.forecast = { name: `MemAvailable forecast (${forecast.confidence} confidence)`, points: forecast.projection };
  }
  return chart;
}
