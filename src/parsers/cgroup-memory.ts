/**
 * The memory files of one cgroup directory, cgroup v1 or v2, keyed by file name. The version
 * comes from the names: v1 has `memory.usage_in_bytes`, `memory.limit_in_bytes`, `memory.failcnt`,
 * `memory.oom_control`, `memory.memsw.*`; v2 has `memory.current`, `memory.max`, `memory.high`,
 * `memory.events`, `memory.swap.*`. `memory.stat` exists in both.
 *
 * "No limit" reads as null: v2 prints `max`; v1 prints LONG_MAX rounded down to a page
 * (9223372036854771712 with 4 KiB pages). v1 counts memory+swap in memsw, so swap is derived:
 * usage = memsw.usage − usage, limit = memsw.limit − limit (memsw.limit alone when memory is unlimited).
 * Diagnostics name `<ctx.source>/<file>`; ctx.source is the cgroup directory in the bundle.
 *
 * Real sample, v1 (02_oom_memcg/v1_single_leaker, the final sample ~1 s after the memcg OOM kill):
 *
 *   memory.usage_in_bytes   876544
 *   memory.failcnt          31981
 *   memory.oom_control      oom_kill_disable 0
 *                           under_oom 0
 *                           oom_kill 1
 *   memory.stat             cache 7475200
 *                           rss 2891776
 *                           hierarchical_memory_limit 67108864
 *                           hierarchical_memsw_limit 9223372036854771712
 *
 * v2 in the documented shape (hand-written: this machine's v2 mount has no memory controller):
 *
 *   memory.current   66895872
 *   memory.max       67108864
 *   memory.high      max
 *   memory.events    low 0 / high 0 / max 9945 / oom 1 / oom_kill 1 / oom_group_kill 0 (one per line)
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { CgroupMemory } from '../model/sources.js';
import { parseDecimal, quoteLine, splitFields, splitLines } from './text-lines.js';

const V1_FILES = ['memory.usage_in_bytes', 'memory.limit_in_bytes', 'memory.failcnt', 'memory.oom_control'];
const V2_FILES = ['memory.current', 'memory.max', 'memory.high', 'memory.events', 'memory.swap.current', 'memory.swap.max'];
/** v1's unlimited sentinel is ~2^63; no machine has 2^62 bytes (4 EiB), so anything above means "none". */
const V1_UNLIMITED_FROM = 2 ** 62;

type Reader = ReturnType<typeof readerFor>;

/** Typed access to the files, each failure reported once against its file. */
function readerFor(files: Record<string, string>, ctx: ParseContext, diagnostics: Diagnostic[]) {
  const fileCtx = (name: string): ParseContext => ({ ...ctx, source: `${ctx.source}/${name}` });
  const has = (name: string): boolean => Object.hasOwn(files, name);
  return {
    has,
    /** A one-number file; `max` (v2) and the v1 sentinel are null when `limit` is set. */
    number(name: string, limit = false): number | null {
      if (!has(name)) return null;
      const text = (files[name] ?? '').trim();
      if (limit && text === 'max') return null;
      const value = parseDecimal(text);
      if (value === null) {
        diagnostics.push(lineDiagnostic(fileCtx(name), 0, `not a number: ${quoteLine(text)}`));
        return null;
      }
      return limit && value >= V1_UNLIMITED_FROM ? null : value;
    },
    /** `key value` lines (memory.stat, memory.events, memory.oom_control). */
    pairs(name: string): Record<string, number> {
      const out: Record<string, number> = {};
      if (!has(name)) return out;
      splitLines(files[name] ?? '').forEach((line, i) => {
        const fields = splitFields(line);
        if (fields.length === 0) return;
        const value = fields.length === 2 ? parseDecimal(fields[1] ?? '') : null;
        if (value === null) diagnostics.push(lineDiagnostic(fileCtx(name), i, `not a "key value" line: ${quoteLine(line)}`));
        else out[fields[0] ?? ''] = value;
      });
      return out;
    },
  };
}

function detectVersion(read: Reader, stat: Record<string, number>): 1 | 2 {
  if (V2_FILES.some(read.has)) return 2;
  if (V1_FILES.some(read.has)) return 1;
  // Only memory.stat: v1 prints `cache`/`total_*`, v2 prints `anon`/`file`.
  return 'cache' in stat || 'total_cache' in stat ? 1 : 2;
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(0, a - b);
}

export function parseCgroupMemory(files: Record<string, string>, cgroupPath: string, ctx: ParseContext): Parsed<CgroupMemory> {
  const diagnostics: Diagnostic[] = [];
  const read = readerFor(files, ctx, diagnostics);
  const stat = read.pairs('memory.stat');
  const version = detectVersion(read, stat);
  if (version === 2) {
    const events = read.pairs('memory.events');
    return {
      data: {
        path: cgroupPath, version, stat, events,
        usageBytes: read.number('memory.current'),
        limitBytes: read.number('memory.max', true),
        highBytes: read.number('memory.high', true),
        swapUsageBytes: read.number('memory.swap.current'),
        swapLimitBytes: read.number('memory.swap.max', true),
        failcnt: null,
        oomKillDisable: null,
        underOom: null,
        oomKills: events['oom_kill'] ?? null,
      },
      diagnostics,
    };
  }
  const usageBytes = read.number('memory.usage_in_bytes');
  const limitBytes = read.number('memory.limit_in_bytes', true);
  const memswLimit = read.number('memory.memsw.limit_in_bytes', true);
  const oomControl = read.pairs('memory.oom_control');
  const flag = (key: string): boolean | null => (key in oomControl ? oomControl[key] !== 0 : null);
  return {
    data: {
      path: cgroupPath, version, stat, events: {},
      usageBytes,
      limitBytes,
      highBytes: null,
      swapUsageBytes: difference(read.number('memory.memsw.usage_in_bytes'), usageBytes),
      swapLimitBytes: limitBytes === null ? memswLimit : difference(memswLimit, limitBytes),
      failcnt: read.number('memory.failcnt'),
      oomKillDisable: flag('oom_kill_disable'),
      underOom: flag('under_oom'),
      oomKills: oomControl['oom_kill'] ?? null,
    },
    diagnostics,
  };
}
