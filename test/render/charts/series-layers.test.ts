import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../../src/model/report.js';
import { renderTimeChart } from '../../../src/render/charts/time-chart.js';
import { alignSeries, dropFlatRuns } from '../../../src/render/charts/series-layers.js';
import { UTC_ZONE } from '../../../src/time/zoned-time.js';

const T0 = 1_795_700_000;

/** A week at 10 s (60,480 samples) of a flat line with one 10 s spike and one 10 s dip. */
function longSeries(): [number, number][] {
  return Array.from({ length: 60_480 }, (_, i): [number, number] => [T0 + i * 10, i === 31_337 ? 9000 : i === 40_000 ? 1 : 100 + (i % 7)]);
}

function hoverValues(svg: string): number[][] {
  return [...svg.matchAll(/data-v="([^"]*)"/g)].map((m) => m[1]!.split(' ').map(Number));
}

describe('LTTB downsampling in the charts', () => {
  it('cuts a week at 10 s to at most 600 points per series and keeps the spike and the dip', () => {
    const chart: ChartData = {
      id: 'long', title: 'long', description: 'd', kind: 'line', unit: 'count', markers: [],
      series: [{ name: 'x', source: 'series/x', points: longSeries() }],
    };
    const svg = renderTimeChart(chart, { startS: T0, endS: T0 + 60_479 * 10 }, UTC_ZONE);
    const [values] = hoverValues(svg);
    expect(values!.length).toBeLessThanOrEqual(600);
    expect(Math.max(...values!)).toBe(9000);
    expect(Math.min(...values!)).toBe(1);
  });

  it('keeps stacked layers at the same instants, so they still add up', () => {
    const points = longSeries();
    const chart: ChartData = {
      id: 'stack', title: 's', description: 'd', kind: 'stacked-area', unit: 'bytes', markers: [],
      series: [
        { name: 'a', source: 's', points },
        { name: 'b', source: 's', points: points.map(([t, v]): [number, number] => [t, 1000 - v / 10]) },
      ],
    };
    const svg = renderTimeChart(chart, { startS: T0, endS: T0 + 60_479 * 10 }, UTC_ZONE);
    const [a, b] = hoverValues(svg);
    expect(a!.length).toBe(b!.length);
    expect(a!.length).toBeLessThanOrEqual(600);
    expect(a).toContain(9000);
    expect(b).toContain(100);
  });
});

describe('alignSeries', () => {
  it('reads every series at the union of times, interpolating inside and 0 outside', () => {
    const aligned = alignSeries([
      [[0, 10], [20, 30]],
      [[10, 5], [30, 5]],
    ]);
    expect(aligned.times).toEqual([0, 10, 20, 30]);
    expect(aligned.values).toEqual([
      [10, 20, 30, 0],
      [0, 5, 5, 5],
    ]);
  });
});

describe('dropFlatRuns', () => {
  it('keeps the ends and every change of value', () => {
    expect(dropFlatRuns([[0, 5], [1, 5], [2, 5], [3, 7], [4, 7], [5, 7], [6, 7]])).toEqual([[0, 5], [2, 5], [3, 7], [6, 7]]);
  });
});
