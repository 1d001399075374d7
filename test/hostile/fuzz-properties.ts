/**
 * The fuzzing properties, shared by the bounded CI run (fuzz.test.ts, fixed seed) and the long
 * run (bench/fuzz/run.mjs, random seed printed). Inputs are real captures (../shared/fixtures/real)
 * and real-shaped sample bundle files, mutated byte by byte.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { readBundle, UnreadableInputError } from '../../src/bundle/index.js';
import { parseCgroupSeriesRecord } from '../../src/load/series/cgroup-record.js';
import { parseContext, type ParseContext, type Parsed } from '../../src/model/diagnostic.js';
import { parseBuddyinfo } from '../../src/parsers/buddyinfo.js';
import { parseCgroupMemory } from '../../src/parsers/cgroup-memory.js';
import { parseCmdline } from '../../src/parsers/cmdline.js';
import { parseDf } from '../../src/parsers/df.js';
import { parseDu } from '../../src/parsers/du.js';
import { parseIpcsShm, parseIpcsShmPids } from '../../src/parsers/ipcs.js';
import { parseKernelLog } from '../../src/parsers/kernel-log/index.js';
import { parseMaps } from '../../src/parsers/maps.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { parseMounts } from '../../src/parsers/mounts.js';
import { parsePressure } from '../../src/parsers/pressure.js';
import { parseProcStat } from '../../src/parsers/proc-stat.js';
import { parseProcStatus } from '../../src/parsers/proc-status.js';
import { parseProcsTable } from '../../src/parsers/procs-table.js';
import { parsePsTable } from '../../src/parsers/ps-table.js';
import { parseSadfCsv } from '../../src/parsers/sadf-csv.js';
import { parseSlabinfo } from '../../src/parsers/slabinfo.js';
import { parseSmapsRollupRecord } from '../../src/parsers/smaps-series.js';
import { parseSmapsRollup } from '../../src/parsers/smaps-rollup.js';
import { parseSwaponShow } from '../../src/parsers/swapon.js';
import { parseProcSwaps } from '../../src/parsers/swaps.js';
import { parseSysctlOutput } from '../../src/parsers/sysctl.js';
import { parseSystemctlShow } from '../../src/parsers/systemctl-show.js';
import { parseSysvipcShm } from '../../src/parsers/sysvipc-shm.js';
import { parseThpSetting } from '../../src/parsers/thp.js';
import { parseVmstatTable } from '../../src/parsers/vmstat-table.js';
import { parseVmstat } from '../../src/parsers/vmstat.js';
import { parseZoneinfo } from '../../src/parsers/zoneinfo.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { readRealFixture } from '../parsers/parser-kit.js';
import { baseBundle } from './build-corpus.js';
import { gzip } from './bundle-files.js';
import { editRecords } from './series-edit.js';

type TextParser = (text: string, ctx: ParseContext) => Parsed<unknown>;

export interface FuzzBudget {
  seed: number;
  /** Multiplies every property's run count: 1 in CI, hundreds in bench/fuzz. */
  scale: number;
}

const FIRST_LINE = 7;
const SOURCE = 'fuzz/artifact';

/** One mutation of a text: flip bits, cut, splice in arbitrary or binary text, repeat a piece. */
function mutated(real: string): fc.Arbitrary<string> {
  const bytes = Buffer.from(real, 'utf8');
  const edit = fc.oneof(
    fc.tuple(fc.constant('flip' as const), fc.nat(), fc.integer({ min: 1, max: 255 })),
    fc.tuple(fc.constant('cut' as const), fc.nat(), fc.nat({ max: 400 })),
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.string({ unit: 'binary', maxLength: 60 })),
    fc.tuple(fc.constant('repeat' as const), fc.nat(), fc.nat({ max: 300 })),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    let b = bytes;
    for (const [kind, rawAt, arg] of edits) {
      const at = b.length === 0 ? 0 : rawAt % b.length;
      if (kind === 'flip') b = Buffer.concat([b.subarray(0, at), Buffer.from([(b[at] ?? 0) ^ (arg as number)]), b.subarray(at + 1)]);
      else if (kind === 'cut') b = Buffer.concat([b.subarray(0, at), b.subarray(at + (arg as number))]);
      else if (kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(arg as string, 'utf8'), b.subarray(at)]);
      else b = Buffer.concat([b.subarray(0, at + (arg as number)), b.subarray(at)]);
    }
    return b.toString('utf8');
  });
}

const fixture = (path: string) => readRealFixture(path);
const firstRecord = (text: string) => text.split(/^=== .*\n/m)[1]!;

