/**
 * `memtrail inspect`: a terminal summary of one Timeline. Pure: returns the text; the CLI decides
 * colour (NO_COLOR, TTY), width and where it goes. Every string from the bundle is sanitised.
 */
import type { Timeline } from '../model/timeline.js';
import { artifactsSection } from './artifacts.js';
import { diagnosticsSection } from './diagnostics.js';
import { eventsSection } from './events.js';
import { painter } from './format.js';
import { meminfoSection, topConsumersSection } from './memory.js';
import { overviewSection, samplesSection } from './overview.js';

export interface InspectOptions {
  color: boolean;
  /** Terminal columns: lines are cut to fit. Omitted (a pipe or a file): lines are whole. */
  width?: number;
}

/** Narrower terminals still get this many columns. */
export const MIN_WIDTH = 40;

/** Cuts a line to `width` visible characters, keeping ANSI colour codes whole. */
function fit(line: string, width: number): string {
  let room = width;
  return line
    .split(/(\x1b\[[0-9;]*m)/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a colour code: no width
      const kept = part.slice(0, Math.max(0, room));
      room -= kept.length;
      return kept;
    })
    .join('');
}

export function renderInspect(t: Timeline, opts: InspectOptions): string {
  const p = painter(opts.color);
  const width = opts.width === undefined ? Infinity : Math.max(MIN_WIDTH, opts.width);
  const sections = [
    overviewSection(t, p),
    samplesSection(t, p),
    artifactsSection(t, p),
    eventsSection(t, p),
    topConsumersSection(t, p),
    meminfoSection(t, p),
    diagnosticsSection(t, p),
  ];
  return sections.map((lines) => lines.map((l) => fit(l, width)).join('\n')).join('\n\n') + '\n';
}

export { sanitizeTerminal } from './sanitize-terminal.js';
