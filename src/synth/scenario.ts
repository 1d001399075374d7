import type { ServerState } from './server-state.js';

/** One synthetic incident (or healthy run): a server whose state evolves over the recording. */
export interface Scenario {
  /** File name in samples/ (without .tar.gz). */
  name: string;
  /** One line for samples/README.md. */
  title: string;
  /** The root cause the diagnosis must name, or null for a healthy machine. */
  expected: string | null;
  host: string;
  kernel: string;
  /** Epoch seconds of the first sample. */
  start: number;
  /** Seconds between boot and the first sample. */
  uptimeAtStart: number;
  hours: number;
  intervalS: number;
  timezone: string;
  /** vm.* sysctls that differ from the Debian defaults. */
  sysctl?: Record<string, string>;
  thpEnabled?: 'always' | 'madvise' | 'never';
  swapDevice: { name: string; type: string } | null;
  /** The machine at fraction f ∈ [0, 1] of the recording. */
  state(f: number): ServerState;
  /** dmesg lines beyond the boot lines, given the uptime at fraction f. */
  kernelLog?(uptimeAt: (f: number) => number, stateAt: (f: number) => ServerState): string[];
  /** MemoryMax per systemd unit where one is set (every other unit shows `infinity`). */
  memoryMax?: Record<string, number>;
  /** A v1 memory cgroup to capture (oom_control, usage, failcnt). */
  cgroup?(f: number): { path: string; usageBytes: number; limitBytes: number; failcnt: number; oomKillDisable: boolean; underOom: boolean; oomKills: number };
}

/** Debian 12 vm.* defaults (sysctl -a on a stock kernel; values as printed). */
export const DEFAULT_SYSCTL: Record<string, string> = {
  'vm.compaction_proactiveness': '20',
  'vm.dirty_background_ratio': '10',
  'vm.dirty_ratio': '20',
  'vm.min_free_kbytes': '67584',
  'vm.oom_dump_tasks': '1',
  'vm.oom_kill_allocating_task': '0',
  'vm.overcommit_memory': '0',
  'vm.overcommit_ratio': '50',
  'vm.panic_on_oom': '0',
  'vm.swappiness': '60',
  'vm.vfs_cache_pressure': '100',
  'vm.watermark_scale_factor': '10',
  'vm.zone_reclaim_mode': '0',
};