/** Every parser of src/parsers (and the loader's record parsers), each with a real input. */
export function parserTable(): [string, TextParser, string][] {
  const sample = baseBundle();
  const cgroupV1 = (name: string) => firstRecord(fixture(`02_oom_memcg/v1_single_leaker/cgroup_memory.${name}.samples.txt`));
  return [
    ['buddyinfo', parseBuddyinfo, fixture('01_baseline/proc_buddyinfo.txt')],
    ['cgroup-memory', (text, ctx) => parseCgroupMemory({ 'memory.stat': text, 'memory.usage_in_bytes': cgroupV1('usage_in_bytes'), 'memory.oom_control': text }, '/fuzz', ctx), cgroupV1('stat')],
    ['cgroup-series', parseCgroupSeriesRecord, `--- v1 /\n${cgroupV1('stat').split('\n').map((l) => `memory.stat ${l}`).join('\n')}\nmemory.usage_in_bytes 822751232\n`],
    ['cmdline', parseCmdline, sample.text('proc/1210/cmdline')],
    ['df', parseDf, fixture('04_shm_tmpfs/B_sysv_plus_tmpfs/df_kPT.txt')],
    ['du', parseDu, sample.text('commands/du_-akx_-d_3__run_shm')],
    ['ipcs', parseIpcsShm, fixture('04_shm_tmpfs/A_sysv_only/ipcs_m.txt')],
    ['ipcs -p', parseIpcsShmPids, fixture('04_shm_tmpfs/A_sysv_only/ipcs_m_p.txt')],
    ['kernel-log', (text, ctx) => parseKernelLog(text, ctx), fixture('02_oom_memcg/dmesg_full_after_all_variants.txt')],
    ['maps', parseMaps, fixture('05_mmap/run1_file_freshly_written_dirty/proc_pid_maps.txt')],
    ['meminfo', parseMeminfo, fixture('01_baseline/proc_meminfo.txt')],
    ['mounts', parseMounts, sample.text('proc/mounts')],
    ['pressure', parsePressure, fixture('01_baseline/proc_pressure_memory.txt')],
    ['proc-stat', parseProcStat, fixture('01_baseline/proc_stat.txt')],
    ['proc-status', parseProcStatus, fixture('05_mmap/run1_file_freshly_written_dirty/proc_pid_status.txt')],
    ['procs-table', parseProcsTable, firstRecord(sample.text('series/procs'))],
    ['ps-table', parsePsTable, fixture('01_baseline/ps_sorted_rss_head40.txt')],
    ['sadf-csv', parseSadfCsv, fixture('06_sysstat/sadf_d_r_S_W_B.csv')],
    ['slabinfo', parseSlabinfo, fixture('01_baseline/proc_slabinfo.txt')],
    ['smaps-rollup', parseSmapsRollup, fixture('05_mmap/run1_file_freshly_written_dirty/proc_pid_smaps_rollup.txt')],
    ['smaps-series', parseSmapsRollupRecord, firstRecord(sample.text('series/smaps_rollup'))],
    ['swapon', parseSwaponShow, sample.text('commands/swapon_--show_--bytes')],
    ['swaps', parseProcSwaps, sample.text('proc/swaps')],
    ['sysctl', parseSysctlOutput, fixture('01_baseline/sysctl_vm.txt')],
    ['systemctl-show', parseSystemctlShow, sample.text('commands/systemctl_show_-p_Id,MemoryMax,MemoryHigh,MemorySwapMax,OOMPolicy,RuntimeMaxSec')],
    ['sysvipc-shm', parseSysvipcShm, fixture('04_shm_tmpfs/A_sysv_only/proc_sysvipc_shm.txt')],
    ['thp', parseThpSetting, fixture('01_baseline/thp_defrag.txt')],
    ['vmstat-table', parseVmstatTable, fixture('01_baseline/vmstat_1_5.txt')],
    ['vmstat', parseVmstat, fixture('01_baseline/proc_vmstat.txt')],
    ['zoneinfo', parseZoneinfo, fixture('01_baseline/proc_zoneinfo_head200.txt')],
  ];
}

