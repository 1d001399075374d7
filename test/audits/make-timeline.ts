/**
 * Hand-built Timelines for audit tests: an empty one that a test fills with artifacts, tracks,
 * rates and events, plus readers for the real captures in ../shared/fixtures/real/ (README.md
 * there says what each file is and when it was taken).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyArtifacts } from '../../src/load/empty-artifacts.js';
import type { Artifacts, Sample } from '../../src/model/artifacts.js';
import { parseContext, type ParseContext, type Parsed } from '../../src/model/diagnostic.js';
import type { OomInvocationEvent, OomKillEvent } from '../../src/model/kernel-events.js';
import type { BundleInfo, ProcessTrack, RateSeries, Timeline, TimelineEvent } from '../../src/model/timeline.js';
import { parseBuddyinfo } from '../../src/parsers/buddyinfo.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { parsePressure } from '../../src/parsers/pressure.js';
import { parseProcStatus } from '../../src/parsers/proc-status.js';
import { parseSlabinfo } from '../../src/parsers/slabinfo.js';
import { parseProcSwaps } from '../../src/parsers/swaps.js';
import { parseSysctlOutput } from '../../src/parsers/sysctl.js';
import { parseThpSetting } from '../../src/parsers/thp.js';
import { splitSamples } from '../load/real-bundles.js';

export const REAL = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url));
/** btime of the captured machine (/proc/stat); boot epoch is about 0.21 s later. */
export const BTIME = 1795703978;

export const real = (rel: string): string => readFileSync(path.join(REAL, rel), 'utf8');

/** Parse one fixture file with a real parser; the bundle source is the fixture's path. */
export function parsed<T>(parse: (text: string, ctx: ParseContext) => Parsed<T>, rel: string): T {
  return parse(real(rel), parseContext(rel)).data;
}

export function sample<T>(source: string, time: number, data: T, line = 1): Sample<T> {
  return { source, time, line, data };
}

export interface TimelineFill {
  info?: Partial<BundleInfo>;
  artifacts?: Partial<Artifacts>;
  processes?: ProcessTrack[];
  rates?: [string, RateSeries][];
  events?: TimelineEvent[];
}

export function makeTimeline(fill: TimelineFill = {}): Timeline {
  const info: BundleInfo = {
    host: 'vm', kernel: '6.18.44-fc-v669', arch: 'x86_64', bootTime: BTIME, bootTimeSource: 'proc-stat',
    start: null, end: null, timezone: null, intervalS: null, pageSizeBytes: 4096, synthetic: false, collectorVersion: null,
    ...fill.info,
  };
  return {
    info,
    artifacts: { ...emptyArtifacts('directory', REAL), ...fill.artifacts },
    rates: new Map(fill.rates ?? []),
    processes: fill.processes ?? [],
    events: fill.events ?? [],
  };
}

/** A process track from a real `proc_pid_status.samples.txt` (VmRSS, VmSwap per `=== epoch` block). */
export function trackFromStatusSamples(rel: string, oomScoreAdj = 0): ProcessTrack {
  const points = splitSamples(real(rel)).map(([time, text]) => {
    const s = parseProcStatus(text, parseContext(rel)).data;
    return { time, pid: s.pid!, rssBytes: s.vmRssBytes ?? 0, swapBytes: s.vmSwapBytes ?? 0, oomScoreAdj };
  });
  const comm = parseProcStatus(splitSamples(real(rel))[0]![1], parseContext(rel)).data.name!;
  return { comm, pids: [...new Set(points.map((p) => p.pid))], points, restarts: [] };
}

/** An oom-kill event as the kernel-log parser gives it; fields not passed are null. */
export function oomKill(f: Partial<OomKillEvent> & Pick<OomKillEvent, 'source' | 'line' | 'pid' | 'comm' | 'uptime' | 'text'>): OomKillEvent & { time: number | null } {
  return {
    type: 'oom-kill', wallTime: null, boot: 0, totalVmKb: null, anonRssKb: null, fileRssKb: null, shmemRssKb: null, uid: null,
    pgtablesKb: null, oomScoreAdj: null, scope: null, constraint: null, memcg: null, taskMemcg: null, reason: null, trigger: null,
    time: f.uptime === null ? null : BTIME + f.uptime,
    ...f,
  };
}

