/**
 * The one wall-clock model built from Artifacts (src/timeline/). Every time is epoch seconds.
 */
import type { Artifacts } from './artifacts.js';
import type { KernelEvent } from './kernel-events.js';

export interface BundleInfo {
  host: string | null;
  kernel: string | null;
  arch: string | null;
  /** Epoch seconds of boot, and where it came from. */
  bootTime: number | null;
  bootTimeSource: 'manifest' | 'proc-stat' | 'kernel-log' | null;
  start: number | null;
  end: number | null;
  /** IANA name or ±HH:MM offset of the captured machine; null when unknown (render UTC only). */
  timezone: string | null;
  intervalS: number | null;
  pageSizeBytes: number;
  synthetic: boolean | null;
  collectorVersion: string | null;
}

/** A per-second rate derived from a monotonic counter; resets (reboots) are cut, not turned negative. */
export interface RateSeries {
  counter: string;
  times: number[];
  perSecond: number[];
  /** Total increase over the window (sum of positive deltas). */
  totalIncrease: number;
}

export interface ProcessPoint {
  time: number;
  pid: number;
  rssBytes: number;
  swapBytes: number;
  oomScoreAdj: number;
}

/** A process followed across samples by command; a restart is a new pid with the same comm. */
export interface ProcessTrack {
  /** The comm (kernel's 15-char name). */
  comm: string;
  pids: number[];
  points: ProcessPoint[];
  restarts: { time: number; fromPid: number; toPid: number; rssBeforeBytes: number; rssAfterBytes: number }[];
}

/** Events derived by the timeline itself, not printed by the kernel. */
export interface DerivedEvent {
  type: 'process-restart' | 'reboot' | 'sample-gap' | 'counter-reset';
  time: number;
  source: string;
  line: number | null;
  text: string;
}

export type TimelineEvent = (KernelEvent & { time: number | null }) | (DerivedEvent & { uptime?: null });

/**
 * A series from a lower-resolution history (sysstat's `sadf -d`, typically every 10 min over days):
 * coarse, and shown as such wherever it is drawn. KiB columns are converted to bytes.
 */
export interface CoarseSeries {
  /** The sadf column (`kbavail`, `pswpout/s`). */
  column: string;
  /** What it stands for: the /proc/meminfo field (`MemAvailable`), the vmstat counter (`pswpout`), or the column. */
  name: string;
  unit: 'bytes' | 'per-second' | 'percent';
  /** Bundle path of the sadf output. */
  source: string;
  points: [number, number][];
}

export interface Timeline {
  info: BundleInfo;
  artifacts: Artifacts;
  /** Keyed by /proc/vmstat counter name (pswpin, pswpout, pgmajfault, oom_kill, compact_stall, allocstall_normal …). */
  rates: Map<string, RateSeries>;
  processes: ProcessTrack[];
  /** Kernel events with wall time resolved (null when no boot time is known), plus derived events; sorted. */
  events: TimelineEvent[];
  /** sysstat history (src/timeline/sysstat.ts); absent or empty without sadf output. */
  coarse?: CoarseSeries[];
}
