/**
 * Processes side by side, matched by command (comm): pids change across restarts and reboots, so
 * the timeline's per-command tracks (src/computed/process-growth.ts) are what can be compared.
 */
import { processGrowth, type ProcessGrowth } from '../computed/process-growth.js';
import type { AnalyzedSide } from './analyzed-side.js';
import { rowFlagged } from './compare.js';
import { byLargestChange, pairBy } from './join.js';
import type { ProcessRow } from './types.js';

export function compareProcesses(before: AnalyzedSide, after: AnalyzedSide): ProcessRow[] {
  const pairs = pairBy<ProcessGrowth>(before.computed.get(processGrowth), after.computed.get(processGrowth), (g) => g.comm);
  const rows = pairs.map(({ key, before: b, after: a, status }): ProcessRow => ({
    comm: key,
    status,
    beforeRssBytes: b?.last.rssBytes ?? null,
    afterRssBytes: a?.last.rssBytes ?? null,
    beforePeakBytes: b?.peakBytes ?? null,
    afterPeakBytes: a?.peakBytes ?? null,
    beforeSlopeMBPerHour: b ? b.slopeMBPerHour : null,
    afterSlopeMBPerHour: a ? a.slopeMBPerHour : null,
    beforePids: b?.pids ?? [],
    afterPids: a?.pids ?? [],
    beforeRestarts: b?.restarts.length ?? 0,
    afterRestarts: a?.restarts.length ?? 0,
    changeBytes: (a?.peakBytes ?? 0) - (b?.peakBytes ?? 0),
    flagged: rowFlagged([b?.peakBytes ?? null, a?.peakBytes ?? null], [b?.slopeMBPerHour ?? null, a?.slopeMBPerHour ?? null]),
  }));
  return byLargestChange(rows, (r) => r.comm);
}
