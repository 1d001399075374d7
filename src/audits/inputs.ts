/** Named inputs that audits declare, how the runner tells they are present, and what to say when not. */
import { meminfoWithHistory } from '../computed/series.js';
import type { Timeline } from '../model/timeline.js';

interface InputCheck {
  present(t: Timeline): boolean;
  /** Completes "needs …" in a not-enough-data reason. */
  describe: string;
}

/** A parsed file can be empty (a capture cut at 0 bytes): it is present only if it holds data. */
const hasMemTotal = (t: Timeline) => t.artifacts.meminfo.some((s) => s.data.MemTotal !== undefined);

export const INPUTS = {
  meminfo: { present: hasMemTotal, describe: 'a /proc/meminfo sample' },
  'meminfo-series': {
    // sysstat history counts: its kbavail is MemAvailable, every 10 minutes over days.
    present: (t) => meminfoWithHistory(t, 'MemAvailable').points.length >= 2,
    describe: 'at least two /proc/meminfo samples over time (series/meminfo)',
  },
  slabinfo: { present: (t) => t.artifacts.slabinfo.some((s) => s.data.caches.length > 0), describe: '/proc/slabinfo (readable by root only)' },
  buddyinfo: { present: (t) => t.artifacts.buddyinfo.some((s) => s.data.length > 0), describe: '/proc/buddyinfo' },
  sysctl: { present: (t) => Object.keys(t.artifacts.sysctl).length > 0, describe: 'the vm.* sysctls (sysctl -a or /proc/sys/vm)' },
  'procs-series': {
    present: (t) => t.processes.some((p) => p.points.length >= 2) || t.artifacts.smapsRollup.length >= 2,
    describe: 'per-process samples over time (series/procs or series/smaps_rollup)',
  },
  processes: {
    present: (t) => t.processes.length > 0 || t.artifacts.processes.length > 0,
    describe: 'a process list (series/procs or proc/<pid>/status)',
  },
  'kernel-log': {
    present: (t) => t.artifacts.kernelLogSources.length > 0 || t.artifacts.kernelEvents.length > 0,
    describe: 'a kernel log (dmesg, journalctl -k or kern.log)',
  },
  ipcs: { present: (t) => t.artifacts.ipcsShm !== null || t.artifacts.sysvShm !== null, describe: 'ipcs -m or /proc/sysvipc/shm' },
  df: { present: (t) => t.artifacts.df !== null || t.artifacts.mounts !== null, describe: 'df -kPT or /proc/mounts' },
  smaps: {
    present: (t) => t.artifacts.processes.some((p) => p.smapsRollup !== null || p.maps !== null) || t.artifacts.smapsRollup.length > 0,
    describe: 'proc/<pid>/smaps_rollup or proc/<pid>/maps',
  },
  swaps: { present: (t) => t.artifacts.swaps.length > 0, describe: '/proc/swaps or swapon --show' },
  cgroups: { present: (t) => t.artifacts.cgroups.length > 0, describe: 'memory cgroup files' },
  systemd: { present: (t) => t.artifacts.systemd !== null, describe: 'systemctl show of the services' },
} as const satisfies Record<string, InputCheck>;

export type InputName = keyof typeof INPUTS;
