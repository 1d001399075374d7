/**
 * slab-growth (runbook Root Cause 2): kernel slab that no process RSS shows. Slab and SUnreclaim
 * as a share of MemTotal, the largest caches, each cache's growth, and a named diagnosis when the
 * dentry or inode caches explode.
 */
import { formatBytes } from '../format/bytes.js';
import { slabCacheGrowth, type SlabCacheGrowth } from '../computed/slab-growth.js';
import { lastMeminfo } from '../computed/series.js';
import type { Sample } from '../model/artifacts.js';
import type { DetailsTable, Remediation } from '../model/report.js';
import type { Meminfo } from '../model/sources.js';
import type { Timeline } from '../model/timeline.js';
import { eventsOfType } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { eventEvidence, fmtPct, fmtWhen, iso, sampleEvidence } from './format.js';
import { sysctlConfRemediation } from './remediation.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

const VFS_CACHE = /^(dentry|inode_cache|.*_inode_cache|.*_inode)$/;

const DROP_SLAB: Remediation = {
  text: 'Reclaim dentries and inodes now (the page cache stays); use 3 to drop the page cache too, at the cost of re-reading it from disk.',
  command: 'echo 2 > /proc/sys/vm/drop_caches',
};
const VFS_PRESSURE: Remediation = {
  text: 'Reclaim dentry and inode caches twice as aggressively as the default 100.',
  command: 'sysctl -w vm.vfs_cache_pressure=200',
};
const BASELINE: Remediation = {
  text: 'After a fresh restart under representative load, save a slab baseline to diff against next time.',
  command: 'slabtop -o > /root/slab_baseline_$(date +%Y%m%d).txt',
};

/** The meminfo sample with the most Slab: the worst moment, which drop_caches may have undone since. */
function peakSlabSample(t: Timeline): Sample<Meminfo> | null {
  return t.artifacts.meminfo.reduce<Sample<Meminfo> | null>((a, s) => ((s.data.Slab ?? 0) > (a?.data.Slab ?? -1) ? s : a), null);
}

function shareSignals(t: Timeline): Signal[] {
  const peak = peakSlabSample(t);
  const total = peak?.data.MemTotal;
  if (!peak || !total || peak.data.Slab === undefined) return [];
  const slab = peak.data.Slab, unrecl = peak.data.SUnreclaim ?? 0, recl = peak.data.SReclaimable ?? 0;
  const pct = (100 * slab) / total, unreclPct = (100 * unrecl) / total;
  const severity = pct >= th('slabShareCritPct') ? 'critical' : pct >= th('slabShareWarnPct') || unreclPct >= th('sUnreclaimShareWarnPct') ? 'warning' : 'info';
  const text = `Slab peaked at ${formatBytes(slab)} (${fmtPct(slab, total)} of MemTotal) at ${fmtWhen(t, peak.time)}: `
    + `${formatBytes(recl)} reclaimable, ${formatBytes(unrecl)} unreclaimable (${fmtPct(unrecl, total)}).`
    + (unreclPct >= th('sUnreclaimShareWarnPct') ? ' Unreclaimable slab cannot be given back: drop_caches will not help; look for the cache\'s owner (a driver or module, kmemleak).' : '');
  const evidence = [sampleEvidence(peak, `Slab ${formatBytes(slab)}, SReclaimable ${formatBytes(recl)}, SUnreclaim ${formatBytes(unrecl)}`)];
  const last = lastMeminfo(t);
  if (last && last !== peak && last.data.Slab !== undefined) evidence.push(sampleEvidence(last, `Slab ${formatBytes(last.data.Slab)} at the last sample`));
  return [{ severity, text, evidence }];
}

/** Caches that grew tenfold within the capture, or that alone hold a slabShareWarnPct share of RAM (grown before it). */
function explodedCaches(caches: SlabCacheGrowth[], memTotal: number | null): SlabCacheGrowth[] {
  return caches.filter((c) => (c.growthFactor >= th('slabExplosionFactor') && c.peakBytes - c.firstBytes >= th('slabExplosionMinBytes'))
    || (memTotal !== null && (100 * c.peakBytes) / memTotal >= th('slabShareWarnPct')));
}

