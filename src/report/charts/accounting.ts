import { ACCOUNTING_CATEGORIES, ACCOUNTING_LABELS, computeAccounting } from '../../computed/accounting.js';
import type { ComputedCache } from '../../computed/cache.js';
import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';
import { downsample } from './downsample.js';
import { incidentMarkers } from './markers.js';

/**
 * Where the memory went, stacked over time: every meminfo category plus the unexplained remainder,
 * so the layers add up to MemTotal. Layers are downsampled on shared times (the first layer's LTTB
 * picks) so they stay aligned when stacked.
 */
export function accountingChart(t: Timeline, computed: ComputedCache): ChartData | null {
  const points = computed.get(computeAccounting);
  if (points.length === 0) return null;
  const used = points.map((p): [number, number] => [p.time, p.memTotalBytes - p.bytes.free]);
  const keep = new Set(downsample(used).map(([time]) => time));
  const kept = points.filter((p) => keep.has(p.time));
  return {
    id: 'memory-accounting',
    title: 'Where the memory went',
    description:
      'Physical memory by use over time, from /proc/meminfo: anonymous, page cache, shmem/tmpfs, slab (reclaimable and not), kernel stacks, page tables, vmalloc, huge pages, free, and the remainder no counter explains. The layers add up to MemTotal.',
    kind: 'stacked-area',
    unit: 'bytes',
    markers: incidentMarkers(t),
    series: ACCOUNTING_CATEGORIES.map((category) => ({
      name: ACCOUNTING_LABELS[category],
      source: kept[0]!.source,
      points: kept.map((p): [number, number] => [p.time, Math.max(0, p.bytes[category])]),
    })),
  };
}
