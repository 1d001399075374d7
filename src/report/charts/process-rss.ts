import type { ComputedCache } from '../../computed/cache.js';
import { processGrowth, topGrowing, type ProcessGrowth } from '../../computed/process-growth.js';
import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { lineChart } from './line-chart.js';
import { incidentMarkers } from './markers.js';

/** The grown pid plus the pids it restarted into or from: one line per lineage, the drop visible. */
function lineage(g: ProcessGrowth): Set<number> {
  const pids = new Set([g.pid]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of g.restarts) {
      if (pids.has(r.fromPid) !== pids.has(r.toPid)) {
        pids.add(r.fromPid).add(r.toPid);
        changed = true;
      }
    }
  }
  return pids;
}

/** RSS + swap of the fastest-growing processes, each followed across its restarts. */
export function processRssChart(t: Timeline, computed: ComputedCache): ChartData | null {
  const top = topGrowing(computed.get(processGrowth), 5);
  return lineChart(
    {
      id: 'process-rss',
      title: 'Top growing processes (RSS + swap)',
      description: 'Resident plus swapped memory of the processes that grew fastest, from series/procs; a drop is a restart.',
      unit: 'bytes',
      markers: incidentMarkers(t),
    },
    top.map((g) => {
      const pids = lineage(g);
      const track = t.processes.find((p) => p.comm === g.comm)!;
      return {
        name: `${g.comm} (pid ${[...pids].join(' → ')})`,
        source: 'series/procs',
        points: track.points.filter((p) => pids.has(p.pid)).map((p): [number, number] => [p.time, p.rssBytes + p.swapBytes]),
      };
    }),
  );
}
