/**
 * The artifact registry: bundle path → handler. One table for layout v1, the proc/ and sys/
 * paths an sosreport shares with it, and the sosreport's own files (sosreport.ts); paths that
 * match nothing are indexed, not parsed.
 */
import type { BundleEntry } from '../bundle/types.js';
import type { Artifacts, Sample } from '../model/artifacts.js';
import { parseBuddyinfo } from '../parsers/buddyinfo.js';
import { parseCmdline } from '../parsers/cmdline.js';
import { parseMaps } from '../parsers/maps.js';
import { parseMeminfo } from '../parsers/meminfo.js';
import { parseMounts } from '../parsers/mounts.js';
import { parsePressure } from '../parsers/pressure.js';
import { parseProcStat } from '../parsers/proc-stat.js';
import { parseProcStatus } from '../parsers/proc-status.js';
import { parseSlabinfo } from '../parsers/slabinfo.js';
import { parseSmapsRollup } from '../parsers/smaps-rollup.js';
import { parseProcSwaps } from '../parsers/swaps.js';
import { parseSysvipcShm } from '../parsers/sysvipc-shm.js';
import { parseThpSetting } from '../parsers/thp.js';
import { parseVmstat } from '../parsers/vmstat.js';
import { parseZoneinfo } from '../parsers/zoneinfo.js';
import { commandHandler } from './commands.js';
import { loadKernelLog, loadKernelLogSeries } from './kernel-log.js';
import { parseManifest } from './manifest.js';
import type { SeriesName, SeriesSampleData } from './series/kinds.js';
import { cgroupPathOf } from './paths.js';
import { loadSosCommand, loadSosManifest, loadSosVersionTxt } from './sosreport.js';
import type { LoadState, Parser } from './state.js';
import { wholeFile } from './whole-file.js';

export type Handler = (entry: BundleEntry, match: RegExpExecArray, state: LoadState) => Promise<void>;

type Pick<T> = (a: Artifacts) => Sample<T>[];

/** A one-shot file that fills one field of Artifacts. */
function field<T>(parser: Parser<T>, store: (data: T, state: LoadState, source: string) => void): Handler {
  const handle = wholeFile(parser, store);
  return (entry, _m, state) => handle(entry, state);
}

/** A one-shot copy of a source that is also sampled (proc/meminfo …): one more sample. */
function oneShot<T>(pick: Pick<T>, parser: Parser<T>): Handler {
  return field(parser, (data, state, source) => state.addStatic(pick(state.artifacts), source, data));
}

/** A `series/<name>` file: each record parsed like the static file, with its real line numbers (src/load/series/). */
function series<N extends SeriesName>(name: N, pick: Pick<SeriesSampleData<N>>): Handler {
  return (entry, _m, state) => {
    const spec = { job: 'series' as const, name, source: entry.path, pageSizeBytes: state.ctx(entry.path).pageSizeBytes, firstSegment: true };
    return state.runJob(spec, entry, ({ samples }) => state.addSeriesSamples(pick(state.artifacts) as Sample<unknown>[], samples));
  };
}

/** A file under proc/<pid>/, parsed into that process's capture. */
function perProcess<T>(parser: Parser<T>, store: (data: T, capture: ReturnType<LoadState['process']>) => void): Handler {
  return (entry, m, state) => wholeFile(parser, (data) => store(data, state.process(Number(m[1]))))(entry, state);
}

const textLines: Parser<string[]> = (text) => ({ data: text.split('\n').filter((l) => l.trim() !== ''), diagnostics: [] });
const integer: Parser<number | null> = (text, ctx) => {
  const n = Number(text.trim());
  return Number.isInteger(n) && text.trim() !== ''
    ? { data: n, diagnostics: [] }
    : { data: null, diagnostics: [{ source: ctx.source, line: ctx.firstLine, severity: 'warning', message: `not an integer: "${text.trim().slice(0, 40)}"` }] };
};

const command: Handler = async (entry, m, state) => commandHandler(m[1]!)?.(entry, state);
const cgroupFile: Handler = async (entry, m, state) => {
  state.addCgroupFile(m[1]!, cgroupPathOf(m[1]!), m[2]!, await entry.text());
};

