/**
 * memory-accounting: where the memory went, first sample vs last (formula and caveats in
 * src/computed/accounting.ts). A large or growing unexplained remainder is the "memory is just
 * gone" case: pages held outside every meminfo line, typically by a driver.
 */
import { formatBytes } from '../format/bytes.js';
import { ACCOUNTING_CATEGORIES, ACCOUNTING_LABELS, computeAccounting, type AccountingCategory } from '../computed/accounting.js';
import type { DetailsTable } from '../model/report.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtPct, fmtWhen, iso, sampleEvidence } from './format.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

const USED: AccountingCategory[] = ACCOUNTING_CATEGORIES.filter((c) => c !== 'free' && c !== 'unexplained');

export const memoryAccountingAudit: Audit = {
  id: 'memory-accounting',
  title: 'Where the memory went',
  requires: ['meminfo'],
  run(ctx) {
    const t = ctx.timeline;
    const points = ctx.computed.get(computeAccounting);
    const first = points[0], last = points.at(-1);
    if (!first || !last) return null;
    const total = last.memTotalBytes;
    const delta = (c: AccountingCategory) => last.bytes[c] - first.bytes[c];
    const biggest = [...USED].sort((a, b) => last.bytes[b] - last.bytes[a])[0]!;
    const grower = points.length > 1 ? [...USED, 'unexplained' as const].sort((a, b) => delta(b) - delta(a))[0]! : null;
    const unexplained = last.bytes.unexplained;
    const unexplainedPct = (100 * unexplained) / total;
    const signals: Signal[] = [{
      severity: 'info',
      text: `At ${fmtWhen(t, last.time)} the largest use was ${ACCOUNTING_LABELS[biggest]}: ${formatBytes(last.bytes[biggest])} (${fmtPct(last.bytes[biggest], total)} of ${formatBytes(total)}); free ${formatBytes(last.bytes.free)}.`
        + (grower && delta(grower) > 0 ? ` Over the capture ${ACCOUNTING_LABELS[grower]} grew most, by ${formatBytes(delta(grower))}.` : ''),
      evidence: [sampleEvidence(last, `MemTotal ${formatBytes(total)}, ${USED.map((c) => `${c} ${formatBytes(last.bytes[c])}`).join(', ')}`)],
    }];
    if (unexplainedPct >= th('unexplainedWarnPct')) {
      signals.push({
        severity: unexplainedPct >= th('unexplainedCritPct') ? 'critical' : 'warning',
        text: `${formatBytes(unexplained)} (${unexplainedPct.toFixed(1)}% of MemTotal) is in no meminfo line: memory held outside slab and page cache, typically by a driver or kernel module allocating pages directly. Nothing in top or slabtop will show it.`,
        evidence: [sampleEvidence(last, `MemTotal − listed lines = ${formatBytes(unexplained)}`)],
        remediation: [{ text: 'Look for the holder: per-driver counters, GPU/RDMA/balloon drivers, and kernel modules loaded around when the remainder started growing.', command: 'cat /proc/vmallocinfo | sort -k2 -n | tail; lsmod' }],
      });
    }
    const table: DetailsTable = {
      type: 'table',
      title: 'Memory accounting (first and last sample)',
      headings: [{ key: 'category', label: 'Category', unit: 'text' }, { key: 'first', label: iso(first.time), unit: 'bytes' }, { key: 'last', label: iso(last.time), unit: 'bytes' }, { key: 'delta', label: 'Change', unit: 'bytes' }],
      rows: ACCOUNTING_CATEGORIES.map((c) => ({ category: ACCOUNTING_LABELS[c], first: first.bytes[c], last: last.bytes[c], delta: delta(c) })),
    };
    return composeFinding('memory-accounting', 'Where the memory went', signals, { details: [table] });
  },
};
