/**
 * Typed outputs of the per-source parsers (src/parsers/*). Units are normalised while parsing and
 * named in the field (`...Bytes`, `...Pages`, `...Us`); values the input does not show are `null`.
 */

/** /proc/meminfo. Keys as printed (`MemTotal`, `SUnreclaim`, ...). `kB` values become bytes; unitless ones (HugePages_Total) stay counts. */
export type Meminfo = Record<string, number>;

/** /proc/vmstat: counter name → value (monotonic counters and gauges as printed). */
export type VmstatCounters = Record<string, number>;

/** One row of the `vmstat N M` command table; memory columns converted from KiB to bytes, `*Bytes` names. */
export interface VmstatTableRow {
  runnable: number;
  blocked: number;
  swpdBytes: number;
  freeBytes: number;
  buffBytes: number;
  cacheBytes: number;
  /** KiB/s swapped in/out, as vmstat prints them. */
  siKBps: number;
  soKBps: number;
  bi: number;
  bo: number;
  /** `true` for the first row, which is the average since boot. */
  sinceBoot: boolean;
}

export interface BuddyZone {
  node: number;
  zone: string;
  /** Free blocks of order 0..N (block size = pageSize << order). */
  freeByOrder: number[];
}

export interface SlabCache {
  name: string;
  activeObjs: number;
  numObjs: number;
  objSizeBytes: number;
  objPerSlab: number;
  pagesPerSlab: number;
  activeSlabs: number;
  numSlabs: number;
  /** numSlabs × pagesPerSlab × pageSize: what slabtop calls CACHE SIZE. */
  sizeBytes: number;
}

export interface Slabinfo {
  version: string;
  caches: SlabCache[];
}

export interface ZoneWatermarks {
  node: number;
  zone: string;
  freePages: number | null;
  minPages: number | null;
  lowPages: number | null;
  highPages: number | null;
  managedPages: number | null;
}

export interface PressureLine {
  avg10: number;
  avg60: number;
  avg300: number;
  totalUs: number;
}
/** /proc/pressure/memory (PSI). `full` is null on kernels that print only `some`. */
export interface Pressure {
  some: PressureLine | null;
  full: PressureLine | null;
}

/** /proc/swaps and `swapon --show --bytes` rows. */
export interface SwapDevice {
  name: string;
  type: string;
  sizeBytes: number;
  usedBytes: number;
  priority: number | null;
}

/** `sysctl -a` lines or proc/sys/vm/<name> files: `vm.swappiness` → `60` (raw text, trimmed). */
export type Sysctls = Record<string, string>;

/** /sys/kernel/mm/transparent_hugepage/{enabled,defrag}: `always [madvise] never`. */
export interface ThpSetting {
  selected: string | null;
  options: string[];
}

/** /proc/PID/status, the fields memtrail uses (bytes), plus every raw field. */
export interface ProcStatus {
  name: string | null;
  pid: number | null;
  ppid: number | null;
  state: string | null;
  uid: number | null;
  vmSizeBytes: number | null;
  vmRssBytes: number | null;
  vmSwapBytes: number | null;
  rssAnonBytes: number | null;
  rssFileBytes: number | null;
  rssShmemBytes: number | null;
  raw: Record<string, string>;
}

/** /proc/PID/smaps_rollup: field → bytes (`Rss`, `Pss`, `Shared_Clean`, `Private_Dirty`, `Anonymous`, `Swap`, ...). */
export type SmapsRollup = Record<string, number>;

export interface MapsRegion {
  /** Region size in bytes (end − start). */
  sizeBytes: number;
  perms: string;
  offset: string;
  dev: string;
  inode: number;
  /** Path, `[heap]`, `[stack]`, `/SYSV0000 (deleted)`, or '' for anonymous. */
  pathname: string;
}

/** A row of the collector's `series/procs` table (bundle layout v1). */
export interface ProcRow {
  pid: number;
  ppid: number;
  comm: string;
  rssBytes: number;
  swapBytes: number;
  oomScoreAdj: number;
}

/** `ipcs -m` row. */
export interface IpcsShmRow {
  key: string;
  shmid: number;
  owner: string;
  perms: string;
  bytes: number;
  nattch: number;
  /** Words in the status column: `dest`, `locked`. */
  status: string[];
}

/** `ipcs -m -p` row. */
export interface IpcsShmPidRow {
  shmid: number;
  owner: string;
  cpid: number;
  lpid: number;
}

/** /proc/sysvipc/shm row. The key is printed as signed decimal; `keyHex` is the ipcs form. */
export interface SysvShmSegment {
  keyHex: string;
  shmid: number;
  perms: string;
  sizeBytes: number;
  cpid: number;
  lpid: number;
  nattch: number;
  uid: number;
  cuid: number;
  rssBytes: number | null;
  swapBytes: number | null;
  /** perms include the SHM_DEST bit (01000): marked for deletion while attached. */
  dest: boolean;
}

/** `df -kPT` row, converted to bytes. */
export interface DfRow {
  filesystem: string;
  type: string;
  sizeBytes: number;
  usedBytes: number;
  availBytes: number;
  usePercent: number | null;
  mountpoint: string;
}

/** /proc/mounts row, octal escapes (`\040`) decoded. */
export interface MountEntry {
  device: string;
  mountpoint: string;
  fstype: string;
  /** `size=256m` → {size: '256m'}; flags → `true`. */
  options: Record<string, string | true>;
}

/** Memory files of one cgroup, v1 or v2, normalised. */
export interface CgroupMemory {
  /** Path below the memory controller's mount, e.g. `/system.slice/app.service`. */
  path: string;
  version: 1 | 2;
  usageBytes: number | null;
  /** null = no limit (v2 `max`, or the v1 huge sentinel). */
  limitBytes: number | null;
  highBytes: number | null;
  swapUsageBytes: number | null;
  swapLimitBytes: number | null;
  failcnt: number | null;
  /** v1 memory.oom_control `oom_kill_disable`. */
  oomKillDisable: boolean | null;
  /** v1 memory.oom_control `under_oom`. */
  underOom: boolean | null;
  /** v1 oom_control `oom_kill` or v2 memory.events `oom_kill`. */
  oomKills: number | null;
  /** v2 memory.events (low, high, max, oom, oom_kill, oom_group_kill). */
  events: Record<string, number>;
  /** memory.stat: v1 and v2 keys as printed, values as printed (bytes for sizes). */
  stat: Record<string, number>;
}

/** One unit of `systemctl show -p ...`: raw properties plus the memory ones typed. */
export interface SystemdUnit {
  unit: string;
  /** null = `infinity` or unset. */
  memoryMaxBytes: number | null;
  memoryHighBytes: number | null;
  memorySwapMaxBytes: number | null;
  oomPolicy: string | null;
  runtimeMaxSec: string | null;
  props: Record<string, string>;
}

/** One `sadf -d` interval: epoch seconds and every numeric column of every section present. */
export interface SadfRow {
  time: number;
  host: string;
  intervalS: number;
  values: Record<string, number>;
  /** Bundle path of the sadf output the row came from (set by the loader). */
  source?: string;
}
