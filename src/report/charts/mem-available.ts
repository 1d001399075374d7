import type { ComputedCache } from '../../computed/cache.js';
import { forecastMemAvailable } from '../../computed/forecast.js';
import { meminfoSeries } from '../../computed/series.js';
import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { lineChart } from './line-chart.js';
import { coarseLine } from './sysstat.js';
import { incidentMarkers } from './markers.js';

/** MemAvailable (and SwapFree) with the fitted projection to exhaustion, dashed; sysstat's kbavail as a coarse line. */
export function memAvailableChart(t: Timeline, computed: ComputedCache): ChartData | null {
  const forecast = computed.get(forecastMemAvailable);
  const source = t.artifacts.meminfo.at(-1)?.source ?? 'series/meminfo';
  const swap = meminfoSeries(t, 'SwapTotal').some(([, v]) => v > 0);
  const coarseSwap = coarseLine(t, 'swap used').points.some(([, v]) => v > 0) || coarseLine(t, 'SwapFree').points.some(([, v]) => v > 0);
  const history = forecast?.coarseSource ? ` The fit reaches back into the sysstat history (${forecast.coarseSource}), drawn dashed.` : '';
  const chart = lineChart(
    {
      id: 'mem-available',
      title: 'MemAvailable and its forecast',
      description: forecast?.exhaustionTime
        ? `MemAvailable over time with a least-squares projection (window ${Math.round(forecast.windowS / 60)} min) that reaches zero at the marked time.${history}`
        : `MemAvailable and SwapFree over time; the dashed line is the least-squares projection of MemAvailable.${history}`,
      unit: 'bytes',
      markers: [
        ...incidentMarkers(t),
        ...(forecast?.exhaustionTime ? [{ time: forecast.exhaustionTime, label: 'projected exhaustion', type: 'forecast' }] : []),
      ],
    },
    [
      { name: 'MemAvailable', source, points: meminfoSeries(t, 'MemAvailable') },
      { name: 'SwapFree', source, points: swap ? meminfoSeries(t, 'SwapFree') : [] },
      coarseLine(t, 'MemAvailable', 'MemAvailable (sysstat kbavail)'),
      ...(swap || coarseSwap ? [coarseLine(t, 'SwapFree', 'SwapFree (sysstat kbswpfree)')] : []),
    ],
  );
  if (chart && forecast && forecast.projection.length > 1) {
    chart.forecast = { name: `MemAvailable forecast (${forecast.confidence} confidence)`, points: forecast.projection };
  }
  return chart;
}
