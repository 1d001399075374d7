/**
 * Diagnostics: what a reader or parser says about bad or missing input.
 * A diagnostic never stops the run; it is carried into the report's data-quality section.
 */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Bundle-relative path of the artifact (e.g. `proc/meminfo`, `series/procs`). */
  source: string;
  /** 1-based line in that file, when one applies. */
  line?: number;
  severity: DiagnosticSeverity;
  message: string;
}

/** Where a parser's text came from, so diagnostics can name the file and line. */
export interface ParseContext {
  source: string;
  /** Line number (1-based) of the text's first line inside `source`; 1 for a whole file. */
  firstLine: number;
  /** Page size of the captured machine, for values printed in pages. */
  pageSizeBytes: number;
}

/** Every parser returns its data plus diagnostics; a bad line never drops the file. */
export interface Parsed<T> {
  data: T;
  diagnostics: Diagnostic[];
}

export function parseContext(source: string, firstLine = 1, pageSizeBytes = 4096): ParseContext {
  return { source, firstLine, pageSizeBytes };
}

/** A diagnostic for line `index` (0-based within the parsed text). */
export function lineDiagnostic(
  ctx: ParseContext,
  index: number,
  message: string,
  severity: DiagnosticSeverity = 'warning',
): Diagnostic {
  return { source: ctx.source, line: ctx.firstLine + index, severity, message };
}

/** A diagnostic about the whole text (empty, no header, a required field absent), with no line. */
export function fileDiagnostic(
  ctx: ParseContext,
  message: string,
  severity: DiagnosticSeverity = 'warning',
): Diagnostic {
  return { source: ctx.source, severity, message };
}
