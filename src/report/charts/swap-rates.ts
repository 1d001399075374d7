import type { ChartData, ChartSeries } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { lineChart } from './line-chart.js';
import { incidentMarkers } from './markers.js';
import { coarseLine } from './sysstat.js';

/** Swap-in and swap-out rates (pages/s from /proc/vmstat pswpin/pswpout, and sysstat's as coarse lines) with OOM markers. */
export function swapRatesChart(t: Timeline): ChartData | null {
  const series: ChartSeries[] = (['pswpin', 'pswpout'] as const).map((counter) => {
    const rate = t.rates.get(counter);
    return {
      name: counter === 'pswpin' ? 'swap-in (pages/s)' : 'swap-out (pages/s)',
      source: 'series/vmstat',
      points: rate ? rate.times.map((time, i): [number, number] => [time, rate.perSecond[i]!]) : [],
    };
  });
  series.push(coarseLine(t, 'pswpin', 'swap-in (sysstat pswpin/s)'), coarseLine(t, 'pswpout', 'swap-out (sysstat pswpout/s)'));
  return lineChart(
    {
      id: 'swap-rates',
      title: 'Swap-in and swap-out',
      description: 'Pages swapped in and out per second, from /proc/vmstat pswpin and pswpout (sysstat pswpin/s and pswpout/s as coarse lines when present), with OOM kills marked.',
      unit: 'per-second',
      markers: incidentMarkers(t),
    },
    series,
  );
}