function explosionSignals(t: Timeline, exploded: SlabCacheGrowth[], memTotal: number | null): Signal[] {
  const source = t.artifacts.slabinfo[0]?.source ?? 'proc/slabinfo';
  return exploded.map((c) => {
    const vfs = VFS_CACHE.test(c.name);
    const share = memTotal ? ` (${fmtPct(c.peakBytes, memTotal)} of MemTotal)` : '';
    const fell = c.lastBytes < c.peakBytes / 2 ? ` By the last sample it was back to ${formatBytes(c.lastBytes)}, so it was reclaimable.` : '';
    const growth = c.growthFactor >= th('slabExplosionFactor')
      ? `grew ${Number.isFinite(c.growthFactor) ? `${Math.round(c.growthFactor)}×` : 'from empty'}, from ${formatBytes(c.firstBytes)} to ${formatBytes(c.peakBytes)}${share}`
      : `holds ${formatBytes(c.peakBytes)}${share} at its peak, ${formatBytes(c.firstBytes)} at the first sample,`;
    const text = `${vfs ? `${c.name} cache explosion: ` : ''}${c.name} ${growth} with ${c.peakActiveObjs.toLocaleString('en-US')} active objects.`
      + (vfs ? ' Something stats or opens huge numbers of distinct paths (log processors, scanners, backup agents, NFS or overlayfs).' : '')
      + fell;
    const severity = memTotal && (100 * c.peakBytes) / memTotal >= th('slabShareWarnPct') ? 'critical' : 'warning';
    return {
      severity,
      text,
      evidence: [
        { source, time: iso(c.firstTime), text: `${c.name}: ${formatBytes(c.firstBytes)}` },
        { source, time: iso(c.peakTime), text: `${c.name}: ${formatBytes(c.peakBytes)}, ${c.peakActiveObjs} active objects` },
      ],
      remediation: vfs ? [DROP_SLAB, VFS_PRESSURE, sysctlConfRemediation(['vm.vfs_cache_pressure']), BASELINE] : [BASELINE],
    } satisfies Signal;
  });
}

function dropCachesSignals(t: Timeline): Signal[] {
  return eventsOfType(t, 'drop-caches').map((e) => ({
    severity: 'info',
    text: `${e.comm} (pid ${e.pid}) ran drop_caches ${e.value}${e.time !== null ? ` at ${fmtWhen(t, e.time)}` : ''}: samples after it understate what the caches had grown to.`,
    evidence: [eventEvidence(e)],
  }));
}

function cacheTable(caches: SlabCacheGrowth[]): DetailsTable {
  return {
    type: 'table',
    title: 'Largest slab caches',
    headings: [
      { key: 'name', label: 'Cache', unit: 'text' }, { key: 'first', label: 'First', unit: 'bytes' },
      { key: 'peak', label: 'Peak', unit: 'bytes' }, { key: 'last', label: 'Last', unit: 'bytes' },
      { key: 'objs', label: 'Active objects at peak', unit: 'count' }, { key: 'slope', label: 'Growth', unit: 'MB/h' },
    ],
    rows: caches.map((c) => ({
      name: c.name, first: c.firstBytes, peak: c.peakBytes, last: c.lastBytes, objs: c.peakActiveObjs,
      slope: Number(c.slopeMBPerHour.toFixed(1)),
    })),
  };
}

export const slabGrowthAudit: Audit = {
  id: 'slab-growth',
  title: 'Kernel slab cache growing',
  requires: [['meminfo', 'slabinfo']],
  run(ctx) {
    const t = ctx.timeline;
    const caches = [...ctx.computed.get(slabCacheGrowth)].sort((a, b) => b.peakBytes - a.peakBytes);
    const memTotal = lastMeminfo(t)?.data.MemTotal ?? null;
    const exploded = explodedCaches(caches, memTotal);
    const signals = [...shareSignals(t), ...explosionSignals(t, exploded, memTotal)];
    if (signals.every((s) => s.severity === 'info')) return null;
    signals.push(...dropCachesSignals(t));
    const title = exploded[0] ? `${exploded[0].name} cache explosion` : 'Slab holds a large share of memory';
    return composeFinding('slab-growth', title, signals, { details: caches.length > 0 ? [cacheTable(caches.slice(0, 10))] : [] });
  },
};
