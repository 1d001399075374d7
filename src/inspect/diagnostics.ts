/** Parse diagnostics: the first few, errors first, with the total count. */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Timeline } from '../model/timeline.js';
import { columns, safe, type Painter } from './format.js';

export const DIAGNOSTICS_SHOWN = 20;
const RANK: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

export function diagnosticsSection(t: Timeline, p: Painter): string[] {
  const all = t.artifacts.diagnostics;
  const title = p('bold', 'Diagnostics') + `  ${all.length}`;
  if (all.length === 0) return [title, '  none'];
  const shown = [...all].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, DIAGNOSTICS_SHOWN);
  const rows = shown.map((d) => [d.severity, `${safe(d.source, 50)}${d.line !== undefined ? `:${d.line}` : ''}`, safe(d.message, 100)]);
  const lines = [title, ...columns(rows).map((l, i) => (shown[i]!.severity === 'error' ? p('red', l) : l))];
  if (all.length > DIAGNOSTICS_SHOWN) lines.push(p('dim', `  … ${all.length - DIAGNOSTICS_SHOWN} more`));
  return lines;
}
