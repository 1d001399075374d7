/**
 * What became of each check between the two captures. A check "raises" when its audit failed
 * (a warning or critical finding, the runner's `fail`); an info finding is a note, not a problem,
 * so critical → info is resolved. "Resolved" needs proof: when the after capture lacks the data
 * (not-enough-data, error), the finding is `unverified`, never resolved.
 */
import type { AuditSummary, Finding, FindingId, ReportJson } from '../model/report.js';
import type { DiffFindings, FindingChange, FindingComparison } from './types.js';

function changeOf(before: AuditSummary | undefined, after: AuditSummary | undefined): FindingChange {
  const raisedBefore = before?.status === 'fail';
  const raisedAfter = after?.status === 'fail';
  if (raisedBefore && raisedAfter) return 'persisting';
  if (raisedAfter) return 'new';
  if (raisedBefore) return after?.status === 'pass' ? 'resolved' : 'unverified';
  return 'clear';
}

function byId<T extends { id: FindingId }>(items: T[]): Map<FindingId, T> {
  return new Map(items.map((i) => [i.id, i]));
}

export function compareFindings(before: ReportJson, after: ReportJson): DiffFindings {
  const auditsBefore = byId(before.audits), auditsAfter = byId(after.audits);
  const findingsBefore = byId<Finding>(before.findings), findingsAfter = byId<Finding>(after.findings);
  const ids = [...new Set([...auditsBefore.keys(), ...auditsAfter.keys()])];
  const checks = ids.map((id): FindingComparison => {
    const ab = auditsBefore.get(id), aa = auditsAfter.get(id);
    const fb = findingsBefore.get(id), fa = findingsAfter.get(id);
    return {
      id,
      title: (ab ?? aa)!.title,
      change: changeOf(ab, aa),
      beforeStatus: ab?.status ?? null,
      afterStatus: aa?.status ?? null,
      beforeSeverity: fb?.severity ?? null,
      afterSeverity: fa?.severity ?? null,
      beforeSummary: fb?.summary ?? null,
      afterSummary: fa?.summary ?? null,
    };
  });
  const idsWith = (change: FindingChange) => checks.filter((c) => c.change === change).map((c) => c.id);
  return {
    resolved: idsWith('resolved'),
    new: idsWith('new'),
    persisting: idsWith('persisting'),
    unverified: idsWith('unverified'),
    severityChanges: checks
      .filter((c) => c.beforeSeverity !== null && c.afterSeverity !== null && c.beforeSeverity !== c.afterSeverity)
      .map((c) => ({ id: c.id, before: c.beforeSeverity!, after: c.afterSeverity! })),
    checks,
  };
}
