/**
 * /proc/slabinfo → `Slabinfo`: one `SlabCache` per cache with its size in bytes
 * (num_slabs × pages_per_slab × page size, what slabtop calls CACHE SIZE).
 * Sample (01_baseline/proc_slabinfo.txt, version 2.1, SLUB so the tunables are 0):
 *
 *     slabinfo - version: 2.1
 *     # name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
 *     bio-376               21     21    384   21    2 : tunables    0    0    0 : slabdata      1      1      0
 *     dentry             19694  19782    192   21    1 : tunables    0    0    0 : slabdata    942    942      0
 *
 * Version 2.0 has the same columns and is read alike (with an info). Any other version, or no version
 * line, is read with the 2.1 columns too, with a warning; its rows that do not fit are reported one by one.
 * `version` is '' when the text has no version line.
 */
import { fileDiagnostic, lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { SlabCache, Slabinfo } from '../model/sources.js';
import { decimalAt, forEachLine, isBlank, isDecimal, isSpace, parseDecimal, quoteLine, skipField, skipSpaces, splitFields } from './text-lines.js';

const VERSION_PREFIX = 'slabinfo - version:';
const VERSION_LINE = /^slabinfo - version:\s*(\S+)/;
const KNOWN_VERSION = '2.1';
const SAME_COLUMNS_VERSION = '2.0';

function parseCounts(fields: readonly string[]): number[] | null {
  const counts = fields.map(parseDecimal);
  return counts.every((count) => count !== null) ? (counts as number[]) : null;
}

/** `name <5 counts> : tunables <3> : slabdata <3>`; the statistics variant appends more `: section`s. */
function parseCacheLine(line: string, pageSizeBytes: number): SlabCache | null {
  const canonical = parseCanonicalCacheLine(line, pageSizeBytes);
  if (canonical !== null) return canonical;
  const [head = [], ...sections] = line.split(':').map(splitFields);
  const slabdata = sections.find((fields) => fields[0] === 'slabdata');
  if (head.length < 6 || slabdata?.length !== 4) return null;
  const objectCounts = parseCounts(head.slice(-5));
  const slabCounts = parseCounts(slabdata.slice(1, 3));
  if (objectCounts === null || slabCounts === null) return null;
  return cacheOf(head.slice(0, -5).join(' '), [...objectCounts, ...slabCounts], pageSizeBytes);
}

/** `counts`: active_objs, num_objs, objsize, objperslab, pagesperslab, active_slabs, num_slabs. */
function cacheOf(name: string, counts: readonly number[], pageSizeBytes: number): SlabCache {
  const [activeObjs = 0, numObjs = 0, objSizeBytes = 0, objPerSlab = 0, pagesPerSlab = 0, activeSlabs = 0, numSlabs = 0] = counts;
  return { name, activeObjs, numObjs, objSizeBytes, objPerSlab, pagesPerSlab, activeSlabs, numSlabs, sizeBytes: numSlabs * pagesPerSlab * pageSizeBytes };
}

/**
 * The line as the kernel prints every row, read in one scan without splitting (a day of slabinfo
 * at 60 s is 290k rows): a name without ':' or blanks, 5 decimal counts, `: tunables` and 3,
 * `: slabdata` and 3, nothing after. Null for anything else, which the split reading above then
 * judges, so both readings agree on every line this one accepts.
 */
function parseCanonicalCacheLine(line: string, pageSizeBytes: number): SlabCache | null {
  const nameStart = skipSpaces(line, 0);
  const nameEnd = skipField(line, nameStart);
  if (nameEnd === nameStart || line.lastIndexOf(':', nameEnd - 1) >= nameStart) return null;
  scanAt = nameEnd;
  for (let i = 0; i < 5; i++) if (!readCount(line, i)) return null;
  if (!readWord(line, ':') || !readWord(line, 'tunables')) return null;
  for (let i = 0; i < 3; i++) if (!readCount(line, COUNT_SCRATCH)) return null;
  if (!readWord(line, ':') || !readWord(line, 'slabdata') || !readCount(line, 5) || !readCount(line, 6) || !readCount(line, COUNT_SCRATCH)) return null;
  if (skipSpaces(line, scanAt) !== line.length) return null;
  return cacheOf(line.slice(nameStart, nameEnd), counts, pageSizeBytes);
}

/** The scan position and the counts read by parseCanonicalCacheLine (one line at a time; nothing here is reentrant). */
let scanAt = 0;
const counts = [0, 0, 0, 0, 0, 0, 0, 0];
const COUNT_SCRATCH = 7;

/** Blanks, then `word` as a whole field. */
function readWord(line: string, word: string): boolean {
  const start = skipSpaces(line, scanAt);
  if (!line.startsWith(word, start)) return false;
  scanAt = start + word.length;
  return scanAt === line.length || isSpace(line.charCodeAt(scanAt));
}

/** Blanks, then a decimal (as parseDecimal reads it) as a whole field, stored in counts[slot]. */
function readCount(line: string, slot: number): boolean {
  const start = skipSpaces(line, scanAt);
  const end = skipField(line, start);
  if (!isDecimal(line, start, end)) return false;
  counts[slot] = decimalAt(line, start, end);
  scanAt = end;
  return true;
}

function versionDiagnostic(ctx: ParseContext, index: number, version: string): Diagnostic | null {
  if (version === KNOWN_VERSION) return null;
  if (version === SAME_COLUMNS_VERSION) {
    return lineDiagnostic(ctx, index, `slabinfo version ${version}: read with the ${KNOWN_VERSION} columns, which it shares`, 'info');
  }
  return lineDiagnostic(ctx, index, `slabinfo version ${quoteLine(version)} is unknown: rows read with the ${KNOWN_VERSION} columns`);
}

export function parseSlabinfo(text: string, ctx: ParseContext): Parsed<Slabinfo> {
  const data: Slabinfo = { version: '', caches: [] };
  const diagnostics: Diagnostic[] = [];
  forEachLine(text, (line, index) => {
    if (isBlank(line) || line.startsWith('#')) return;
    const version = line.startsWith(VERSION_PREFIX) ? VERSION_LINE.exec(line)?.[1] : undefined;
    if (version !== undefined) {
      data.version = version;
      const problem = versionDiagnostic(ctx, index, version);
      if (problem !== null) diagnostics.push(problem);
      return;
    }
    const cache = parseCacheLine(line, ctx.pageSizeBytes);
    if (cache === null) {
      diagnostics.push(lineDiagnostic(ctx, index, `expected "name <5 counts> : tunables … : slabdata <3 counts>", got ${quoteLine(line)}`));
    } else {
      data.caches.push(cache);
    }
  });
  if (data.version === '') diagnostics.push(fileDiagnostic(ctx, `no "slabinfo - version:" line: rows read with the ${KNOWN_VERSION} columns`));
  if (data.caches.length === 0) diagnostics.push(fileDiagnostic(ctx, 'no slab cache line found'));
  return { data, diagnostics };
}
