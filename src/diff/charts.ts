/**
 * Charts of the diff, in the report's ChartData shape so the report's chart renderer draws them:
 * before/after bars for memory accounting and fragmentation, then each side's time charts (the
 * ones its report draws) one above the other, each on its own time axis and in its own zone.
 */
import type { ChartData } from '../model/report.js';
import type { AnalyzedSide } from './analyzed-side.js';
import type { AccountingRow, DiffChart, FragmentationRow, Side } from './types.js';

/** The categories, with labels short enough for an x axis (the table has the long ones). */
const ACCOUNTING_BARS: Record<string, string> = {
  anon: 'anon', pageCache: 'page cache', shmem: 'shmem', sReclaimable: 'slab rec.', sUnreclaim: 'slab unrec.', unexplained: 'unexplained',
};

function beforeAfterBars(spec: Omit<ChartData, 'kind' | 'series' | 'markers'>, values: [before: number | null, after: number | null][], source: string): DiffChart | null {
  if (values.every(([b, a]) => b === null && a === null)) return null;
  // Bars start at 0: a negative remainder or "no free block" (-1) is drawn as empty, the table has the number.
  const series = (['before', 'after'] as const).map((side, i) => ({
    name: side === 'before' ? 'Before' : 'After',
    source,
    points: values.map((v, category): [number, number] => [category, Math.max(0, v[i] ?? 0)]),
  }));
  return { ...spec, kind: 'bars', markers: [], series, side: 'both' };
}

function accountingChart(rows: AccountingRow[]): DiffChart | null {
  const shown = rows.filter((r) => r.category in ACCOUNTING_BARS);
  return beforeAfterBars(
    {
      id: 'accounting',
      title: 'Where the memory went, before and after',
      description: 'Mean bytes per accounting category over each capture (from /proc/meminfo). A negative unexplained remainder is drawn as zero.',
      unit: 'bytes',
      categories: shown.map((r) => ACCOUNTING_BARS[r.category]!),
      categoryTitle: 'category',
    },
    shown.map((r) => [r.beforeBytes, r.afterBytes]),
    'series/meminfo',
  );
}

function fragmentationChart(rows: FragmentationRow[]): DiffChart | null {
  return beforeAfterBars(
    {
      id: 'fragmentation',
      title: 'Largest free block per zone, before and after',
      description: 'Highest buddy order with a free block in each zone at the last buddyinfo sample (order n = 2^n pages). Higher is better.',
      unit: 'count',
      categories: rows.map((r) => r.zone),
      categoryTitle: 'zone',
    },
    rows.map((r) => [r.beforeHighestOrder, r.afterHighestOrder]),
    'proc/buddyinfo',
  );
}

function sideCharts(s: AnalyzedSide, side: Side): DiffChart[] {
  return s.report.charts
    .filter((c) => c.kind !== 'bars')
    .map((c) => ({ ...c, id: `${c.id}-${side}`, title: `${c.title} (${side})`, side }));
}

/** Bars first; then for each time chart, the before one above the after one. */
export function diffCharts(before: AnalyzedSide, after: AnalyzedSide, accounting: AccountingRow[], fragmentation: FragmentationRow[]): DiffChart[] {
  const b = sideCharts(before, 'before'), a = sideCharts(after, 'after');
  const baseId = (c: DiffChart) => c.id.replace(/-(before|after)$/, '');
  const order = [...new Set([...b, ...a].map(baseId))];
  return [
    ...[accountingChart(accounting), fragmentationChart(fragmentation)].filter((c): c is DiffChart => c !== null),
    ...order.flatMap((id) => [...b, ...a].filter((c) => baseId(c) === id)),
  ];
}
