import type { Diagnostic } from '../model/diagnostic.js';

/** Beyond this many diagnostics from one file, only a count is kept (a corrupt week-long series). */
export const MAX_DIAGNOSTICS_PER_SOURCE = 200;

/** What every parse job ends with. */
export interface JobDiagnostics {
  /** The first MAX_DIAGNOSTICS_PER_SOURCE diagnostics, in file order. */
  diagnostics: Diagnostic[];
  /** All of them, shown or not. */
  diagnosticCount: number;
}

/** A file's diagnostics as a job collects them: the first MAX_DIAGNOSTICS_PER_SOURCE and a count of all. */
export class DiagnosticCap {
  readonly shown: Diagnostic[] = [];
  count = 0;

  add(d: Diagnostic): void {
    this.count += 1;
    if (this.shown.length < MAX_DIAGNOSTICS_PER_SOURCE) this.shown.push(d);
  }

  result(): JobDiagnostics {
    return { diagnostics: this.shown, diagnosticCount: this.count };
  }
}
