/**
 * Diagnostics for skipped entries: one per entry for the first few of each reason, then a
 * single count, so a hostile archive of 100 000 symlinks cannot flood the report.
 */
import type { Diagnostic, DiagnosticSeverity } from '../model/diagnostic.js';

const DETAILED_PER_REASON = 20;

export class SkipLog {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly diagnostics: Diagnostic[],
    private readonly severity: DiagnosticSeverity,
    /** Source of the summary lines (the input's name). */
    private readonly summarySource: string,
  ) {}

  skip(path: string, reason: string): void {
    const count = (this.counts.get(reason) ?? 0) + 1;
    this.counts.set(reason, count);
    if (count <= DETAILED_PER_REASON) {
      this.diagnostics.push({ source: path, severity: this.severity, message: `skipped: ${reason}` });
    }
  }

  /** Adds the summary of entries beyond the detailed ones. */
  finish(): void {
    for (const [reason, count] of this.counts) {
      if (count > DETAILED_PER_REASON) {
        this.diagnostics.push({
          source: this.summarySource,
          severity: this.severity,
          message: `${count - DETAILED_PER_REASON} more entries skipped (${reason}), ${count} in all`,
        });
      }
    }
  }
}
