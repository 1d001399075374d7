/**
 * What the loader (src/load/) makes of one bundle: the manifest plus every parsed artifact,
 * each optional. Static captures and `series/*` records of the same source land in the same
 * list of samples, ordered by time. Audits never read files; they read this (through the Timeline).
 */
import type { Diagnostic } from './diagnostic.js';
import type { KernelEvent } from './kernel-events.js';
import type {
  BuddyZone, CgroupMemory, DfRow, IpcsShmPidRow, IpcsShmRow, MapsRegion, Meminfo, MountEntry,
  Pressure, ProcRow, ProcStatus, SadfRow, Slabinfo, SmapsRollup, SwapDevice, Sysctls,
  SysvShmSegment, SystemdUnit, ThpSetting, VmstatCounters, VmstatTableRow, ZoneWatermarks,
} from './sources.js';

/** manifest.json of bundle layout v1 (docs/bundle-format.md). */
export interface ManifestArtifact {
  path: string;
  command: string | null;
  exit: number | null;
  seconds: number | null;
  bytes: number | null;
  truncated: boolean;
  timedOut: boolean;
  error: string | null;
  /** Epoch seconds when the collector captured this artifact, when the manifest records it. */
  time?: number;
}

export interface Manifest {
  format: string;
  collectorVersion: string | null;
  host: string | null;
  kernel: string | null;
  arch: string | null;
  pageSize: number | null;
  bootTime: number | null;
  start: number | null;
  end: number | null;
  timezone: string | null;
  interval: number | null;
  mode: string | null;
  uid: number | null;
  redaction: boolean | null;
  synthetic: boolean | null;
  artifacts: ManifestArtifact[];
}

/** One timed observation. `time` is epoch seconds (wall clock of the captured machine). */
export interface Sample<T> {
  time: number;
  source: string;
  /** 1-based line of the record's first content line. */
  line: number;
  data: T;
}

/** Per-process one-shot captures: proc/<pid>/{status,smaps_rollup,maps,cmdline,oom_score_adj,cgroup}. */
export interface ProcessCapture {
  pid: number;
  status: ProcStatus | null;
  smapsRollup: SmapsRollup | null;
  maps: MapsRegion[] | null;
  cmdline: string[] | null;
  oomScoreAdj: number | null;
  /** Lines of /proc/PID/cgroup, e.g. `4:memory:/system.slice/app.service`. */
  cgroup: string[] | null;
}

/** One process's smaps_rollup inside a `series/smaps_rollup` record. */
export interface SmapsRollupEntry {
  pid: number;
  comm: string;
  rollup: SmapsRollup;
}

/** A file or directory entry found on a tmpfs (from commands/du_* or the collector's shm listing). */
export interface ShmFileEntry {
  path: string;
  bytes: number;
}

/** `sysstat`: a bare `sadf -d` CSV (docs/timeline.md, sysstat history). */
export type BundleKind = 'collector' | 'directory' | 'kernel-log' | 'sosreport' | 'sysstat';

export interface ArtifactIndexEntry {
  path: string;
  bytes: number;
}

export interface Artifacts {
  kind: BundleKind;
  /** What the user named on the command line. */
  origin: string;
  manifest: Manifest | null;
  /** Every entry read, with its size: the report's raw-artifact index. */
  index: ArtifactIndexEntry[];
  diagnostics: Diagnostic[];
  /** btime from proc/stat (whole seconds), when present. */
  procStatBootTime: number | null;

  meminfo: Sample<Meminfo>[];
  vmstat: Sample<VmstatCounters>[];
  vmstatTable: Sample<VmstatTableRow[]>[];
  buddyinfo: Sample<BuddyZone[]>[];
  slabinfo: Sample<Slabinfo>[];
  zoneinfo: Sample<ZoneWatermarks[]>[];
  pressure: Sample<Pressure>[];
  swaps: Sample<SwapDevice[]>[];
  sysctl: Sysctls;
  thpEnabled: ThpSetting | null;
  thpDefrag: ThpSetting | null;

  procs: Sample<ProcRow[]>[];
  smapsRollup: Sample<SmapsRollupEntry[]>[];
  processes: ProcessCapture[];

  ipcsShm: IpcsShmRow[] | null;
  ipcsShmPids: IpcsShmPidRow[] | null;
  sysvShm: SysvShmSegment[] | null;
  df: DfRow[] | null;
  mounts: MountEntry[] | null;
  shmFiles: ShmFileEntry[];

  cgroups: Sample<CgroupMemory>[];
  systemd: SystemdUnit[] | null;
  sadf: SadfRow[];

  kernelEvents: KernelEvent[];
  /** Bundle paths of the kernel logs that were read (dmesg, journal, kern.log …). */
  kernelLogSources: string[];
}
