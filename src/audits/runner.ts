/**
 * Runs the audits over one timeline. The bookkeeping lives here, not in the audits: an unmet
 * requirement gives `not-enough-data` with the reason, an exception gives `error` (the other
 * audits still run), and derived data is memoised per run in the context's cache.
 */
import { ComputedCache } from '../computed/cache.js';
import type { AuditSummary, Finding } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { AUDITS } from './index.js';
import { INPUTS } from './inputs.js';
import type { Audit, AuditContext, Requirement } from './types.js';

function unmet(t: Timeline, req: Requirement): string | null {
  const names = typeof req === 'string' ? [req] : req;
  if (names.some((n) => INPUTS[n].present(t))) return null;
  return names.map((n) => INPUTS[n].describe).join(' or ');
}

function runOne(audit: Audit, ctx: AuditContext): { finding: Finding | null; summary: AuditSummary } {
  const base = { id: audit.id, title: audit.title };
  const missing = audit.requires.map((r) => unmet(ctx.timeline, r)).filter((m): m is string => m !== null);
  if (missing.length > 0) {
    return { finding: null, summary: { ...base, status: 'not-enough-data', reason: `needs ${missing.join('; and ')}` } };
  }
  try {
    const finding = audit.run(ctx);
    if (finding && finding.id !== audit.id) throw new Error(`audit returned a finding with id ${finding.id}`);
    const failed = finding !== null && finding.severity !== 'info';
    return { finding, summary: { ...base, status: failed ? 'fail' : 'pass' } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { finding: null, summary: { ...base, status: 'error', reason: message } };
  }
}

export function runAudits(
  t: Timeline,
  audits: readonly Audit[] = AUDITS,
  computed = new ComputedCache(t),
): { findings: Finding[]; audits: AuditSummary[] } {
  const ctx: AuditContext = { timeline: t, computed };
  const findings: Finding[] = [];
  const summaries: AuditSummary[] = [];
  for (const audit of audits) {
    const { finding, summary } = runOne(audit, ctx);
    if (finding) findings.push(finding);
    summaries.push(summary);
  }
  return { findings, audits: summaries };
}
