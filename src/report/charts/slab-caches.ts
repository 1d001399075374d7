import type { ComputedCache } from '../../computed/cache.js';
import { largestSlabCaches, slabCacheGrowth } from '../../computed/slab-growth.js';
import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { lineChart } from './line-chart.js';
import { incidentMarkers } from './markers.js';

/** The largest slab caches (by peak size) over the slabinfo samples. */
export function slabCachesChart(t: Timeline, computed: ComputedCache): ChartData | null {
  const names = largestSlabCaches(computed.get(slabCacheGrowth), 6).map((c) => c.name);
  return lineChart(
    {
      id: 'slab-caches',
      title: 'Top slab caches',
      description: 'Size of the largest kernel slab caches over time (num_slabs × pages per slab × page size, as slabtop shows).',
      unit: 'bytes',
      markers: incidentMarkers(t),
    },
    names.map((name) => ({
      name,
      source: t.artifacts.slabinfo[0]?.source ?? 'proc/slabinfo',
      points: t.artifacts.slabinfo.flatMap((s): [number, number][] => {
        const cache = s.data.caches.find((c) => c.name === name);
        return cache ? [[s.time, cache.sizeBytes]] : [];
      }),
    })),
  );
}
