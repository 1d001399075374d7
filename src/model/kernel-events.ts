/**
 * Kernel-log events assembled from multi-line reports (src/parsers/kernel-log/).
 * Fields the log does not show are null, never invented.
 * `uptime` is seconds since boot from the printk stamp; `wallTime` is epoch seconds when the
 * envelope itself carries a wall clock (syslog, journal, dmesg -T/iso). The timeline fills the rest.
 */

export type KernelEventType =
  | 'oom-invocation'
  | 'oom-kill'
  | 'oom-reaper'
  | 'alloc-failure'
  | 'slub-alloc-failure'
  | 'hung-task'
  | 'drop-caches'
  | 'soft-lockup'
  | 'network-memory'
  | 'oom-panic'
  | 'boot';

interface KernelEventBase {
  type: KernelEventType;
  /** Bundle-relative file the event came from. */
  source: string;
  /** 1-based line of the event's first line. */
  line: number;
  uptime: number | null;
  wallTime: number | null;
  /** 0-based boot index within the file: increments when uptime restarts at 0. */
  boot: number;
  /** The event's first message line, without envelope. */
  text: string;
}

export interface OomTaskRow {
  pid: number;
  uid: number;
  tgid: number;
  totalVmPages: number;
  rssPages: number;
  rssAnonPages: number | null;
  rssFilePages: number | null;
  rssShmemPages: number | null;
  pgtablesBytes: number | null;
  swapents: number | null;
  oomScoreAdj: number;
  name: string;
}

export interface OomInvocationEvent extends KernelEventBase {
  type: 'oom-invocation';
  /** The task that triggered the OOM (usually not the victim). */
  comm: string;
  pid: number | null;
  gfpMask: string | null;
  gfpFlags: string[];
  order: number | null;
  oomScoreAdj: number | null;
  /** From the memcg block: `memory: usage …, limit …, failcnt …`. */
  memcgUsageKb: number | null;
  memcgLimitKb: number | null;
  memcgFailcnt: number | null;
  /** `Free swap  = NkB` from Mem-Info (global OOM). */
  freeSwapKb: number | null;
  tasks: OomTaskRow[];
}

export interface OomKillEvent extends KernelEventBase {
  type: 'oom-kill';
  pid: number;
  comm: string;
  totalVmKb: number | null;
  anonRssKb: number | null;
  fileRssKb: number | null;
  shmemRssKb: number | null;
  uid: number | null;
  pgtablesKb: number | null;
  oomScoreAdj: number | null;
  scope: 'global' | 'memcg' | null;
  constraint: string | null;
  memcg: string | null;
  taskMemcg: string | null;
  /** `Out of memory`, `Memory cgroup out of memory`, ... */
  reason: string | null;
  /** The invocation this kill closed, when the header was not rate-limited away. */
  trigger: { comm: string; pid: number | null; order: number | null; gfpMask: string | null } | null;
}

export interface OomReaperEvent extends KernelEventBase {
  type: 'oom-reaper';
  pid: number;
  comm: string;
  reaped: boolean;
}

export interface AllocFailureEvent extends KernelEventBase {
  type: 'alloc-failure';
  comm: string;
  pid: number | null;
  order: number;
  mode: string;
  modeFlags: string[];
  cpuset: string | null;
}

export interface SlubAllocFailureEvent extends KernelEventBase {
  type: 'slub-alloc-failure';
  cache: string | null;
  gfp: string | null;
}

export interface HungTaskEvent extends KernelEventBase {
  type: 'hung-task';
  comm: string;
  pid: number;
  blockedSeconds: number;
}

export interface DropCachesEvent extends KernelEventBase {
  type: 'drop-caches';
  comm: string;
  pid: number;
  value: number;
}

export interface OtherKernelEvent extends KernelEventBase {
  type: 'soft-lockup' | 'network-memory' | 'oom-panic' | 'boot';
}

export type KernelEvent =
  | OomInvocationEvent
  | OomKillEvent
  | OomReaperEvent
  | AllocFailureEvent
  | SlubAllocFailureEvent
  | HungTaskEvent
  | DropCachesEvent
  | OtherKernelEvent;
