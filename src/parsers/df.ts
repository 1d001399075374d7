/**
 * `df -kPT`: POSIX format (one line per filesystem, never wrapped) with a Type column. Sizes are
 * in the block size the header names (`1024-blocks`) and become bytes. A row is read around its
 * three numbers, so a mount point with spaces stays whole. `-` (df -a on pseudo filesystems)
 * reads as 0, and as a null percentage. `df -al` output (no Type column, `1K-blocks`) reads too,
 * with type ''.
 *
 * Real sample (04_shm_tmpfs/B_sysv_plus_tmpfs: a 256 MiB tmpfs holding 200 MiB of files):
 *
 *   Filesystem              Type     1024-blocks     Used Available Capacity Mounted on
 *   tmpfs                   tmpfs       24684084        0  24684084       0% /dev/shm
 *   /dev/vda                ext4       264212084 23395520  82995392      22% /
 *   tmpfs                   tmpfs         262144   204800     57344      79% /tmp/realcap/tmpfs
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { DfRow } from '../model/sources.js';
import { BYTES_PER_KIB, quoteLine, splitLines } from './text-lines.js';

/** The lazy filesystem group gives the type exactly one word and keeps a device name with spaces. */
const DF_ROW = /^(.+?)\s+(\S+)\s+(\d+|-)\s+(\d+|-)\s+(\d+|-)\s+(?:(\d+)%|-)\s+(.*)$/;
/** `df -al` (sosreports) has no Type column: the type is left '' for the caller to fill from the mounts. */
const DF_ROW_UNTYPED = /^(.+?)\s+()(\d+|-)\s+(\d+|-)\s+(\d+|-)\s+(?:(\d+)%|-)\s+(.*)$/;
const BLOCK_SIZE = /\b(\d+)(K?)-blocks\b/;

export function parseDf(text: string, ctx: ParseContext): Parsed<DfRow[]> {
  const diagnostics: Diagnostic[] = [];
  const data: DfRow[] = [];
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((line) => line.startsWith('Filesystem'));
  const blockSize = BLOCK_SIZE.exec(lines[headerIndex] ?? '');
  const blockBytes = blockSize ? Number(blockSize[1]) * (blockSize[2] === 'K' ? BYTES_PER_KIB : 1) : BYTES_PER_KIB;
  if (headerIndex >= 0 && !blockSize) {
    diagnostics.push(lineDiagnostic(ctx, headerIndex, `no "<n>-blocks" column; sizes read as KiB: ${quoteLine(lines[headerIndex] ?? '')}`));
  }
  const rowPattern = headerIndex >= 0 && !/\bType\b/.test(lines[headerIndex] ?? '') ? DF_ROW_UNTYPED : DF_ROW;
  const bytes = (blocks: string): number => (blocks === '-' ? 0 : Number(blocks) * blockBytes);

  lines.forEach((line, i) => {
    if (i === headerIndex || line.trim() === '') return;
    const m = rowPattern.exec(line);
    if (!m) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "df -kPT" row: ${quoteLine(line)}`));
      return;
    }
    const [, filesystem = '', type = '', size = '', used = '', avail = '', percent, mountpoint = ''] = m;
    data.push({
      filesystem,
      type,
      sizeBytes: bytes(size),
      usedBytes: bytes(used),
      availBytes: bytes(avail),
      usePercent: percent === undefined ? null : Number(percent),
      mountpoint,
    });
  });
  return { data, diagnostics };
}