/** A parser never throws on a mutated or arbitrary input, and its diagnostics point inside the text. */
export function checkParser(parse: TextParser, real: string, budget: FuzzBudget, numRuns: number): void {
  const input = fc.oneof({ weight: 4, arbitrary: mutated(real) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }) });
  fc.assert(
    fc.property(input, (text) => {
      const { diagnostics } = parse(text, parseContext(SOURCE, FIRST_LINE));
      const lastLine = FIRST_LINE + text.split('\n').length - 1;
      for (const d of diagnostics) {
        // The cgroup parsers name the file inside the cgroup directory: '<source>/memory.stat'.
        expect(d.source === SOURCE || d.source.startsWith(`${SOURCE}/`), d.source).toBe(true);
        if (d.line === undefined) continue;
        expect(d.line).toBeGreaterThanOrEqual(FIRST_LINE);
        expect(d.line).toBeLessThanOrEqual(lastLine);
      }
    }),
    { seed: budget.seed, numRuns: numRuns * budget.scale },
  );
}

/** A small real-shaped bundle archive, plain tar and gzip, to mutate. */
function smallArchives(): Buffer[] {
  const tar = baseBundle().delete(/^series\/(slabinfo|smaps_rollup|vmstat|buddyinfo)$/).tar();
  return [tar, gzip(tar)];
}

/**
 * The reader on an archive with bit flips and a truncation: it resolves, or rejects with
 * UnreadableInputError only; every delivered path stays inside the bundle.
 */
export async function checkReader(budget: FuzzBudget, numRuns: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'memtrail-fuzz-reader-'));
  const archives = smallArchives();
  const damage = fc.record({
    which: fc.nat({ max: archives.length - 1 }),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }),
    keep: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  });
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(damage, async ({ which, flips, keep }) => {
        const bytes = Buffer.from(archives[which]!);
        for (const [at, mask] of flips) bytes[at % bytes.length] ^= mask;
        const file = join(dir, `case-${(run += 1)}`);
        writeFileSync(file, keep === null ? bytes : bytes.subarray(0, Math.floor(bytes.length * keep)));
        const paths: string[] = [];
        try {
          await readBundle(file, async (entry) => {
            paths.push(entry.path);
            for await (const line of entry.lines()) void line;
          }, { maxTotalBytes: 8 * 1024 * 1024 });
        } catch (err) {
          if (!(err instanceof UnreadableInputError)) throw err;
        } finally {
          rmSync(file, { force: true });
        }
        for (const path of paths) {
          expect(path.startsWith('/')).toBe(false);
          expect(path.split('/')).not.toContain('..');
        }
      }),
      { seed: budget.seed, numRuns: numRuns * budget.scale },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `=== <time>` separator: mostly ordered, sometimes repeated, backwards, huge, fractional or junk. */
const recordTime = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '9999999999999', '1773079200.5', '-5', 'NaN', '1e9', '', '1773079200 1773079200') },
  { weight: 1, arbitrary: fc.integer({ min: -20_000, max: 20_000 }).map((d) => String(1773079200 + d)) },
);

/**
 * Loader, timeline, audits and both renderers on a bundle whose series records are mutated,
 * re-timed and shuffled: no exception other than UnreadableInputError.
 */
export async function checkPipeline(budget: FuzzBudget, numRuns: number): Promise<void> {
  const base = baseBundle().delete(/^series\/(slabinfo|smaps_rollup|buddyinfo)$/).delete(/^proc\/\d+\//);
  const sources = ['series/meminfo', 'series/vmstat', 'series/procs', 'series/pressure-memory'] as const;
  const recordEdit = fc.record({ time: recordTime, body: fc.option(mutated(firstRecord(base.text('series/procs'))), { freq: 8, nil: null }) });
  const bundleEdit = fc.record({
    source: fc.constantFrom(...sources),
    edits: fc.array(recordEdit, { minLength: 1, maxLength: 6 }),
    keepEvery: fc.integer({ min: 1, max: 9 }),
    dmesg: fc.option(mutated(base.text('commands/dmesg')), { nil: null }),
  });
  const dir = mkdtempSync(join(tmpdir(), 'memtrail-fuzz-pipeline-'));
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(bundleEdit, async ({ source, edits, keepEvery, dmesg }) => {
        const bundle = base.clone().edit(new RegExp(`^${source}$`), (text) =>
          editRecords(text, (record, i) => {
            if (i % keepEvery !== 0) return [];
            const e = edits[i % edits.length]!;
            return [{ time: e.time ?? record.time, body: e.body ?? record.body }];
          }));
        if (dmesg !== null) bundle.set('commands/dmesg', dmesg);
        const root = bundle.writeDirectory(join(dir, `case-${(run += 1)}`));
        try {
          const { report } = await analyzeBundle(root);
          renderHtml(report);
          renderMarkdown(report);
        } catch (err) {
          if (!(err instanceof UnreadableInputError)) throw err;
        } finally {
          rmSync(join(root, '..'), { recursive: true, force: true });
        }
      }),
      { seed: budget.seed, numRuns: numRuns * budget.scale },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
