import type { ChartData } from '../../model/report.js';
import type { Tick, ValueAxis } from './axis.js';
import { el, group, px, type Raw } from './svg.js';

/** One geometry for every chart, so time axes line up when charts are stacked on the page. */
export const FRAME = { width: 960, height: 300, left: 76, right: 24, top: 34, bottom: 44 } as const;
export const PLOT_LEFT = FRAME.left;
export const PLOT_RIGHT = FRAME.width - FRAME.right;
export const PLOT_TOP = FRAME.top;
export const PLOT_BOTTOM = FRAME.height - FRAME.bottom;

/** A DOM id from a chart id; chart ids are ours, but nothing from the JSON goes unfiltered into an id. */
export function chartDomId(chart: ChartData): string {
  return `chart-${chart.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The outer <svg>: role="img" with <title> and <desc> as its accessible name and description. */
export function chartSvg(chart: ChartData, data: Record<string, string | number>, layers: Raw[]): string {
  const id = chartDomId(chart);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${FRAME.width} ${FRAME.height}`,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      class: `chart chart-${chart.kind}`,
      ...Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v])),
    },
    el('title', { id: `${id}-title` }, chart.title),
    el('desc', { id: `${id}-desc` }, chart.description),
    ...layers,
  ).svg;
}

/** Horizontal grid lines with labels, and the unit as the axis title. */
export function yAxisLayer(axis: ValueAxis, y: (value: number) => number): Raw {
  const ticks = axis.ticks.map((t) =>
    group({ class: 'tick' }, [
      el('line', { x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: px(y(t.value)), y2: px(y(t.value)), class: 'grid' }),
      el('text', { x: PLOT_LEFT - 8, y: px(y(t.value)), dy: '0.32em', 'text-anchor': 'end' }, t.label),
    ]),
  );
  const title = el(
    'text',
    { class: 'axis-title', transform: `translate(16 ${(PLOT_TOP + PLOT_BOTTOM) / 2}) rotate(-90)`, 'text-anchor': 'middle' },
    axis.title,
  );
  return group({ class: 'axis axis-y' }, [...ticks, title]);
}

/** The x axis line, tick marks and labels below the plot, and its title. */
export function xAxisLayer(ticks: Tick[], x: (value: number) => number, title: string): Raw {
  const marks = ticks.map((t) =>
    group({ class: 'tick' }, [
      el('line', { x1: px(x(t.value)), x2: px(x(t.value)), y1: PLOT_BOTTOM, y2: PLOT_BOTTOM + 5 }),
      el('text', { x: px(x(t.value)), y: PLOT_BOTTOM + 18, 'text-anchor': 'middle' }, t.label),
    ]),
  );
  return group({ class: 'axis axis-x' }, [
    el('line', { x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: PLOT_BOTTOM, y2: PLOT_BOTTOM, class: 'baseline' }),
    ...marks,
    el('text', { class: 'axis-title', x: PLOT_RIGHT, y: FRAME.height - 6, 'text-anchor': 'end' }, title),
  ]);
}

const MARKER_LABEL_CHARS = 28;
const MARKER_ROWS = 3;
/** Approximate width of one 11 px label character, to keep labels apart and inside the frame. */
const LABEL_CHAR_PX = 6.3;

/**
 * Incident markers as vertical lines across the plot, labelled above it. Each label takes the
 * first of a few rows where it does not collide with an earlier one, and is drawn to the left of
 * its line when it would run off the right edge. A long label is cut and kept whole in a <title>.
 */
export function markerLayer(markers: ChartData['markers'], x: (timeS: number) => number, startS: number, endS: number): Raw {
  const visible = markers.filter((m) => m.time >= startS && m.time <= endS).sort((a, b) => a.time - b.time);
  const rowEnds: number[] = Array.from({ length: MARKER_ROWS }, () => -Infinity);
  const drawn = visible.map((m) => {
    const at = px(x(m.time));
    const label = m.label.length > MARKER_LABEL_CHARS ? `${m.label.slice(0, MARKER_LABEL_CHARS - 1)}…` : m.label;
    const width = label.length * LABEL_CHAR_PX;
    const leftward = at + 3 + width > FRAME.width;
    const [from, to] = leftward ? [at - 3 - width, at] : [at, at + 3 + width];
    const free = rowEnds.findIndex((end) => from > end + 6);
    const row = free >= 0 ? free : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = to;
    const kind = m.type.replace(/[^a-z-]/g, '');
    const labelY = PLOT_TOP - 22 + row * 10;
    return group({ class: `marker marker-${kind}` }, [
      el('title', {}, m.label),
      el('line', { x1: at, x2: at, y1: labelY - 8, y2: PLOT_BOTTOM }),
      el('text', leftward ? { x: at - 3, y: labelY, 'text-anchor': 'end' } : { x: at + 3, y: labelY }, label),
    ]);
  });
  return group({ class: 'markers' }, drawn);
}

/** Where the plot area is clipped (forecast lines may run past the window). */
export function clipLayer(chart: ChartData): Raw {
  return el(
    'clipPath',
    { id: `${chartDomId(chart)}-clip` },
    el('rect', { x: PLOT_LEFT, y: PLOT_TOP - 1, width: PLOT_RIGHT - PLOT_LEFT, height: PLOT_BOTTOM - PLOT_TOP + 2 }),
  );
}
