/**
 * mmap-retention (runbook Root Cause 7): file-backed mappings that hold page cache in RSS. Large
 * Shared_Clean/Private_Clean in smaps_rollup, and the same file mapped many times within one process
 * and across processes, named with totals.
 */
import { formatBytes } from '../format/bytes.js';
import { shellQuote } from '../format/quoting.js';
import { lastMeminfo } from '../computed/series.js';
import type { DetailsTable } from '../model/report.js';
import type { MapsRegion, SmapsRollup } from '../model/sources.js';
import type { Timeline } from '../model/timeline.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtPct } from './format.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

interface ProcMaps { pid: number; comm: string; rollup: SmapsRollup | null; maps: MapsRegion[] }

/** One-shot captures, plus the latest series/smaps_rollup entry for pids with no capture. */
function processesWithMaps(t: Timeline): ProcMaps[] {
  const out: ProcMaps[] = t.artifacts.processes
    .filter((p) => p.smapsRollup !== null || p.maps !== null)
    .map((p) => ({ pid: p.pid, comm: p.status?.name ?? `pid ${p.pid}`, rollup: p.smapsRollup, maps: p.maps ?? [] }));
  for (const e of t.artifacts.smapsRollup.at(-1)?.data ?? []) {
    if (!out.some((p) => p.pid === e.pid)) out.push({ pid: e.pid, comm: e.comm, rollup: e.rollup, maps: [] });
  }
  return out;
}

/** Mapped files are real paths; [heap], anonymous regions and SysV segments are not. */
const isFile = (r: MapsRegion) => r.pathname.startsWith('/') && !r.pathname.startsWith('/SYSV');

interface FileUse { path: string; pid: number; count: number; mappedBytes: number }

function fileUses(procs: ProcMaps[]): FileUse[] {
  const uses: FileUse[] = [];
  for (const p of procs) {
    const byPath = new Map<string, FileUse>();
    for (const r of p.maps.filter(isFile)) {
      const u = byPath.get(r.pathname) ?? { path: r.pathname, pid: p.pid, count: 0, mappedBytes: 0 };
      u.count++;
      u.mappedBytes += r.sizeBytes;
      byPath.set(r.pathname, u);
    }
    uses.push(...byPath.values());
  }
  // Shared libraries map 4–5 small segments each; only large files count as retention.
  return uses.filter((u) => u.mappedBytes >= th('mmapRepeatMinBytes'));
}

const clean = (r: SmapsRollup) => (r.Shared_Clean ?? 0) + (r.Private_Clean ?? 0);
/** RSS counts a shared page once per mapping process; Pss_File splits it, so it is the page cache really pinned. */
const pinnedOf = (r: SmapsRollup) => r.Pss_File ?? clean(r);

function rollupSignals(procs: ProcMaps[], memTotal: number | null): Signal[] {
  return procs.filter((p) => p.rollup && clean(p.rollup) >= th('mmapLargeBytes')).map((p) => {
    const r = p.rollup!;
    return {
      severity: memTotal && (100 * pinnedOf(r)) / memTotal >= th('mmapWarnPct') ? 'warning' : 'info',
      text: `${p.comm} (pid ${p.pid}) has ${formatBytes(r.Rss ?? 0)} RSS of which ${formatBytes(r.Shared_Clean ?? 0)} Shared_Clean and ${formatBytes(r.Private_Clean ?? 0)} Private_Clean`
        + `${(r.Shared_Dirty ?? 0) > 0 ? ` and ${formatBytes(r.Shared_Dirty!)} Shared_Dirty` : ''}: file-backed mapped pages, counted as page cache, not anonymous memory`
        + `${r.Pss_File !== undefined ? ` (its fair share, Pss_File, is ${formatBytes(r.Pss_File)})` : ''}.`,
      evidence: [{ source: `proc/${p.pid}/smaps_rollup`, text: `Rss ${formatBytes(r.Rss ?? 0)}, Pss ${formatBytes(r.Pss ?? 0)}, Shared_Clean ${formatBytes(r.Shared_Clean ?? 0)}, Private_Clean ${formatBytes(r.Private_Clean ?? 0)}, Anonymous ${formatBytes(r.Anonymous ?? 0)}` }],
    } satisfies Signal;
  });
}

