/**
 * Line parsers for the OOM report (mm/oom_kill.c, mm/memcontrol.c), by shape, never by version.
 * Real 6.18 samples (02_oom_memcg/v1_single_leaker/dmesg_oom_event.txt):
 *
 *     python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
 *     memory: usage 65536kB, limit 65536kB, failcnt 31980
 *     oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/process_api/…,task_memcg=/process_api/…,task=python3,pid=11705,uid=0
 *     Memory cgroup out of memory: Killed process 11705 (python3) total-vm:75632kB, anon-rss:64512kB, file-rss:2912kB, shmem-rss:0kB, UID:0 pgtables:184kB oom_score_adj:0
 */
import type { OomKillEvent } from '../../model/kernel-events.js';
import { gfpFlagNames } from './event-base.js';

// reference §1a: every header shape from 2.6 to 6.x, including the 4.10–4.18 double space.
const HEADER = /^(?<comm>.+?) invoked oom-killer: gfp_mask=(?<gfp>0x[0-9a-f]+)(?:\((?<flags>[^)]*)\))?(?:, nodemask=(?<nm>[^,]*),?)?,? +order=(?<order>-?\d+), (?:oom_adj=-?\d+, )?(?:oomkilladj=-?\d+|oom_score_adj=(?<adj>-?\d+))$/;
// reference §1h, anchored at both ends so comms with parentheses (`((resolved))`) match whole.
const KILLED = /^(?:(?<msg>Out of memory(?: \(oom_kill_allocating_task\))?|Memory cgroup out of memory|Out of Memory): )?Killed process (?<pid>\d+)(?:, UID (?<uid0>\d+),)? \((?<comm>.*?)\)(?:, UID (?<uid1>\d+),)?(?: (?:total-vm|vsz):(?<vm>\d+)kB, anon-rss:(?<anon>\d+)kB, file-rss:(?<file>\d+)kB(?:, shmem-rss:(?<shmem>\d+)kB)?(?:, UID:(?<uid>\d+) pgtables:(?<pgt>\d+)kB oom_score_adj:(?<adj>-?\d+))?)?\.?$/;
// reference §1f; fields are matched lazily because nodemask and mems_allowed lists may hold commas.
const SUMMARY = /^oom-kill:constraint=(?<c>CONSTRAINT_\w+),nodemask=(?<nm>.*?),cpuset=(?<cpuset>.*?),mems_allowed=(?<mems>.*?)(?:,oom_memcg=(?<oomMemcg>.*?)|(?<global>,global_oom))(?:,task_memcg=(?<taskMemcg>.*?))?,task=(?<task>.*),pid=(?<pid>\d+),uid=(?<uid>\d+)$/;
const SUMMARY_COMPLETE = /,pid=\d+,uid=\d+$/;
// reference §1g: `<msg>: Kill process N (comm) score N or sacrifice child` and its older wordings.
const SELECTION = /^(?<msg>.+?): [Kk]ill process (?<pid>\d+) \((?<comm>.*)\) score -?\d+ (?:or sacrifice child|or a child|and children\.)$/;
const MEMCG_COUNTERS = /^memory: usage (\d+)kB, limit (\d+)kB, failcnt (\d+)$/;
const FREE_SWAP = /^Free swap\s+=\s*(\d+)kB$/;
const TASK_IN = /^Task in (?<task>.+?) killed as a result of limit of (?<limit>.+)$/;
const LIMIT_REACHED = /^Memory limit reached of cgroup (.+)$/;
const GROUP_KILL = /^Tasks in (.+) are going to be killed due to memory\.oom\.group set$/;
const VICTIM_EXITING = /: OOM victim \d+ \(.*\) is already exiting\. Skip killing the task$/;
const REAPED = /^oom_reaper: reaped process (\d+) \((.*)\), now anon-rss:/;
const NOT_REAPED = /^oom_reaper: unable to reap pid:(\d+) \((.*)\)$/;

export interface OomHeader {
  comm: string;
  gfpMask: string;
  gfpFlags: string[];
  order: number;
  oomScoreAdj: number | null;
}

/** The fields a `Killed process` line shows; `reason` is the `<msg>:` before it. */
export type KilledLine = Pick<OomKillEvent, 'reason' | 'pid' | 'comm' | 'totalVmKb' | 'anonRssKb' | 'fileRssKb' | 'shmemRssKb' | 'uid' | 'pgtablesKb' | 'oomScoreAdj'>;

export interface OomSummary {
  constraint: string;
  oomMemcg: string | null;
  globalOom: boolean;
  taskMemcg: string | null;
  task: string;
  pid: number;
  uid: number;
}

export interface SelectionLine {
  reason: string;
  pid: number;
  comm: string;
}

export interface MemcgCounters {
  usageKb: number;
  limitKb: number;
  failcnt: number;
}

