/**
 * process-leak (runbook Root Cause 1): processes whose RSS + swap or Private_Dirty climbs steadily.
 * Restarts that bring RSS back down are the runbook's first tell-tale sign.
 */
import { formatBytes } from '../format/bytes.js';
import { confidenceOf } from '../computed/forecast.js';
import { leakingProcesses, privateDirtyLeaks } from '../computed/leaks.js';
import { slopeMBPerHour } from '../computed/linear-fit.js';
import type { ProcessGrowth } from '../computed/process-growth.js';
import { lastMeminfo } from '../computed/series.js';
import type { DetailsTable, Remediation } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { oomKills, processPointEvidence } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtDuration, fmtMBh, fmtWhen, iso } from './format.js';
import { memoryMaxDropIn } from './remediation.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';
import { unitOfTrack } from './units.js';

const footprint = (p: { rssBytes: number; swapBytes: number }) => p.rssBytes + p.swapBytes;

function restartText(t: Timeline, g: ProcessGrowth): string {
  if (g.restarts.length === 0) return '';
  const r = g.restarts.at(-1)!;
  const again = g.otherPids.find((o) => o.pid === r.toPid && o.points >= 2 && o.slopeMBPerHour > 0);
  const after = again ? `, and pid ${again.pid} climbs again at ${fmtMBh(again.slopeMBPerHour)}: restarts only buy time` : '';
  return ` It restarted ${g.restarts.length} time(s); the last one (pid ${r.fromPid} → ${r.toPid} at ${fmtWhen(t, r.time)}) dropped RSS `
    + `from ${formatBytes(r.rssBeforeBytes)} to ${formatBytes(r.rssAfterBytes)}${after}.`;
}

function leakSignal(t: Timeline, g: ProcessGrowth, leads: boolean, availBytes: number | null): Signal {
  const fit = g.fit!;
  const perS = fit.slopePerS;
  const killed = oomKills(t).find((k) => g.pids.includes(k.pid));
  const secondsLeft = availBytes !== null ? availBytes / perS : null;
  // A projection earns critical only at the confidence exhaustion-forecast would give it: a process
  // that grew for a few seconds (one starting up) says little about the next hours.
  const projected = secondsLeft !== null && secondsLeft <= th('exhaustionCriticalS') && confidenceOf(fit, secondsLeft) !== 'low';
  const critical = killed !== undefined || projected;
  let text = `${leads ? 'The leader: ' : ''}${g.comm} (pid ${g.pid}) grew from ${formatBytes(footprint(g.first))} to ${formatBytes(footprint(g.last))} `
    + `(RSS + swap) in ${fmtDuration(g.last.time - g.first.time)}, ${fmtMBh(g.slopeMBPerHour)} with r² ${fit.r2.toFixed(2)} over ${fit.n} samples.`;
  text += restartText(t, g);
  if (killed) text += ` The OOM killer killed pid ${killed.pid} (${killed.comm}).`;
  if (secondsLeft !== null) text += ` At this rate it would use up the ${formatBytes(availBytes!)} still available in ${fmtDuration(secondsLeft)}.`;
  const unit = unitOfTrack(t, g.pid, g.pids);
  const dropIn = memoryMaxDropIn(unit ?? `${g.comm}.service`, g.peakBytes, footprint(g.first), perS);
  const remediation: Remediation[] = [
    unit ? dropIn : { ...dropIn, text: `${dropIn.text} The unit name is a guess from the command; use the unit that runs pid ${g.pid} (systemctl status ${g.pid}).` },
    {
      text: `Look at the heap of pid ${g.pid}; a large, growing Private_Dirty [heap] confirms a heap leak. Then profile it: Valgrind Massif (C/C++), tracemalloc (Python), a heap dump in Eclipse MAT or VisualVM (Java). The permanent fix is in the code.`,
      command: `grep -A 6 '\\[heap\\]' /proc/${g.pid}/smaps`,
    },
  ];
  return {
    severity: critical ? 'critical' : 'warning',
    text,
    evidence: [
      processPointEvidence(t, g.first.time, `${g.comm} pid ${g.first.pid}: RSS ${formatBytes(g.first.rssBytes)}, swap ${formatBytes(g.first.swapBytes)}`),
      processPointEvidence(t, g.last.time, `${g.comm} pid ${g.last.pid}: RSS ${formatBytes(g.last.rssBytes)}, swap ${formatBytes(g.last.swapBytes)}`),
    ],
    remediation,
  };
}

function leakTable(leaks: ProcessGrowth[]): DetailsTable {
  return {
    type: 'table',
    title: 'Growing processes',
    headings: [
      { key: 'comm', label: 'Command', unit: 'text' }, { key: 'pid', label: 'PID', unit: 'count' },
      { key: 'first', label: 'First RSS+swap', unit: 'bytes' }, { key: 'last', label: 'Last RSS+swap', unit: 'bytes' },
      { key: 'peak', label: 'Peak', unit: 'bytes' }, { key: 'swap', label: 'Swap now', unit: 'bytes' },
      { key: 'slope', label: 'Slope', unit: 'MB/h' }, { key: 'r2', label: 'r²', unit: 'count' },
      { key: 'n', label: 'Samples', unit: 'count' }, { key: 'restarts', label: 'Restarts', unit: 'count' },
    ],
    rows: leaks.map((g) => ({
      comm: g.comm, pid: g.pid, first: footprint(g.first), last: footprint(g.last), peak: g.peakBytes,
      swap: g.last.swapBytes, slope: Number(g.slopeMBPerHour.toFixed(1)), r2: Number(g.fit!.r2.toFixed(3)),
      n: g.fit!.n, restarts: g.restarts.length,
    })),
  };
}

export const processLeakAudit: Audit = {
  id: 'process-leak',
  title: 'Process not freeing memory',
  requires: ['procs-series'],
  run(ctx) {
    const t = ctx.timeline;
    const leaks = ctx.computed.get(leakingProcesses);
    const dirty = ctx.computed.get(privateDirtyLeaks).filter((d) => !leaks.some((g) => g.pids.includes(d.pid)));
    const avail = lastMeminfo(t)?.data.MemAvailable ?? null;
    const signals = leaks.map((g, i) => leakSignal(t, g, i === 0 && leaks.length > 1, avail));
    for (const d of dirty) {
      signals.push({
        severity: 'warning',
        text: `${d.comm} (pid ${d.pid}) Private_Dirty grew from ${formatBytes(d.firstBytes)} to ${formatBytes(d.lastBytes)} at ${fmtMBh(slopeMBPerHour(d.fit!))} (r² ${d.fit!.r2.toFixed(2)}): a growing private heap.`,
        evidence: [
          { source: d.source, time: iso(d.firstTime), text: `pid ${d.pid} Private_Dirty ${formatBytes(d.firstBytes)}` },
          { source: d.source, time: iso(d.lastTime), text: `pid ${d.pid} Private_Dirty ${formatBytes(d.lastBytes)}` },
        ],
      });
    }
    const title = leaks[0] ? `${leaks[0].comm} (pid ${leaks[0].pid}) is leaking ${fmtMBh(leaks[0].slopeMBPerHour)}` : 'A process heap keeps growing';
    return composeFinding('process-leak', title, signals, { details: leaks.length > 0 ? [leakTable(leaks)] : [] });
  },
};