function repeatSignals(uses: FileUse[], procs: ProcMaps[], memTotal: number | null): Signal[] {
  const byPath = new Map<string, FileUse[]>();
  for (const u of uses) byPath.set(u.path, [...(byPath.get(u.path) ?? []), u]);
  const signals: Signal[] = [];
  for (const [path, list] of byPath) {
    const mappings = list.reduce((s, u) => s + u.count, 0);
    if (mappings < 2) continue;
    const total = list.reduce((s, u) => s + u.mappedBytes, 0);
    const within = list.filter((u) => u.count > 1).map((u) => `${u.count}× in pid ${u.pid}`).join(', ');
    const rollups = list.map((u) => procs.find((p) => p.pid === u.pid)?.rollup ?? {});
    const rss = rollups.reduce((sum, r) => sum + clean(r), 0);
    const pinned = rollups.reduce((sum, r) => sum + pinnedOf(r), 0);
    signals.push({
      severity: memTotal && (100 * pinned) / memTotal >= th('mmapWarnPct') ? 'warning' : 'info',
      text: `${path} is mapped ${mappings} times${list.length > 1 ? ` across ${list.length} processes` : ''}${within ? ` (${within})` : ''}: ${formatBytes(total)} of address space; `
        + `those processes show ${formatBytes(rss)} of clean file-backed RSS, and the page cache they pin (their Pss_File) is ${formatBytes(pinned)}`
        + `${memTotal ? ` (${fmtPct(pinned, memTotal)} of MemTotal)` : ''}.`,
      evidence: list.map((u) => ({ source: `proc/${u.pid}/maps`, text: `${u.count} mapping(s) of ${path}, ${formatBytes(u.mappedBytes)}` })),
      remediation: [{
        text: `In the application: map ${path} once and share the mapping, call munmap() after use, or read and release instead of keeping the whole file mapped for the process lifetime.`,
        command: `grep -cF -e ${shellQuote(` ${path}`)} /proc/${list[0]!.pid}/maps`,
      }],
    });
  }
  return signals;
}

function usesTable(uses: FileUse[], procs: ProcMaps[]): DetailsTable {
  return {
    type: 'table',
    title: 'Large mapped files',
    headings: [{ key: 'path', label: 'File', unit: 'text' }, { key: 'pid', label: 'PID', unit: 'count' }, { key: 'comm', label: 'Command', unit: 'text' }, { key: 'count', label: 'Mappings', unit: 'count' }, { key: 'size', label: 'Mapped', unit: 'bytes' }],
    rows: uses.map((u) => ({ path: u.path, pid: u.pid, comm: procs.find((p) => p.pid === u.pid)?.comm ?? null, count: u.count, size: u.mappedBytes })),
  };
}

export const mmapRetentionAudit: Audit = {
  id: 'mmap-retention',
  title: 'Memory-mapped files not released',
  requires: ['smaps'],
  run(ctx) {
    const t = ctx.timeline;
    const memTotal = lastMeminfo(t)?.data.MemTotal ?? null;
    const procs = processesWithMaps(t);
    const uses = fileUses(procs);
    const signals = [...repeatSignals(uses, procs, memTotal), ...rollupSignals(procs, memTotal)];
    const top = uses.sort((a, b) => b.mappedBytes - a.mappedBytes)[0];
    return composeFinding('mmap-retention', top ? `${top.path} is mapped repeatedly` : 'Large file-backed mappings', signals, { details: uses.length > 0 ? [usesTable(uses, procs)] : [] });
  },
};
