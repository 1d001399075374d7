/**
 * /proc/buddyinfo → `BuddyZone[]`: free blocks per order for each node and zone (a block of order
 * n is pageSize << n bytes). Sample (01_baseline/proc_buddyinfo.txt; kernel pads with a trailing blank):
 *
 *     Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3
 *     Node 0, zone    DMA32      1      1      4      2      5      4      3      3      4      2    752
 *     Node 0, zone   Normal    761    453    335    569    663    421    270    191    134     85    196
 */
import { fileDiagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { BuddyZone } from '../model/sources.js';
import { parseLineRecords, splitFields } from './text-lines.js';

const ZONE_LINE = /^Node\s+(\d+),\s+zone\s+(\S+)((?:\s+\d+)+)\s*$/;

function parseBuddyLine(line: string): BuddyZone | null {
  const match = ZONE_LINE.exec(line);
  if (match === null) return null;
  return { node: Number(match[1]), zone: match[2] ?? '', freeByOrder: splitFields(match[3] ?? '').map(Number) };
}

export function parseBuddyinfo(text: string, ctx: ParseContext): Parsed<BuddyZone[]> {
  const { records, diagnostics } = parseLineRecords(text, ctx, parseBuddyLine, '"Node <n>, zone <name> <free blocks per order>"');
  if (records.length === 0) diagnostics.push(fileDiagnostic(ctx, 'no zone line found'));
  return { data: records.map((r) => r.record), diagnostics };
}
