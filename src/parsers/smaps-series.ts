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
import { forEachLine, isBlank, quoteLine } from './text-lines.js';

const PROCESS_HEADER = /^--- pid (\d+)(?: (.*))?$/;

interface Block {
  pid: number;
  comm: string;
  headerIndex: number;
  /** Offsets of the block's content in the record text: the lines after its header. */
  start: number;
  end: number;
}

/**
 * `keep`: the rollup fields to store (a long series' middle records need a dozen of ~20); every
 * line is still checked. Blocks are sliced out of the record, not split into lines and joined.
 */
export function parseSmapsRollupRecord(text: string, ctx: ParseContext, keep?: (field: string) => boolean): Parsed<SmapsRollupEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  let strayLines = 0;
  let firstStray = 0;
  let lineStart = 0;
  forEachLine(text, (line, i) => {
    const nextLine = text.indexOf('\n', lineStart) + 1 || text.length;
    if (line.startsWith('---')) {
      const m = PROCESS_HEADER.exec(line);
      const open = blocks[blocks.length - 1];
      if (open && open.end < 0) open.end = lineStart;
      if (m) blocks.push({ pid: Number(m[1]), comm: m[2] ?? '', headerIndex: i, start: nextLine, end: -1 });
      else diagnostics.push(lineDiagnostic(ctx, i, `not a "--- pid <pid> <comm>" line: ${quoteLine(line)}`));
    } else if (blocks.length === 0 && !isBlank(line)) {
      if (strayLines === 0) firstStray = i;
      strayLines += 1;
    }
    lineStart = nextLine;
  });
  const last = blocks[blocks.length - 1];
  if (last && last.end < 0) last.end = text.length;
  if (strayLines > 0) diagnostics.push(lineDiagnostic(ctx, firstStray, `${strayLines} line(s) before the first "--- pid" line; ignored`));

  const data: SmapsRollupEntry[] = [];
  for (const { pid, comm, headerIndex, start, end } of blocks) {
    const rollup = parseSmapsRollup(text.slice(start, end), { ...ctx, firstLine: ctx.firstLine + headerIndex + 1 }, keep);
    diagnostics.push(...rollup.diagnostics);
    if (Object.keys(rollup.data).length === 0) {
      diagnostics.push(lineDiagnostic(ctx, headerIndex, `pid ${pid}: no smaps_rollup content (exited?); skipped`, 'info'));
      continue;
    }
    data.push({ pid, comm, rollup: rollup.data });
  }
  return { data, diagnostics };
}
