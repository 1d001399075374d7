import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { lineChart } from './line-chart.js';
import { incidentMarkers } from './markers.js';

/** PSI memory some/full avg10 (% of wall time tasks stalled on memory). */
export function pressureChart(t: Timeline): ChartData | null {
  const samples = t.artifacts.pressure;
  const pick = (kind: 'some' | 'full') =>
    samples.flatMap((s): [number, number][] => {
      const line = s.data[kind];
      return line ? [[s.time, line.avg10]] : [];
    });
  return lineChart(
    {
      id: 'pressure',
      title: 'Memory pressure (PSI)',
      description: 'Share of time in which some or all runnable tasks stalled waiting for memory (avg10, percent).',
      unit: 'percent',
      markers: incidentMarkers(t),
    },
    [
      { name: 'some avg10', source: 'series/pressure-memory', points: pick('some') },
      { name: 'full avg10', source: 'series/pressure-memory', points: pick('full') },
    ],
  );
}
