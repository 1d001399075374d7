/**
 * The sysstat history (`sadf -d`, src/timeline/sysstat.ts) as charts of its own: memory and swap
 * in bytes, paging (sar -B) in events per second. Every series is coarse (drawn dashed) and names its
 * sadf file; the same columns also extend the MemAvailable and swap charts.
 */
import type { ChartData, ChartSeries } from '../../model/report.js';
import type { CoarseSeries, Timeline } from '../../model/timeline.js';
import { coarseByName } from '../../timeline/sysstat.js';
import { lineChart } from './line-chart.js';
import { incidentMarkers } from './markers.js';

/** One coarse series as a chart line, or an empty one when the history lacks it. */
export function coarseLine(t: Timeline, name: string, label = `${name} (sysstat)`): ChartSeries {
  const s: CoarseSeries | null = coarseByName(t.coarse, name);
  return { name: label, source: s?.source ?? 'sadf -d', points: s?.points ?? [], coarse: true };
}

/** A chart of coarse lines: [what the series stands for, legend label]. */
function coarseChart(t: Timeline, spec: Pick<ChartData, 'id' | 'title' | 'description' | 'unit'>, lines: [string, string][]): ChartData | null {
  return lineChart({ ...spec, markers: incidentMarkers(t) }, lines.map(([name, label]) => coarseLine(t, name, label)));
}

export function sysstatMemoryChart(t: Timeline): ChartData | null {
  return coarseChart(t, {
    id: 'sysstat-memory',
    title: 'Memory over the sysstat history',
    description: 'sar -r and -S columns from sadf -d (kbmemused, kbcached, kbbuffers, kbavail, kbmemfree, kbslab, kbswpused), coarse: one point per sysstat interval.',
    unit: 'bytes',
  }, [
    ['used (sysstat: total − free − buffers − cache − slab)', 'used (kbmemused)'],
    ['Cached', 'Cached (kbcached)'],
    ['Buffers', 'Buffers (kbbuffers)'],
    ['MemAvailable', 'MemAvailable (kbavail)'],
    ['MemFree', 'MemFree (kbmemfree)'],
    ['Slab', 'Slab (kbslab)'],
    ['swap used', 'swap used (kbswpused)'],
  ]);
}

export function sysstatPagingChart(t: Timeline): ChartData | null {
  return coarseChart(t, {
    id: 'sysstat-paging',
    title: 'Paging over the sysstat history',
    description: 'sar -B rates from sadf -d: major faults and pages scanned by kswapd and directly, per second, coarse (swap-in and swap-out are on the swap chart).',
    unit: 'per-second',
  }, [
    ['pgmajfault', 'major faults/s (majflt/s)'],
    ['pgscan_kswapd', 'scanned by kswapd/s (pgscank/s)'],
    ['pgscan_direct', 'scanned directly/s (pgscand/s)'],
  ]);
}
