/**
 * util-linux `ipcs -m` and `ipcs -m -p`: a title, a header, then one row per segment. Owners are
 * names or uids without spaces, so rows split on whitespace. The status column of `ipcs -m` is
 * empty or holds words (`dest` = removed while still attached, `locked`).
 *
 * Real samples (04_shm_tmpfs/A_sysv_only: segment 0 removed while attached, segment 1 detached):
 *
 *   ------ Shared Memory Segments --------
 *   key        shmid      owner      perms      bytes      nattch     status
 *   0x00000000 0          root       644        67108864   1          dest
 *   0x941f1f85 1          root       644        16777216   0
 *
 *   ------ Shared Memory Creator/Last-op PIDs --------
 *   shmid      owner      cpid       lpid
 *   0          root       12375      12380
 *   1          root       12376      12380
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { IpcsShmPidRow, IpcsShmRow } from '../model/sources.js';
import { parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

/**
 * Calls `onRow` with the fields of every row below the header whose first field is
 * `headerStart`. Title lines (`------ ... --------`) and blank lines carry no rows.
 */
function forEachRow(
  text: string,
  ctx: ParseContext,
  headerStart: string,
  diagnostics: Diagnostic[],
  onRow: (fields: string[], index: number, line: string) => void,
): void {
  let seenHeader = false;
  splitLines(text).forEach((line, i) => {
    const fields = splitFields(line);
    if (fields.length === 0 || line.startsWith('------')) return;
    if (!seenHeader && fields[0] === headerStart) {
      seenHeader = true;
      return;
    }
    if (!seenHeader) {
      diagnostics.push(lineDiagnostic(ctx, i, `row before the "${headerStart} ..." header: ${quoteLine(line)}`));
      return;
    }
    onRow(fields, i, line);
  });
}

export function parseIpcsShm(text: string, ctx: ParseContext): Parsed<IpcsShmRow[]> {
  const diagnostics: Diagnostic[] = [];
  const data: IpcsShmRow[] = [];
  forEachRow(text, ctx, 'key', diagnostics, (fields, i, line) => {
    const [key = '', shmidText = '', owner = '', perms = '', bytesText = '', nattchText = '', ...status] = fields;
    const shmid = parseDecimal(shmidText);
    const bytes = parseDecimal(bytesText);
    const nattch = parseDecimal(nattchText);
    if (!/^0x[0-9a-f]+$/i.test(key) || shmid === null || bytes === null || nattch === null) {
      diagnostics.push(lineDiagnostic(ctx, i, `not an "ipcs -m" row: ${quoteLine(line)}`));
      return;
    }
    data.push({ key, shmid, owner, perms, bytes, nattch, status });
  });
  return { data, diagnostics };
}

export function parseIpcsShmPids(text: string, ctx: ParseContext): Parsed<IpcsShmPidRow[]> {
  const diagnostics: Diagnostic[] = [];
  const data: IpcsShmPidRow[] = [];
  forEachRow(text, ctx, 'shmid', diagnostics, (fields, i, line) => {
    const [shmidText = '', owner = '', cpidText = '', lpidText = ''] = fields;
    const shmid = parseDecimal(shmidText);
    const cpid = parseDecimal(cpidText);
    const lpid = parseDecimal(lpidText);
    if (fields.length !== 4 || shmid === null || cpid === null || lpid === null) {
      diagnostics.push(lineDiagnostic(ctx, i, `not an "ipcs -m -p" row: ${quoteLine(line)}`));
      return;
    }
    data.push({ shmid, owner, cpid, lpid });
  });
  return { data, diagnostics };
}
