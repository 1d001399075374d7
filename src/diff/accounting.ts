/** Where the memory went on each side: the mean of each accounting category over the capture. */
import { ACCOUNTING_CATEGORIES, ACCOUNTING_LABELS, computeAccounting, type AccountingCategory } from '../computed/accounting.js';
import type { AnalyzedSide } from './analyzed-side.js';
import type { AccountingRow } from './types.js';

function meanBytes(s: AnalyzedSide, category: AccountingCategory): number | null {
  const points = s.computed.get(computeAccounting);
  if (points.length === 0) return null;
  return points.reduce((sum, p) => sum + p.bytes[category], 0) / points.length;
}

export function compareAccounting(before: AnalyzedSide, after: AnalyzedSide): AccountingRow[] {
  return ACCOUNTING_CATEGORIES.map((category) => {
    const b = meanBytes(before, category), a = meanBytes(after, category);
    return { category, label: ACCOUNTING_LABELS[category], beforeBytes: b, afterBytes: a, changeBytes: b === null || a === null ? null : a - b };
  });
}
