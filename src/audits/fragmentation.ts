/**
 * fragmentation (runbook Root Cause 3): free memory exists but not in contiguous blocks. Free blocks
 * per order per zone (buddyinfo), page allocation failures and their order, compaction stalls and
 * failures, and THP in `always` mode.
 */
import { formatBytes } from '../format/bytes.js';
import type { BuddyZone } from '../model/sources.js';
import type { DetailsTable, Remediation } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { eventsOfType } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { eventEvidence, sampleEvidence } from './format.js';
import { sysctlConfRemediation } from './remediation.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

const COMPACT: Remediation[] = [
  { text: 'Compact memory once now: the kernel moves pages to rebuild large free blocks.', command: 'echo 1 > /proc/sys/vm/compact_memory' },
  { text: 'Enable proactive background compaction (0 = off, 100 = aggressive; 20 keeps CPU cost low).', command: 'sysctl -w vm.compaction_proactiveness=20' },
  sysctlConfRemediation(['vm.compaction_proactiveness']),
];
const THP_MADVISE: Remediation = {
  text: 'Let only applications that ask (madvise) get transparent huge pages, so the kernel stops promoting pages that do not benefit.',
  command: 'echo madvise > /sys/kernel/mm/transparent_hugepage/enabled',
};

/** Highest order with a free block, or -1 when the zone has none. */
export function highestOrder(z: BuddyZone): number {
  for (let o = z.freeByOrder.length - 1; o >= 0; o--) if (z.freeByOrder[o]! > 0) return o;
  return -1;
}

function zoneSignals(t: Timeline): { signals: Signal[]; table: DetailsTable | null; highest: Map<string, number> } {
  const sample = t.artifacts.buddyinfo.at(-1);
  const highest = new Map<string, number>();
  if (!sample) return { signals: [], table: null, highest };
  const page = t.info.pageSizeBytes;
  const signals: Signal[] = [];
  for (const z of sample.data) {
    const top = highestOrder(z);
    highest.set(z.zone, top);
    // DMA is a few MiB kept for legacy devices; its free lists say nothing about the machine.
    if (z.zone === 'DMA' || top >= th('thpOrder')) continue;
    const freeBytes = z.freeByOrder.reduce((sum, n, o) => sum + n * page * 2 ** o, 0);
    signals.push({
      severity: 'warning',
      text: `Node ${z.node} zone ${z.zone} has ${formatBytes(freeBytes)} free but no block above order ${top} (${formatBytes(page * 2 ** Math.max(top, 0))}): `
        + `allocations of order ${top + 1} and up, huge pages included, must wait for compaction.`,
      evidence: [sampleEvidence(sample, `Node ${z.node}, zone ${z.zone}: ${z.freeByOrder.join(' ')}`)],
      remediation: COMPACT,
    });
  }
  const orders = Math.max(...sample.data.map((z) => z.freeByOrder.length));
  const table: DetailsTable = {
    type: 'table',
    title: 'Free blocks per order (buddyinfo)',
    headings: [{ key: 'zone', label: 'Zone', unit: 'text' }, ...Array.from({ length: orders }, (_, o) => ({ key: `o${o}`, label: `order ${o}`, unit: 'count' as const }))],
    rows: sample.data.map((z) => Object.fromEntries([['zone', `Node ${z.node} ${z.zone}`], ...z.freeByOrder.map((n, o) => [`o${o}`, n])])),
  };
  return { signals, table, highest };
}

function allocFailureSignals(t: Timeline, highest: Map<string, number>): Signal[] {
  const failures = eventsOfType(t, 'alloc-failure');
  if (failures.length === 0) return [];
  const maxOrder = Math.max(...failures.map((f) => f.order));
  const normalTop = highest.get('Normal');
  const confirmed = normalTop !== undefined && normalTop < maxOrder;
  const comms = [...new Set(failures.map((f) => f.comm))].join(', ');
  return [{
    severity: failures.length >= 3 || confirmed ? 'critical' : 'warning',
    text: `${failures.length} page allocation failure(s) in the kernel log, up to order ${maxOrder} (${formatBytes(t.info.pageSizeBytes * 2 ** maxOrder)} contiguous), by ${comms}.`
      + (confirmed ? ` buddyinfo confirms it: the Normal zone has nothing above order ${normalTop}.` : ''),
    evidence: failures.slice(0, 5).map(eventEvidence),
    remediation: COMPACT,
  }];
}

function compactionSignals(t: Timeline): Signal[] {
  const stall = t.rates.get('compact_stall'), fail = t.rates.get('compact_fail');
  if (!stall || !fail || stall.totalIncrease === 0) return [];
  const fraction = fail.totalIncrease / stall.totalIncrease;
  if (fraction < th('compactFailFraction')) return [];
  return [{
    severity: 'warning',
    text: `${fail.totalIncrease} of ${stall.totalIncrease} direct compactions failed (${Math.round(fraction * 100)}%) during the capture: compaction cannot keep up.`,
    evidence: [{ source: 'series/vmstat', text: `compact_stall +${stall.totalIncrease}, compact_fail +${fail.totalIncrease}` }],
    remediation: COMPACT,
  }];
}

function thpSignals(t: Timeline, fragmented: boolean): Signal[] {
  if (t.artifacts.thpEnabled?.selected !== 'always') return [];
  return [{
    severity: fragmented ? 'warning' : 'info',
    text: 'Transparent huge pages are set to always: the kernel tries to promote every eligible region, which adds fragmentation pressure.',
    evidence: [{ source: 'sys/kernel/mm/transparent_hugepage/enabled', text: t.artifacts.thpEnabled.options.map((o) => (o === 'always' ? '[always]' : o)).join(' ') }],
    remediation: [THP_MADVISE],
  }];
}

export const fragmentationAudit: Audit = {
  id: 'fragmentation',
  title: 'Memory fragmentation',
  requires: [['buddyinfo', 'kernel-log']],
  run(ctx) {
    const t = ctx.timeline;
    const zones = zoneSignals(t);
    const signals = [...zones.signals, ...allocFailureSignals(t, zones.highest), ...compactionSignals(t)];
    signals.push(...thpSignals(t, signals.length > 0));
    return composeFinding('fragmentation', 'Memory is fragmented', signals, { details: zones.table ? [zones.table] : [] });
  },
};
