/**
 * /proc/zoneinfo → `ZoneWatermarks[]`: per `Node N, zone NAME` block, free pages and the min / low /
 * high watermarks and managed pages (all in pages). Every other field is skipped. The pagesets'
 * `high:` (with a colon) is a per-CPU list limit, not the watermark.
 * Sample (01_baseline/proc_zoneinfo_head200.txt, cut to the lines read):
 *
 *     Node 0, zone    DMA32
 *       pages free     772915
 *             boost    0
 *             min      11161
 *             low      13951
 *             high     16741
 *             promo    19531
 *             spanned  1044480
 *             present  782336
 *             managed  772915
 *             protection: (0, 0, 1536, 1536, 1536)
 *
 * A text cut short (that fixture is `head -200`) gives every zone it reached; fields not reached are
 * null, with an info on the zone's header line (a warning if a later zone follows).
 */
import { fileDiagnostic, lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { ZoneWatermarks } from '../model/sources.js';
import { parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

const ZONE_HEADER = /^Node\s+(\d+),\s+zone\s+(\S+)\s*$/;
/** Real zoneinfo is printable ASCII; zone fields are indented under their header. */
const FIELD_LINE = /^[ \t][\t\x20-\x7e]*$/;

type PageField = 'freePages' | 'minPages' | 'lowPages' | 'highPages' | 'managedPages';
const INDENTED_FIELD: Record<string, PageField> = { min: 'minPages', low: 'lowPages', high: 'highPages', managed: 'managedPages' };
const PAGE_FIELDS: PageField[] = ['freePages', 'minPages', 'lowPages', 'highPages', 'managedPages'];

/** The field a line sets and its text value, or null for the many fields we skip. */
function pageField(fields: readonly string[]): { field: PageField; value: string } | null {
  if (fields[0] === 'pages' && fields[1] === 'free') return { field: 'freePages', value: fields.slice(2).join(' ') };
  const field = Object.hasOwn(INDENTED_FIELD, fields[0] ?? '') ? INDENTED_FIELD[fields[0] ?? ''] : undefined;
  return field === undefined ? null : { field, value: fields.slice(1).join(' ') };
}

interface ZoneBlock {
  headerIndex: number;
  zone: ZoneWatermarks;
}

function missingFieldsDiagnostics(ctx: ParseContext, blocks: readonly ZoneBlock[]): Diagnostic[] {
  return blocks.flatMap(({ headerIndex, zone }, position) => {
    const missing = PAGE_FIELDS.filter((field) => zone[field] === null);
    if (missing.length === 0) return [];
    const isLast = position === blocks.length - 1;
    return [lineDiagnostic(
      ctx, headerIndex,
      `zone ${zone.zone} of node ${zone.node} has no ${missing.join(', ')}${isLast ? ' (text cut short?)' : ''}`,
      isLast ? 'info' : 'warning',
    )];
  });
}

export function parseZoneinfo(text: string, ctx: ParseContext): Parsed<ZoneWatermarks[]> {
  const blocks: ZoneBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  // Field lines before the first header (a text cut at the top): one diagnostic, not one per line.
  let firstOrphanIndex: number | null = null;
  let orphanCount = 0;
  for (const [index, line] of splitLines(text).entries()) {
    if (line.trim() === '') continue;
    const header = ZONE_HEADER.exec(line);
    if (header !== null) {
      const zone: ZoneWatermarks = {
        node: Number(header[1]), zone: header[2] ?? '',
        freePages: null, minPages: null, lowPages: null, highPages: null, managedPages: null,
      };
      blocks.push({ headerIndex: index, zone });
      continue;
    }
    if (!FIELD_LINE.test(line)) {
      diagnostics.push(lineDiagnostic(ctx, index, `expected "Node <n>, zone <name>" or an indented field, got ${quoteLine(line)}`));
      continue;
    }
    const current = blocks.at(-1);
    if (current === undefined) {
      firstOrphanIndex ??= index;
      orphanCount += 1;
      continue;
    }
    const found = pageField(splitFields(line));
    if (found === null) continue;
    const pages = parseDecimal(found.value);
    if (pages === null) diagnostics.push(lineDiagnostic(ctx, index, `${found.field}: expected a page count, got ${quoteLine(line)}`));
    else current.zone[found.field] = pages;
  }
  if (firstOrphanIndex !== null) {
    diagnostics.unshift(lineDiagnostic(ctx, firstOrphanIndex, `${orphanCount} field line(s) before the first "Node <n>, zone <name>" skipped`));
  }
  if (blocks.length === 0) diagnostics.push(fileDiagnostic(ctx, 'no "Node <n>, zone <name>" line found'));
  diagnostics.push(...missingFieldsDiagnostics(ctx, blocks));
  return { data: blocks.map((block) => block.zone), diagnostics };
}
