/**
 * tmpfs-shm (runbook Root Cause 6): RAM held by tmpfs files and SysV segments, which no process RSS
 * shows. Full or unlimited tmpfs mounts with their largest files, SysV segments with nattch 0 or
 * `dest` and their owners, and meminfo's Shmem reconciled with both.
 */
import { formatBytes } from '../format/bytes.js';
import { fstabField, shellQuote } from '../format/quoting.js';
import { lastMeminfo } from '../computed/series.js';
import type { DfRow } from '../model/sources.js';
import type { DetailsTable, Evidence } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { artifactPath } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtPct, sampleEvidence } from './format.js';
import { sizeText } from './remediation.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

/** The biggest entries below the mount; `du -a` also lists the mount itself (its total), which is no answer. */
function largestFiles(t: Timeline, mountpoint: string): string {
  const files = t.artifacts.shmFiles
    .filter((f) => f.path.startsWith(mountpoint.endsWith('/') ? mountpoint : `${mountpoint}/`))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  return files.length > 0 ? ` Largest: ${files.map((f) => `${f.path} (${formatBytes(f.bytes)})`).join(', ')}.` : '';
}

function hasSizeOption(t: Timeline, mountpoint: string): boolean | null {
  const m = t.artifacts.mounts?.find((e) => e.mountpoint === mountpoint && e.fstype === 'tmpfs');
  return m ? m.options.size !== undefined : null;
}

function tmpfsSignals(t: Timeline, memTotal: number | null): Signal[] {
  const rows = (t.artifacts.df ?? []).filter((r) => r.type === 'tmpfs');
  const signals: Signal[] = [];
  for (const r of rows) {
    const full = r.sizeBytes > 0 && (100 * r.usedBytes) / r.sizeBytes >= th('tmpfsFullPct');
    const sizeOpt = hasSizeOption(t, r.mountpoint);
    const unlimited = sizeOpt === false || (memTotal !== null && (100 * r.sizeBytes) / memTotal >= th('tmpfsUnlimitedSharePct'));
    if (!full && !(unlimited && r.usedBytes > 0)) continue;
    const ramShare = memTotal ? (100 * r.usedBytes) / memTotal : 0;
    const size = sizeText(Math.min(r.usedBytes * (1 + th('memoryMaxMarginFraction')), memTotal ? memTotal / 2 : Infinity), th('tmpfsSizeRoundBytes'));
    signals.push({
      severity: ramShare >= th('tmpfsRamShareCritPct') ? 'critical' : full ? 'warning' : 'info',
      text: `tmpfs ${r.mountpoint} holds ${formatBytes(r.usedBytes)} of RAM${memTotal ? ` (${fmtPct(r.usedBytes, memTotal)} of MemTotal)` : ''}, `
        + `${r.sizeBytes > 0 ? `${fmtPct(r.usedBytes, r.sizeBytes)} of its ${formatBytes(r.sizeBytes)} size` : 'no size'}${unlimited ? ', with no deliberate size= limit' : ''}.`
        + largestFiles(t, r.mountpoint),
      evidence: [dfEvidence(t, r)],
      remediation: [{
        text: `Cap ${r.mountpoint} (the observed ${formatBytes(r.usedBytes)} plus 25%) so a runaway writer gets ENOSPC instead of eating RAM; remount or reboot to apply. Then clean up what the writer left.`,
        file: { path: '/etc/fstab', content: `tmpfs ${fstabField(r.mountpoint)} tmpfs defaults,size=${size.toLowerCase()},noexec,nosuid 0 0\n` },
        command: `mount -o remount,size=${size.toLowerCase()} ${shellQuote(r.mountpoint)}`,
      }],
    });
  }
  return signals;
}

function dfEvidence(t: Timeline, r: DfRow): Evidence {
  return { source: artifactPath(t, /df/, 'commands/df'), text: `${r.filesystem} ${r.type} ${Math.round(r.sizeBytes / 1024)} ${Math.round(r.usedBytes / 1024)} ${Math.round(r.availBytes / 1024)} ${r.usePercent ?? '-'}% ${r.mountpoint}` };
}

interface Segment { shmid: number; key: string; owner: string; bytes: number; rssBytes: number | null; nattch: number; dest: boolean; cpid: number | null; lpid: number | null }

/** ipcs -m, ipcs -m -p and /proc/sysvipc/shm merged by shmid (insights-core's combiner idea). */
function segments(t: Timeline): Segment[] {
  const pids = new Map((t.artifacts.ipcsShmPids ?? []).map((p) => [p.shmid, p]));
  const sysv = new Map((t.artifacts.sysvShm ?? []).map((s) => [s.shmid, s]));
  const ids = new Set([...(t.artifacts.ipcsShm ?? []).map((r) => r.shmid), ...sysv.keys()]);
  return [...ids].map((shmid) => {
    const row = t.artifacts.ipcsShm?.find((r) => r.shmid === shmid);
    const s = sysv.get(shmid);
    return {
      shmid,
      key: row?.key ?? s?.keyHex ?? '?',
      owner: row?.owner ?? (s ? `uid ${s.uid}` : '?'),
      bytes: row?.bytes ?? s?.sizeBytes ?? 0,
      rssBytes: s?.rssBytes ?? null,
      nattch: row?.nattch ?? s?.nattch ?? 0,
      dest: row?.status.includes('dest') ?? s?.dest ?? false,
      cpid: pids.get(shmid)?.cpid ?? s?.cpid ?? null,
      lpid: pids.get(shmid)?.lpid ?? s?.lpid ?? null,
    };
  });
}