export function oomInvocation(f: Partial<OomInvocationEvent> & Pick<OomInvocationEvent, 'source' | 'line' | 'comm' | 'uptime' | 'text'>): OomInvocationEvent & { time: number | null } {
  return {
    type: 'oom-invocation', wallTime: null, boot: 0, pid: null, gfpMask: null, gfpFlags: [], order: null, oomScoreAdj: null,
    memcgUsageKb: null, memcgLimitKb: null, memcgFailcnt: null, freeSwapKb: null, tasks: [],
    time: f.uptime === null ? null : BTIME + f.uptime,
    ...f,
  };
}

const BASELINE_DMESG = '01_baseline/dmesg.txt';
/** The earlier, unrelated memcg kill in the baseline dmesg (lines 342 and 420). */
export const baselineMemcgKill = oomKill({
  source: BASELINE_DMESG, line: 420, uptime: 254.075844, pid: 7511, comm: 'python3', totalVmKb: 75160, anonRssKb: 65152, fileRssKb: 2520,
  shmemRssKb: 0, uid: 0, pgtablesKb: 184, oomScoreAdj: 0, scope: 'memcg', constraint: 'CONSTRAINT_MEMCG',
  memcg: '/process_api/d518b30646e7d5ae7be9fcdd19e622f2/oomtest', taskMemcg: '/process_api/d518b30646e7d5ae7be9fcdd19e622f2/oomtest',
  reason: 'Memory cgroup out of memory', text: 'Memory cgroup out of memory: Killed process 7511 (python3) total-vm:75160kB, anon-rss:65152kB, file-rss:2520kB, shmem-rss:0kB, UID:0 pgtables:184kB oom_score_adj:0',
});
export const baselineMemcgInvocation = oomInvocation({
  source: BASELINE_DMESG, line: 342, uptime: 254.072439, comm: 'python3', gfpMask: '0xcc0', order: 0, oomScoreAdj: 0,
  memcgUsageKb: 65536, memcgLimitKb: 65536, memcgFailcnt: 3480,
  tasks: [{ pid: 7511, uid: 0, tgid: 7511, totalVmPages: 18790, rssPages: 16918, rssAnonPages: 16288, rssFilePages: 630, rssShmemPages: 0, pgtablesBytes: 188416, swapents: 0, oomScoreAdj: 0, name: 'python3' }],
  text: 'python3 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
});

/** Start and end of the 01_baseline capture (README: epoch 1795704623.669 to 1795704627.732). */
export const BASELINE_START = 1795704623.669;
export const BASELINE_END = 1795704627.732;

/** The idle 01_baseline machine as one timeline: static captures at the capture start, its dmesg events. */
export function baselineTimeline(): Timeline {
  const at = <T>(parse: (text: string, ctx: ParseContext) => Parsed<T>, file: string) => sample(`01_baseline/${file}`, BASELINE_START, parsed(parse, `01_baseline/${file}`));
  return makeTimeline({
    info: { start: BASELINE_START, end: BASELINE_END },
    artifacts: {
      meminfo: [at(parseMeminfo, 'proc_meminfo.txt')],
      buddyinfo: [at(parseBuddyinfo, 'proc_buddyinfo.txt')],
      slabinfo: [at(parseSlabinfo, 'proc_slabinfo.txt')],
      pressure: [at(parsePressure, 'proc_pressure_memory.txt')],
      swaps: [at(parseProcSwaps, 'proc_swaps.txt')],
      sysctl: parsed(parseSysctlOutput, '01_baseline/sysctl_vm.txt'),
      thpEnabled: parsed(parseThpSetting, '01_baseline/thp_enabled.txt'),
      // df -kPT of the baseline: the two RAM-sized tmpfs mounts, both empty.
      df: [
        { filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 24684084 * 1024, usedBytes: 0, availBytes: 24684084 * 1024, usePercent: 0, mountpoint: '/dev/shm' },
        { filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 12342040 * 1024, usedBytes: 0, availBytes: 12342040 * 1024, usePercent: 0, mountpoint: '/sys/fs/cgroup' },
      ],
      ipcsShm: [],
      kernelEvents: [baselineMemcgInvocation, baselineMemcgKill],
      kernelLogSources: [BASELINE_DMESG],
    },
    events: [baselineMemcgInvocation, baselineMemcgKill],
  });
}
