/** Top memory consumers (latest process table, else per-process captures) and the meminfo breakdown. */
import type { Timeline } from '../model/timeline.js';
import { columns, formatBytes, formatTime, safe, type Painter } from './format.js';

export const TOP_PROCESSES = 10;

/** meminfo fields shown, in the order a reader adds them up. */
const MEMINFO_FIELDS = [
  'MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'Cached', 'AnonPages', 'Shmem', 'Mapped',
  'Slab', 'SReclaimable', 'SUnreclaim', 'KernelStack', 'PageTables', 'SwapTotal', 'SwapFree', 'Committed_AS',
];

interface Consumer { pid: number; comm: string; rssBytes: number | null; swapBytes: number | null; oomScoreAdj: number | null }

function consumers(t: Timeline): { from: string; rows: Consumer[] } | null {
  const latest = t.artifacts.procs.at(-1);
  if (latest) return { from: `${latest.source} at ${formatTime(latest.time || null)}`, rows: latest.data };
  const captured = t.artifacts.processes.filter((c) => c.status !== null);
  if (captured.length === 0) return null;
  return {
    from: 'proc/<pid>/status',
    rows: captured.map((c) => ({ pid: c.pid, comm: c.status!.name ?? '?', rssBytes: c.status!.vmRssBytes, swapBytes: c.status!.vmSwapBytes, oomScoreAdj: c.oomScoreAdj })),
  };
}

export function topConsumersSection(t: Timeline, p: Painter): string[] {
  const found = consumers(t);
  if (!found) return [p('bold', 'Top memory consumers'), '  no process table in the bundle'];
  const top = [...found.rows].sort((a, b) => (b.rssBytes ?? 0) + (b.swapBytes ?? 0) - ((a.rssBytes ?? 0) + (a.swapBytes ?? 0))).slice(0, TOP_PROCESSES);
  const rows = [['PID', 'RSS', 'SWAP', 'OOM_ADJ', 'COMM'], ...top.map((r) => [String(r.pid), formatBytes(r.rssBytes), formatBytes(r.swapBytes), r.oomScoreAdj === null ? '-' : String(r.oomScoreAdj), safe(r.comm, 40)])];
  return [p('bold', 'Top memory consumers') + `  (${safe(found.from, 80)})`, ...columns(rows, [true, true, true, true])];
}

export function meminfoSection(t: Timeline, p: Painter): string[] {
  const latest = t.artifacts.meminfo.at(-1);
  if (!latest) return [p('bold', 'Meminfo'), '  no meminfo in the bundle'];
  const total = latest.data['MemTotal'];
  const rows = MEMINFO_FIELDS.filter((k) => latest.data[k] !== undefined).map((k) => {
    const v = latest.data[k]!;
    const share = total && k !== 'MemTotal' && !k.startsWith('Swap') && k !== 'Committed_AS' ? `${((100 * v) / total).toFixed(1)}%` : '';
    return [k, formatBytes(v), share];
  });
  return [p('bold', 'Meminfo') + `  (${safe(latest.source)} at ${formatTime(latest.time || null)})`, ...columns(rows, [false, true, true])];
}