function sysvSignals(t: Timeline, segs: Segment[], memTotal: number | null): Signal[] {
  const source = artifactPath(t, /ipcs|sysvipc/, 'commands/ipcs_m');
  return segs.filter((s) => s.nattch === 0 || s.dest).map((s) => {
    const held = s.rssBytes ?? s.bytes;
    const severity = memTotal && (100 * held) / memTotal >= th('sysvOrphanWarnPct') ? 'warning' : 'info';
    const owners = `created by pid ${s.cpid ?? '?'}, last used by pid ${s.lpid ?? '?'}`;
    const state = s.dest
      ? `is marked for deletion (dest) but still attached ${s.nattch} time(s), so its memory stays until pid ${s.lpid ?? '?'} detaches or exits`
      : 'has no process attached (nattch 0) and persists until removed or reboot';
    return {
      severity,
      text: `SysV segment ${s.shmid} (key ${s.key}, owner ${s.owner}, ${formatBytes(s.bytes)}${s.rssBytes !== null ? `, ${formatBytes(s.rssBytes)} resident` : ''}) ${state}; ${owners}.`,
      evidence: [{ source, text: `${s.key} ${s.shmid} ${s.owner} ${s.bytes} ${s.nattch}${s.dest ? ' dest' : ''}; cpid ${s.cpid ?? '?'} lpid ${s.lpid ?? '?'}` }],
      remediation: s.dest && s.nattch > 0
        ? [{ text: `Restart or stop the process still attached (pid ${s.lpid}) once it is confirmed orphaned; the segment is freed at its last detach.`, command: `ps -o pid,comm,args -p ${s.lpid}` }]
        : [{ text: `If the owning process (pid ${s.cpid}) is gone, remove segment ${s.shmid}; fix the application to clean up on exit (signal handlers, atexit).`, command: `ipcrm -m ${s.shmid}` }],
    } satisfies Signal;
  });
}

function reconcileSignal(t: Timeline, segs: Segment[]): Signal | null {
  const m = lastMeminfo(t);
  if (!m || m.data.Shmem === undefined || (t.artifacts.df === null && segs.length === 0)) return null;
  const tmpfsUsed = (t.artifacts.df ?? []).filter((r) => r.type === 'tmpfs').reduce((s, r) => s + r.usedBytes, 0);
  const sysvRss = segs.reduce((s, g) => s + (g.rssBytes ?? g.bytes), 0);
  const rest = m.data.Shmem - tmpfsUsed - sysvRss;
  return {
    severity: 'info',
    text: `Shmem ${formatBytes(m.data.Shmem)} = tmpfs ${formatBytes(tmpfsUsed)} + SysV ${formatBytes(sysvRss)} + ${formatBytes(rest)} other (POSIX shm, memfd, shared anonymous mappings, devtmpfs).`,
    evidence: [sampleEvidence(m, `Shmem ${formatBytes(m.data.Shmem)}`)],
  };
}

function segmentTable(segs: Segment[]): DetailsTable {
  return {
    type: 'table',
    title: 'SysV shared memory segments',
    headings: [
      { key: 'shmid', label: 'shmid', unit: 'count' }, { key: 'key', label: 'Key', unit: 'text' }, { key: 'owner', label: 'Owner', unit: 'text' },
      { key: 'bytes', label: 'Size', unit: 'bytes' }, { key: 'rss', label: 'Resident', unit: 'bytes' }, { key: 'nattch', label: 'nattch', unit: 'count' },
      { key: 'status', label: 'Status', unit: 'text' }, { key: 'cpid', label: 'Creator PID', unit: 'count' }, { key: 'lpid', label: 'Last-op PID', unit: 'count' },
    ],
    rows: segs.map((s) => ({ shmid: s.shmid, key: s.key, owner: s.owner, bytes: s.bytes, rss: s.rssBytes, nattch: s.nattch, status: s.dest ? 'dest' : '', cpid: s.cpid, lpid: s.lpid })),
  };
}

export const tmpfsShmAudit: Audit = {
  id: 'tmpfs-shm',
  title: 'tmpfs and shared memory consuming RAM',
  requires: [['df', 'ipcs']],
  run(ctx) {
    const t = ctx.timeline;
    const memTotal = lastMeminfo(t)?.data.MemTotal ?? null;
    const segs = segments(t);
    const signals = [...tmpfsSignals(t, memTotal), ...sysvSignals(t, segs, memTotal)];
    if (signals.length === 0) return null;
    const reconcile = reconcileSignal(t, segs);
    if (reconcile) signals.push(reconcile);
    return composeFinding('tmpfs-shm', 'tmpfs and shared memory hold RAM', signals, { details: segs.length > 0 ? [segmentTable(segs)] : [] });
  },
};
