/**
 * Kernel messages for synthetic bundles, in the 6.x shapes of the real captures
 * (shared/fixtures/real/02_oom_memcg) and of shared/reference/kernel-log-formats.md.
 */
import type { ProcState, ServerState } from './server-state.js';

const stamp = (uptime: number) => `[${uptime.toFixed(6).padStart(12)}]`;

/** A dmesg line `[ uptime] message`. */
export function dmesgLine(uptime: number, message: string): string {
  return `${stamp(uptime)} ${message}`;
}

export interface OomSpec {
  uptime: number;
  trigger: ProcState;
  victim: ProcState;
  /** null = a global (system-wide) OOM; otherwise the memcg path. */
  memcg: string | null;
  limitKb?: number;
  state: ServerState;
}

/** A complete OOM report: header, stack, Mem-Info or memcg block, task table, summary, kill line. */
export function oomReport(o: OomSpec): string[] {
  const t = o.uptime;
  const lines = [
    `${o.trigger.comm} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=${o.trigger.oomScoreAdj}`,
    `CPU: 3 UID: 0 PID: ${o.trigger.pid} Comm: ${o.trigger.comm} Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1`,
    'Hardware name: Dell Inc. PowerEdge R640/0H28RR, BIOS 2.19.1 06/04/2023',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x44/0x5c',
    ' dump_header+0x4a/0x211',
    ' oom_kill_process.cold+0xb/0x10',
    ' out_of_memory+0x1fd/0x4c0',
    ' __alloc_pages_slowpath.constprop.0+0xcbc/0xe10',
    ' __alloc_pages+0x305/0x330',
    ' </TASK>',
  ];
  if (o.memcg) {
    const limit = o.limitKb ?? 4_194_304;
    lines.push(`memory: usage ${limit}kB, limit ${limit}kB, failcnt 18211`, `Memory cgroup stats for ${o.memcg}:`);
  } else {
    const free = Math.round(o.state.swapTotalKb - o.state.swapUsedKb);
    lines.push(
      'Mem-Info:',
      `active_anon:${Math.round(o.victim.anonKb / 4)} inactive_anon:131072 isolated_anon:0`,
      'Node 0 Normal free:67584kB boost:0kB min:67584kB low:84480kB high:101376kB reserved_highatomic:0KB',
      `Free swap  = ${free}kB`,
      `Total swap = ${o.state.swapTotalKb}kB`,
      `${o.state.memTotalKb / 4} pages RAM`,
    );
  }
  lines.push(
    'Tasks state (memory values in pages):',
    '[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name',
  );
  for (const p of o.state.processes) {
    const rss = Math.round((p.anonKb + p.fileKb) / 4);
    lines.push(
      `[${String(p.pid).padStart(7)}] ${String(p.uid ?? 0).padStart(5)} ${String(p.pid).padStart(5)} ${String(Math.round(rss * 1.4)).padStart(8)} ${String(rss).padStart(8)} ${String(Math.round(p.anonKb / 4)).padStart(8)} ${String(Math.round(p.fileKb / 4)).padStart(8)}         0 ${String(rss * 12).padStart(14)} ${String(Math.round(p.swapKb / 4)).padStart(8)} ${String(p.oomScoreAdj).padStart(13)} ${p.comm}`,
    );
  }
  const v = o.victim;
  const scope = o.memcg
    ? `constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=${o.memcg},task_memcg=${o.memcg}`
    : 'constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/app-worker.service';
  lines.push(
    `oom-kill:${scope},task=${v.comm},pid=${v.pid},uid=${v.uid ?? 0}`,
    `${o.memcg ? 'Memory cgroup out of memory' : 'Out of memory'}: Killed process ${v.pid} (${v.comm}) total-vm:${Math.round((v.anonKb + v.fileKb) * 1.4)}kB, anon-rss:${Math.round(v.anonKb)}kB, file-rss:${Math.round(v.fileKb)}kB, shmem-rss:0kB, UID:${v.uid ?? 0} pgtables:${Math.round((v.anonKb + v.fileKb) / 340)}kB oom_score_adj:${v.oomScoreAdj}`,
  );
  return lines.map((line, i) => dmesgLine(t + i * 0.000013, line));
}

export function allocFailure(uptime: number, comm: string, pid: number, order: number): string[] {
  return [
    `${comm}: page allocation failure: order:${order}, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0`,
    `CPU: 1 UID: 0 PID: ${pid} Comm: ${comm} Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1`,
    'Call Trace:',
    ' <TASK>',
    ' warn_alloc+0x138/0x160',
    ' __alloc_pages_slowpath.constprop.0+0xd4a/0xe10',
    ' </TASK>',
    'Mem-Info:',
    'Node 0 Normal free:1842176kB boost:0kB min:67584kB low:84480kB high:101376kB reserved_highatomic:0KB',
  ].map((line, i) => dmesgLine(uptime + i * 0.000011, line));
}

export function hungTask(uptime: number, comm: string, pid: number, seconds: number): string[] {
  return [
    `INFO: task ${comm}:${pid} blocked for more than ${seconds} seconds.`,
    '      Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1',
    '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    `task:${comm.padEnd(15)} state:D stack:0     pid:${String(pid).padStart(5)} ppid:1      flags:0x00004002`,
  ].map((line, i) => dmesgLine(uptime + i * 0.000009, line));
}

/** A few ordinary boot lines, so a log is never only the incident. */
export function bootLines(): string[] {
  return [
    'Linux version 6.1.0-27-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)',
    'Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-27-amd64 root=UUID=6f1e2c2a ro quiet',
    'Memory: 16123456K/16777216K available (14336K kernel code, 2345K rwdata)',
    'EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.',
    'Adding 8388604k swap on /dev/nvme0n1p3.  Priority:-2 extents:1 across:8388604k SSFS',
  ].map((line, i) => dmesgLine(0.5 + i * 0.4, line));
}
