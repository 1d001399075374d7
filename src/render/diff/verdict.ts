/**
 * The diff's headline, derived from memtrail-diff/1 so HTML and Markdown say the same: did the fix
 * work (resolved, nothing new), what still fails, what appeared, and the numbers that moved most.
 */
import type { DiffJson, DiffMetric } from '../../diff/types.js';
import type { FindingSeverity, KeyNumber } from '../../model/report.js';
import { formatMetricValue } from './format.js';

export interface DiffVerdict {
  severity: FindingSeverity | 'ok';
  label: string;
  text: string;
}

const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));

function worstAfter(diff: DiffJson, ids: string[]): FindingSeverity {
  const severities = diff.findings.checks.filter((c) => ids.includes(c.id)).map((c) => c.afterSeverity);
  return severities.includes('critical') ? 'critical' : 'warning';
}

export function diffVerdict(diff: DiffJson): DiffVerdict {
  const f = diff.findings;
  const counts = `Resolved: ${list(f.resolved)}. New: ${list(f.new)}. Still failing: ${list(f.persisting)}.`
    + (f.unverified.length > 0 ? ` Not re-checked (the after capture lacks the data): ${list(f.unverified)}.` : '');
  const flagged = diff.metrics.filter((m) => m.flagged).length;
  const tail = ` ${flagged} of ${diff.metrics.length} metrics changed by 2× or more; ${diff.config.length} setting(s) differ.`
    + (diff.warnings.length > 0 ? ` Read the ${diff.warnings.length} warning(s) above first.` : '');
  if (f.new.length > 0) return { severity: worstAfter(diff, f.new), label: 'Regressed', text: counts + tail };
  if (f.persisting.length > 0) return { severity: worstAfter(diff, f.persisting), label: 'Not fixed', text: counts + tail };
  if (f.unverified.length > 0) return { severity: 'warning', label: 'Unverified', text: counts + tail };
  if (f.resolved.length > 0) return { severity: 'ok', label: 'Fixed', text: counts + tail };
  return { severity: 'ok', label: 'No problem on either side', text: counts + tail };
}

/** Slopes and exhaustion first: they say whether the leak stopped; then the largest moves. */
const HEADLINE_GROUPS: DiffMetric['group'][] = ['slope', 'exhaustion', 'rate', 'pressure', 'peak', 'state'];
const HEADLINES_MAX = 4;

export function diffKeyNumbers(diff: DiffJson): KeyNumber[] {
  const f = diff.findings;
  const headlines = diff.metrics
    .filter((m) => m.flagged)
    .sort((a, b) => HEADLINE_GROUPS.indexOf(a.group) - HEADLINE_GROUPS.indexOf(b.group))
    .slice(0, HEADLINES_MAX)
    .map((m) => ({ label: m.name, value: `${formatMetricValue(m.before, m.unit)} → ${formatMetricValue(m.after, m.unit)}` }));
  return [
    { label: 'Resolved', value: String(f.resolved.length) },
    { label: 'New', value: String(f.new.length) },
    { label: 'Still failing', value: String(f.persisting.length) },
    { label: 'Metrics flagged (≥ 2×)', value: String(diff.metrics.filter((m) => m.flagged).length) },
    ...headlines,
  ];
}
