/**
 * /proc/stat → the boot time (`btime`, epoch seconds, whole seconds: the kernel cuts the fraction,
 * so clocks derived from it can be up to a second early). The other lines are not read.
 * Sample (01_baseline/proc_stat.txt, the `intr` line shortened here):
 *
 *     cpu  2739 0 2022 123641 174 0 45 7 0 0
 *     intr 221223 0 0 0 0 …
 *     ctxt 553623
 *     btime 1795703978
 *     processes 11070
 */
import { fileDiagnostic, lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import { parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

export function parseProcStat(text: string, ctx: ParseContext): Parsed<{ bootTime: number | null }> {
  let bootTime: number | null = null;
  const diagnostics: Diagnostic[] = [];
  splitLines(text).forEach((line, index) => {
    const [name, value, ...rest] = splitFields(line);
    if (name !== 'btime') return;
    const seconds = rest.length === 0 ? parseDecimal(value ?? '') : null;
    if (seconds === null || seconds < 0) {
      diagnostics.push(lineDiagnostic(ctx, index, `expected "btime <epoch seconds>", got ${quoteLine(line)}`));
    } else {
      if (bootTime !== null) diagnostics.push(lineDiagnostic(ctx, index, 'btime repeated; the later value wins'));
      bootTime = seconds;
    }
  });
  if (bootTime === null && diagnostics.length === 0) {
    diagnostics.push(fileDiagnostic(ctx, 'no btime line: uptime stamps cannot be put on the wall clock from this file'));
  }
  return { data: { bootTime }, diagnostics };
}