export interface ReaperLine {
  pid: number;
  comm: string;
  reaped: boolean;
}

const numberOrNull = (text: string | undefined): number | null => (text === undefined ? null : Number(text));

export function parseOomHeader(text: string): OomHeader | null {
  if (!text.includes(' invoked oom-killer: ')) return null;
  const groups = HEADER.exec(text)?.groups;
  if (groups === undefined) return null;
  return { comm: groups.comm ?? '', gfpMask: groups.gfp ?? '', gfpFlags: gfpFlagNames(groups.flags), order: Number(groups.order), oomScoreAdj: numberOrNull(groups.adj) };
}

export function parseKilledLine(text: string): KilledLine | null {
  if (!text.includes('Killed process ')) return null;
  const g = KILLED.exec(text)?.groups;
  if (g === undefined) return null;
  return {
    reason: g.msg ?? null,
    pid: Number(g.pid),
    comm: g.comm ?? '',
    totalVmKb: numberOrNull(g.vm),
    anonRssKb: numberOrNull(g.anon),
    fileRssKb: numberOrNull(g.file),
    shmemRssKb: numberOrNull(g.shmem),
    uid: numberOrNull(g.uid ?? g.uid0 ?? g.uid1),
    pgtablesKb: numberOrNull(g.pgt),
    oomScoreAdj: numberOrNull(g.adj),
  };
}

export function parseOomSummary(text: string): OomSummary | null {
  if (!text.startsWith('oom-kill:')) return null;
  const g = SUMMARY.exec(text)?.groups;
  if (g === undefined) return null;
  return {
    constraint: g.c ?? '',
    oomMemcg: g.oomMemcg ?? null,
    globalOom: g.global !== undefined,
    taskMemcg: g.taskMemcg ?? null,
    task: g.task ?? '',
    pid: Number(g.pid),
    uid: Number(g.uid),
  };
}

/** A summary cut before `,pid=N,uid=N` by another CPU's line: its pr_cont rest is still to come. */
export function summaryAwaitsFragment(text: string): boolean {
  return text.startsWith('oom-kill:constraint=') && !SUMMARY_COMPLETE.test(text);
}

export function parseSelectionLine(text: string): SelectionLine | null {
  if (!text.includes('ill process ')) return null;
  const g = SELECTION.exec(text)?.groups;
  return g === undefined ? null : { reason: g.msg ?? '', pid: Number(g.pid), comm: g.comm ?? '' };
}

export function parseMemcgCounters(text: string): MemcgCounters | null {
  const match = text.startsWith('memory: ') ? MEMCG_COUNTERS.exec(text) : null;
  return match === null ? null : { usageKb: Number(match[1]), limitKb: Number(match[2]), failcnt: Number(match[3]) };
}

export function parseFreeSwapKb(text: string): number | null {
  const match = text.startsWith('Free swap') ? FREE_SWAP.exec(text) : null;
  return match === null ? null : Number(match[1]);
}

/** ≤4.19 memcg context: `Task in <task_memcg> killed as a result of limit of <oom_memcg>`, or only the limit. */
export function parseMemcgContext(text: string): { taskMemcg: string | null; oomMemcg: string } | null {
  const taskIn = text.startsWith('Task in ') ? TASK_IN.exec(text)?.groups : undefined;
  if (taskIn !== undefined) return { taskMemcg: taskIn.task ?? null, oomMemcg: taskIn.limit ?? '' };
  const limit = text.startsWith('Memory limit reached') ? LIMIT_REACHED.exec(text) : null;
  return limit === null ? null : { taskMemcg: null, oomMemcg: limit[1] ?? '' };
}

/** memory.oom.group: the cgroup whose tasks are all killed next. */
export function parseGroupKill(text: string): string | null {
  return text.startsWith('Tasks in ') ? (GROUP_KILL.exec(text)?.[1] ?? null) : null;
}

export function isVictimExiting(text: string): boolean {
  return text.endsWith('Skip killing the task') && VICTIM_EXITING.test(text);
}

export function parseReaperLine(text: string): ReaperLine | null {
  if (!text.startsWith('oom_reaper: ')) return null;
  const reaped = REAPED.exec(text);
  if (reaped !== null) return { pid: Number(reaped[1]), comm: reaped[2] ?? '', reaped: true };
  const notReaped = NOT_REAPED.exec(text);
  return notReaped === null ? null : { pid: Number(notReaped[1]), comm: notReaped[2] ?? '', reaped: false };
}

/** The reason printed before `Killed process` says which OOM it was when no summary line does. */
export function scopeOfReason(reason: string | null): 'global' | 'memcg' | null {
  if (reason === null) return null;
  return reason.startsWith('Memory cgroup') ? 'memcg' : 'global';
}
