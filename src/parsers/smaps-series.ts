/**
 * One `series/smaps_rollup` record of bundle layout v1 (docs/bundle-format.md): for each selected
 * process a line `--- pid <pid> <comm>`, then that process's smaps_rollup verbatim. The comm is
 * the rest of the line, spaces included. A process that exited between selection and read leaves
 * its header with no content: it is skipped with an info diagnostic.
 *
 * Sample in the documented shape (hand-written around a real rollup: the collector is built in
 * parallel; the content lines are from 04_shm_tmpfs/A_sysv_only/attacher_proc_pid_smaps_rollup.txt):
 *
 *   --- pid 12380 python3
 *   00400000-7ffd9b638000 ---p 00000000 00:00 0                              [rollup]
 *   Rss:               75376 kB
 *   Pss:               73942 kB
 *   Pss_Shmem:         65536 kB
 *   --- pid 4242 Web Content
 *   ...
 */
import type { SmapsRollupEntry } from '../model/artifacts.js';
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import { parseSmapsRollup } from './smaps-rollup.js';
import { quoteLine, splitLines } from './text-lines.js';

const PROCESS_HEADER = /^--- pid (\d+)(?: (.*))?$/;

interface Block {
  pid: number;
  comm: string;
  headerIndex: number;
  lines: string[];
}

export function parseSmapsRollupRecord(text: string, ctx: ParseContext): Parsed<SmapsRollupEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  let strayLines = 0;
  let firstStray = 0;
  splitLines(text).forEach((line, i) => {
    if (line.startsWith('---')) {
      const m = PROCESS_HEADER.exec(line);
      if (m) blocks.push({ pid: Number(m[1]), comm: m[2] ?? '', headerIndex: i, lines: [] });
      else diagnostics.push(lineDiagnostic(ctx, i, `not a "--- pid <pid> <comm>" line: ${quoteLine(line)}`));
      return;
    }
    const block = blocks[blocks.length - 1];
    if (block) block.lines.push(line);
    else if (line.trim() !== '') {
      if (strayLines === 0) firstStray = i;
      strayLines += 1;
    }
  });
  if (strayLines > 0) diagnostics.push(lineDiagnostic(ctx, firstStray, `${strayLines} line(s) before the first "--- pid" line; ignored`));

  const data: SmapsRollupEntry[] = [];
  for (const { pid, comm, headerIndex, lines } of blocks) {
    const rollup = parseSmapsRollup(lines.join('\n'), { ...ctx, firstLine: ctx.firstLine + headerIndex + 1 });
    diagnostics.push(...rollup.diagnostics);
    if (Object.keys(rollup.data).length === 0) {
      diagnostics.push(lineDiagnostic(ctx, headerIndex, `pid ${pid}: no smaps_rollup content (exited?); skipped`, 'info'));
      continue;
    }
    data.push({ pid, comm, rollup: rollup.data });
  }
  return { data, diagnostics };
}
