/**
 * An audit gathers signals (one observation each, with its severity, evidence and fixes) and
 * folds them into its one finding: the worst severity wins, the summary reads worst-first.
 */
import type { DetailsTable, Evidence, Finding, FindingId, FindingSeverity, Remediation } from '../model/report.js';

export interface Signal {
  severity: FindingSeverity;
  /** One or two sentences with the numbers. */
  text: string;
  evidence: Evidence[];
  remediation?: Remediation[];
}

const RANK: Record<FindingSeverity, number> = { critical: 2, warning: 1, info: 0 };

export function worst(severities: FindingSeverity[]): FindingSeverity {
  return severities.reduce<FindingSeverity>((a, b) => (RANK[b] > RANK[a] ? b : a), 'info');
}

export function composeFinding(
  id: FindingId,
  title: string,
  signals: Signal[],
  extra: { remediation?: Remediation[]; details?: DetailsTable[] } = {},
): Finding | null {
  if (signals.length === 0) return null;
  const ordered = [...signals].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  const seen = new Set<string>();
  const remediation = [...ordered.flatMap((s) => s.remediation ?? []), ...(extra.remediation ?? [])].filter((r) => {
    const key = `${r.text}\u0000${r.command ?? ''}\u0000${r.file?.path ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    id,
    severity: worst(ordered.map((s) => s.severity)),
    title,
    summary: ordered.map((s) => s.text).join(' '),
    evidence: ordered.flatMap((s) => s.evidence),
    remediation,
    ...(extra.details && extra.details.length > 0 ? { details: extra.details } : {}),
  };
}
