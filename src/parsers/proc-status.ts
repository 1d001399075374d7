/**
 * /proc/PID/status: `Key:\tvalue` lines. Memory fields are `kB` and become bytes; every field is
 * also kept raw, so callers can read what memtrail does not type (Threads, CapEff, ...).
 *
 * Real sample (02_oom_memcg/v1_single_leaker, the leaker at its first sample, abridged):
 *
 *   Name:	python3
 *   State:	S (sleeping)
 *   Pid:	11705
 *   PPid:	11697
 *   Uid:	0	0	0	0
 *   VmSize:	   13952 kB
 *   VmRSS:	    8160 kB
 *   RssAnon:	    2824 kB
 *   RssFile:	    5336 kB
 *   RssShmem:	       0 kB
 *   VmSwap:	       0 kB
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { ProcStatus } from '../model/sources.js';
import { parseDecimal, parseKeyValueKb, quoteLine, splitFields, splitLines } from './text-lines.js';

const NAME_PREFIX = 'Name:\t';

export function parseProcStatus(text: string, ctx: ParseContext): Parsed<ProcStatus> {
  const diagnostics: Diagnostic[] = [];
  const raw: Record<string, string> = {};
  const rawLine: Record<string, number> = {};
  const kbAsBytes: Record<string, number> = {};
  const lines = splitLines(text);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.indexOf(':');
    if (at <= 0) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "Key: value" line: ${quoteLine(line)}`));
      return;
    }
    const key = line.slice(0, at);
    // Name is the kernel's comm: keep its spaces (even trailing ones) exactly as printed.
    raw[key] = line.startsWith(NAME_PREFIX) ? line.slice(NAME_PREFIX.length) : line.slice(at + 1).trim();
    rawLine[key] = i;
    const quantity = parseKeyValueKb(line);
    if (quantity?.unit === 'bytes') kbAsBytes[key] = quantity.value;
  });

  /** The first integer of the field (Uid prints four: real, effective, saved, filesystem). */
  const integer = (key: string): number | null => {
    const value = raw[key];
    if (value === undefined) return null;
    const parsed = parseDecimal(splitFields(value)[0] ?? '');
    if (parsed === null) diagnostics.push(lineDiagnostic(ctx, rawLine[key] ?? 0, `${key}: not an integer: ${quoteLine(value)}`));
    return parsed;
  };
  const bytes = (key: string): number | null => {
    const value = raw[key];
    if (value === undefined) return null;
    const parsed = kbAsBytes[key];
    if (parsed !== undefined) return parsed;
    diagnostics.push(lineDiagnostic(ctx, rawLine[key] ?? 0, `${key}: expected "<n> kB": ${quoteLine(value)}`));
    return null;
  };

  const data: ProcStatus = {
    name: raw['Name'] ?? null,
    pid: integer('Pid'),
    ppid: integer('PPid'),
    // `S (sleeping)` → `S`: the one-letter code is what audits compare; the words stay in raw.
    state: raw['State'] === undefined ? null : (splitFields(raw['State'])[0] ?? null),
    // The real uid names the owner.
    uid: integer('Uid'),
    vmSizeBytes: bytes('VmSize'),
    vmRssBytes: bytes('VmRSS'),
    vmSwapBytes: bytes('VmSwap'),
    rssAnonBytes: bytes('RssAnon'),
    rssFileBytes: bytes('RssFile'),
    rssShmemBytes: bytes('RssShmem'),
    raw,
  };
  return { data, diagnostics };
}