export const ROUTES: [RegExp, Handler][] = [
  [/^manifest\.json$/, async (entry, _m, state) => {
    const { data, diagnostics } = parseManifest(await entry.text(), entry.path);
    for (const d of diagnostics) state.report(d);
    state.artifacts.manifest = data;
  }],
  [/^proc\/meminfo$/, oneShot((a) => a.meminfo, parseMeminfo)],
  [/^proc\/vmstat$/, oneShot((a) => a.vmstat, parseVmstat)],
  [/^proc\/buddyinfo$/, oneShot((a) => a.buddyinfo, parseBuddyinfo)],
  [/^proc\/slabinfo$/, oneShot((a) => a.slabinfo, parseSlabinfo)],
  [/^proc\/zoneinfo$/, oneShot((a) => a.zoneinfo, parseZoneinfo)],
  [/^proc\/pressure\/memory$/, oneShot((a) => a.pressure, parsePressure)],
  [/^proc\/swaps$/, oneShot((a) => a.swaps, parseProcSwaps)],
  [/^proc\/stat$/, field(parseProcStat, (d, s) => void (s.artifacts.procStatBootTime = d.bootTime))],
  [/^proc\/sys\/vm\/([\w-]+)$/, async (entry, m, state) => {
    state.artifacts.sysctl[`vm.${m[1]}`] = (await entry.text()).trim();
  }],
  [/^proc\/sysvipc\/shm$/, field(parseSysvipcShm, (d, s) => void (s.artifacts.sysvShm = d))],
  [/^proc\/mounts$/, field(parseMounts, (d, s) => void (s.artifacts.mounts = d))],
  [/^proc\/(\d+)\/status$/, perProcess(parseProcStatus, (d, p) => void (p.status = d))],
  [/^proc\/(\d+)\/smaps_rollup$/, perProcess(parseSmapsRollup, (d, p) => void (p.smapsRollup = d))],
  [/^proc\/(\d+)\/maps$/, perProcess(parseMaps, (d, p) => void (p.maps = d))],
  [/^proc\/(\d+)\/cmdline$/, perProcess(parseCmdline, (d, p) => void (p.cmdline = d))],
  [/^proc\/(\d+)\/oom_score_adj$/, perProcess(integer, (d, p) => void (p.oomScoreAdj = d))],
  [/^proc\/(\d+)\/cgroup$/, perProcess(textLines, (d, p) => void (p.cgroup = d))],
  [/^sys\/kernel\/mm\/transparent_hugepage\/enabled$/, field(parseThpSetting, (d, s) => void (s.artifacts.thpEnabled = d))],
  [/^sys\/kernel\/mm\/transparent_hugepage\/defrag$/, field(parseThpSetting, (d, s) => void (s.artifacts.thpDefrag = d))],
  [/^(sys\/fs\/cgroup(?:\/.*)?)\/(memory\.[\w.]+)$/, cgroupFile],
  [/^commands\/([^/]+)$/, command],
  [/^sos_commands\/[^/]+\/[^/]+$/, (entry, _m, state) => loadSosCommand(entry, state)],
  [/^sos_reports\/manifest\.json$/, (entry, _m, state) => loadSosManifest(entry, state)],
  [/^version\.txt$/, (entry, _m, state) => loadSosVersionTxt(entry, state)],
  // sosreports: proc/mounts is a link to proc/self/mounts, i.e. the mounts of sos's own pid.
  [/^proc\/\d+\/mounts$/, field(parseMounts, (d, s) => void (s.artifacts.mounts ??= d))],
  // Rotated copies too (.1), not compressed ones (.2.gz): those are gzip inside the archive.
  [/^var\/log\/(kern\.log|messages|syslog)(\.\d+)?$/, async (entry, _m, state) => loadKernelLog(entry, state)],
  [/^series\/meminfo$/, series('meminfo', (a) => a.meminfo)],
  [/^series\/vmstat$/, series('vmstat', (a) => a.vmstat)],
  [/^series\/buddyinfo$/, series('buddyinfo', (a) => a.buddyinfo)],
  [/^series\/slabinfo$/, series('slabinfo', (a) => a.slabinfo)],
  [/^series\/zoneinfo$/, series('zoneinfo', (a) => a.zoneinfo)],
  [/^series\/pressure-memory$/, series('pressure-memory', (a) => a.pressure)],
  [/^series\/swaps$/, series('swaps', (a) => a.swaps)],
  [/^series\/procs$/, series('procs', (a) => a.procs)],
  [/^series\/smaps_rollup$/, series('smaps_rollup', (a) => a.smapsRollup)],
  [/^series\/cgroup-memory$/, series('cgroup-memory', (a) => a.cgroups)],
  [/^series\/dmesg$/, async (entry, _m, state) => loadKernelLogSeries(entry, state)],
];

export function routeFor(path: string): { handler: Handler; match: RegExpExecArray } | null {
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(path);
    if (match) return { handler, match };
  }
  return null;
}
