/**
 * /proc/sysvipc/shm: a header naming the columns, then one row of integers per segment.
 * Read by header name, because `rss` and `swap` only exist since Linux 4.x. Two quirks:
 * - the key is printed as a signed decimal int; `keyHex` is the unsigned hex form ipcs prints;
 * - perms are printed in octal and include the SHM_DEST bit (01000) of a segment removed while
 *   still attached (ipcs shows it as status `dest`). `perms` keeps the low nine bits, as ipcs does.
 *
 * Real sample (04_shm_tmpfs/A_sysv_only; segment 0 is `dest`, key -1809899643 = 0x941f1f85):
 *
 *          key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap
 *            0          0  1644              67108864 12375 12380      1     0     0     0     0 1795704867          0 1795704867              67108864                     0
 *  -1809899643          1   644              16777216 12376 12380      0     0     0     0     0 1795704867 1795704867 1795704867               8388608                     0
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { SysvShmSegment } from '../model/sources.js';
import { parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

const REQUIRED_COLUMNS = ['key', 'shmid', 'perms', 'size', 'cpid', 'lpid', 'nattch', 'uid', 'cuid'] as const;
const SHM_DEST = 0o1000;
const PERMISSION_BITS = 0o777;

/** The signed 32-bit key as ipcs prints it: `-1809899643` → `0x941f1f85`. */
function keyHex(key: number): string {
  return `0x${(key >>> 0).toString(16).padStart(8, '0')}`;
}

export function parseSysvipcShm(text: string, ctx: ParseContext): Parsed<SysvShmSegment[]> {
  const diagnostics: Diagnostic[] = [];
  const data: SysvShmSegment[] = [];
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return { data, diagnostics };
  const header = splitFields(lines[headerIndex] ?? '');
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    diagnostics.push(lineDiagnostic(ctx, headerIndex, `header lacks ${missing.join(', ')}: ${quoteLine(lines[headerIndex] ?? '')}`, 'error'));
    return { data, diagnostics };
  }

  lines.forEach((line, i) => {
    if (i <= headerIndex || line.trim() === '') return;
    const fields = splitFields(line);
    const permsText = fields[header.indexOf('perms')] ?? '';
    const numbers = fields.map(parseDecimal);
    const mode = /^[0-7]+$/.test(permsText) ? parseInt(permsText, 8) : null;
    if (fields.length !== header.length || numbers.includes(null) || mode === null) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a /proc/sysvipc/shm row: ${quoteLine(line)}`));
      return;
    }
    const column = (name: string): number | null => {
      const at = header.indexOf(name);
      return at < 0 ? null : (numbers[at] ?? null);
    };
    const required = (name: (typeof REQUIRED_COLUMNS)[number]): number => column(name) ?? 0;
    data.push({
      keyHex: keyHex(required('key')),
      shmid: required('shmid'),
      perms: (mode & PERMISSION_BITS).toString(8),
      sizeBytes: required('size'),
      cpid: required('cpid'),
      lpid: required('lpid'),
      nattch: required('nattch'),
      uid: required('uid'),
      cuid: required('cuid'),
      rssBytes: column('rss'),
      swapBytes: column('swap'),
      dest: (mode & SHM_DEST) !== 0,
    });
  });
  return { data, diagnostics };
}
