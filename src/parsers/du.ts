/**
 * `du -k` style listings (the collector's largest entries under /dev/shm and /run/shm):
 * `<KiB><TAB><path>`. du separates with one tab, so a path keeps its spaces and tabs.
 *
 * Real sample (04_shm_tmpfs/B_sysv_plus_tmpfs/du_sk_tmpfs.txt, `du -sk` of a tmpfs holding 200 MiB):
 *
 *   204800	/tmp/realcap/tmpfs
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { ShmFileEntry } from '../model/artifacts.js';
import { BYTES_PER_KIB, quoteLine, splitLines } from './text-lines.js';

const DU_LINE = /^(\d+)\t(.+)$/;

export function parseDu(text: string, ctx: ParseContext): Parsed<ShmFileEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const data: ShmFileEntry[] = [];
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = DU_LINE.exec(line);
    if (!m) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "<KiB><TAB><path>" line: ${quoteLine(line)}`));
      return;
    }
    data.push({ path: m[2] ?? '', bytes: Number(m[1]) * BYTES_PER_KIB });
  });
  return { data, diagnostics };
}
