/**
 * /proc/PID/maps: one line per mapping, `start-end perms offset dev inode [pathname]`.
 * The pathname may contain spaces and ends with ` (deleted)` once its file is gone; a SysV
 * segment shows as `/SYSV<key in hex>`, so a segment removed while attached reads as below.
 *
 * Real sample (04_shm_tmpfs/A_sysv_only, the attacher of segment 0 after IPC_RMID):
 *
 *   00400000-0041f000 r--p 00000000 fe:00 260811                             /usr/bin/python3.11
 *   00a85000-00aca000 rw-p 00000000 00:00 0
 *   10e75000-10f5a000 rw-p 00000000 00:00 0                                  [heap]
 *   7fcf44b58000-7fcf48b58000 rw-s 00000000 00:01 0                          /SYSV809f3314 (deleted)
 *   ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { MapsRegion } from '../model/sources.js';
import { quoteLine, splitLines } from './text-lines.js';

const MAPS_LINE = /^([0-9a-f]+)-([0-9a-f]+)\s+(\S+)\s+([0-9a-f]+)\s+(\S+)\s+(\d+)(?:\s+(.*))?$/;

export function parseMaps(text: string, ctx: ParseContext): Parsed<MapsRegion[]> {
  const diagnostics: Diagnostic[] = [];
  const data: MapsRegion[] = [];
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = MAPS_LINE.exec(line);
    if (!m) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a maps line: ${quoteLine(line)}`));
      return;
    }
    const [, start = '', end = '', perms = '', offset = '', dev = '', inode = '', pathname = ''] = m;
    // Addresses reach 0xffffffffff600000, past 2^53: subtract exactly, the size itself is small.
    const sizeBytes = Number(BigInt(`0x${end}`) - BigInt(`0x${start}`));
    if (sizeBytes < 0) {
      diagnostics.push(lineDiagnostic(ctx, i, `mapping ends before it starts: ${quoteLine(line)}`));
      return;
    }
    data.push({ sizeBytes, perms, offset, dev, inode: Number(inode), pathname });
  });
  return { data, diagnostics };
}
