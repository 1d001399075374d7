import type { ChartData } from '../../model/report.js';
import type { Timeline } from '../../model/timeline.js';

/**
 * Free blocks per order for each zone, from the latest buddyinfo sample: a bar group per order
 * (4 KiB … 4 MiB with 4 KiB pages). Points are [order, free blocks]; `categories` labels the orders.
 */
export function buddyinfoChart(t: Timeline): ChartData | null {
  const latest = t.artifacts.buddyinfo.at(-1);
  if (!latest || latest.data.length === 0) return null;
  const maxOrder = Math.max(...latest.data.map((z) => z.freeByOrder.length));
  const pageKiB = t.info.pageSizeBytes / 1024;
  const categories = Array.from({ length: maxOrder }, (_, order) => {
    const kib = pageKiB * 2 ** order;
    return `${order} (${kib >= 1024 ? `${kib / 1024} MiB` : `${kib} KiB`})`;
  });
  return {
    id: 'buddyinfo',
    title: 'Free blocks by order, per zone',
    description:
      'Free contiguous blocks of each order in each zone (latest /proc/buddyinfo sample). Zeros at high orders mean large contiguous allocations will fail.',
    kind: 'bars',
    unit: 'count',
    categories,
    categoryTitle: 'order (block size)',
    markers: [],
    series: latest.data.map((zone) => ({
      name: `node ${zone.node} ${zone.zone}`,
      source: latest.source,
      points: zone.freeByOrder.map((count, order): [number, number] => [order, count]),
    })),
  };
}
