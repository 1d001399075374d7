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
import { readSmapsRollup } from './smaps-rollup.js';
import { forEachLineSpan, KeyLayout, quoteLine, skipSpaces } from './text-lines.js';

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
 * line is still checked. Each block is read in place in the record text.
 */
export function parseSmapsRollupRecord(text: string, ctx: ParseContext, keep?: (field: string) => boolean): Parsed<SmapsRollupEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  // Every process's rollup lists the same fields in the same order.
  const layout = new KeyLayout();
  let strayLines = 0;
  let firstStray = 0;
  forEachLineSpan(text, (start, end, i) => {
    if (text.startsWith('---', start)) {
      const m = PROCESS_HEADER.exec(text.slice(start, end));
      const open = blocks[blocks.length - 1];
      if (open && open.end < 0) open.end = start;
      const next = text.indexOf('\n', end) + 1 || text.length;
      if (m) blocks.push({ pid: Number(m[1]), comm: m[2] ?? '', headerIndex: i, start: next, end: -1 });
      else diagnostics.push(lineDiagnostic(ctx, i, `not a "--- pid <pid> <comm>" line: ${quoteLine(text.slice(start, end))}`));
    } else if (blocks.length === 0 && skipSpaces(text, start, end) < end) {
      if (strayLines === 0) firstStray = i;
      strayLines += 1;
    }
  });
  const last = blocks[blocks.length - 1];
  if (last && last.end < 0) last.end = text.length;
  if (strayLines > 0) diagnostics.push(lineDiagnostic(ctx, firstStray, `${strayLines} line(s) before the first "--- pid" line; ignored`));

  const data: SmapsRollupEntry[] = [];
  for (const { pid, comm, headerIndex, start, end } of blocks) {
    const rollup = readSmapsRollup(text, start, end, { ...ctx, firstLine: ctx.firstLine + headerIndex + 1 }, keep, layout);
    diagnostics.push(...rollup.diagnostics);
    if (Object.keys(rollup.data).length === 0) {
      diagnostics.push(lineDiagnostic(ctx, headerIndex, `pid ${pid}: no smaps_rollup content (exited?); skipped`, 'info'));
      continue;
    }
    data.push({ pid, comm, rollup: rollup.data });
  }
  return { data, diagnostics };
}
