/**
 * The simulated server behind the synthetic samples: a 16 GB machine (the runbook's example) whose
 * state at any moment is a ServerState. Scenarios change it over the recording; meminfo is derived
 * from the parts so that every sample adds up the way a real kernel's does.
 */
import type { Psi, SlabSpec, ZoneFree } from './proc-text.js';

export interface ProcState {
  pid: number;
  ppid: number;
  comm: string;
  cmdline: string[];
  anonKb: number;
  fileKb: number;
  swapKb: number;
  oomScoreAdj: number;
  /** Shared file-backed pages mapped by this process (mmap'd files), part of fileKb. */
  sharedCleanKb?: number;
  /** Files mapped, for proc/PID/maps: path, size in kB and how many mappings. */
  mappedFiles?: { path: string; kb: number; count: number }[];
  uid?: number;
  state?: string;
  /** The systemd service the process runs in (its cgroup), if any. */
  unit?: string;
}

export interface TmpfsMount {
  device: string;
  mountpoint: string;
  sizeKb: number;
  /** false: mounted without size= (defaults to half of RAM, the runbook's risk). */
  hasSizeOption: boolean;
  usedKb: number;
  files: { path: string; kb: number }[];
}

export interface ShmSegment {
  key: number;
  shmid: number;
  owner: string;
  uid: number;
  bytes: number;
  nattch: number;
  dest: boolean;
  cpid: number;
  lpid: number;
}

export interface ServerState {
  memTotalKb: number;
  processes: ProcState[];
  slab: SlabSpec[];
  pageCacheKb: number;
  buffersKb: number;
  shmemKb: number;
  swapTotalKb: number;
  swapUsedKb: number;
  /** Kernel memory nobody accounts for (a driver leak): the "memory is just gone" remainder. */
  hiddenKb: number;
  /** Per-second rates that drive /proc/vmstat counters. */
  rates: Record<string, number>;
  psi: Psi;
  buddy: ZoneFree[];
  tmpfs: TmpfsMount[];
  shm: ShmSegment[];
  /** Whether a process is stuck in the memcg OOM wait (under_oom). */
  underOom?: boolean;
}

/** Reclaimable caches count in SReclaimable; the rest in SUnreclaim. */
const RECLAIMABLE = new Set(['dentry', 'inode_cache', 'ext4_inode_cache', 'xfs_inode', 'radix_tree_node', 'proc_inode_cache', 'shmem_inode_cache']);

export function slabKb(caches: SlabSpec[], pageKb = 4): { reclaimableKb: number; unreclaimableKb: number } {
  let reclaimableKb = 0;
  let unreclaimableKb = 0;
  for (const c of caches) {
    const kb = Math.ceil(c.numObjs / c.objPerSlab) * c.pagesPerSlab * pageKb;
    if (RECLAIMABLE.has(c.name)) reclaimableKb += kb;
    else unreclaimableKb += kb;
  }
  return { reclaimableKb, unreclaimableKb };
}

const KERNEL_STACK_KB = 18_432;
const PAGE_TABLES_KB = 96_000;
const VMALLOC_USED_KB = 65_536;
const PERCPU_KB = 8_192;
/** Kernel memory outside slab that every state carries: stacks, page tables, vmalloc, per-cpu. */
export const KERNEL_OVERHEAD_KB = KERNEL_STACK_KB + PAGE_TABLES_KB + VMALLOC_USED_KB + PERCPU_KB;
/** The kernel keeps about this much free (min watermark) even under pressure. */
export const MIN_FREE_KB = 67_584;

/** /proc/meminfo for a state, in kB, with the kernel's field order. */
export function meminfoOf(s: ServerState): Record<string, number> {
  const anonKb = s.processes.reduce((sum, p) => sum + p.anonKb, 0);
  const mappedKb = s.processes.reduce((sum, p) => sum + p.fileKb, 0);
  const { reclaimableKb, unreclaimableKb } = slabKb(s.slab);
  const used =
    anonKb + s.pageCacheKb + s.buffersKb + s.shmemKb + reclaimableKb + unreclaimableKb + KERNEL_OVERHEAD_KB + s.hiddenKb;
  const freeKb = Math.max(MIN_FREE_KB, s.memTotalKb - used);
  // The kernel's estimate: free above the low watermark plus reclaimable page cache and slab halves.
  const availableKb = Math.max(0, freeKb - MIN_FREE_KB * 1.25 + s.pageCacheKb * 0.9 + reclaimableKb * 0.6);
  const cachedKb = s.pageCacheKb + s.shmemKb;
  return {
    MemTotal: s.memTotalKb,
    MemFree: freeKb,
    MemAvailable: availableKb,
    Buffers: s.buffersKb,
    Cached: cachedKb,
    SwapCached: Math.min(s.swapUsedKb * 0.02, 65536),
    Active: anonKb * 0.6 + cachedKb * 0.5,
    Inactive: anonKb * 0.4 + cachedKb * 0.5,
    'Active(anon)': anonKb * 0.6,
    'Inactive(anon)': anonKb * 0.4 + s.shmemKb,
    'Active(file)': s.pageCacheKb * 0.5,
    'Inactive(file)': s.pageCacheKb * 0.5,
    Unevictable: 0,
    Mlocked: 0,
    SwapTotal: s.swapTotalKb,
    SwapFree: s.swapTotalKb - s.swapUsedKb,
    Zswap: 0,
    Zswapped: 0,
    Dirty: 1_024,
    Writeback: 0,
    AnonPages: anonKb,
    Mapped: Math.min(mappedKb, cachedKb),
    Shmem: s.shmemKb,
    KReclaimable: reclaimableKb,
    Slab: reclaimableKb + unreclaimableKb,
    SReclaimable: reclaimableKb,
    SUnreclaim: unreclaimableKb,
    KernelStack: KERNEL_STACK_KB,
    PageTables: PAGE_TABLES_KB,
    SecPageTables: 0,
    NFS_Unstable: 0,
    Bounce: 0,
    WritebackTmp: 0,
    CommitLimit: s.memTotalKb / 2 + s.swapTotalKb,
    Committed_AS: anonKb * 1.4 + s.shmemKb,
    VmallocTotal: 34359738367,
    VmallocUsed: VMALLOC_USED_KB,
    VmallocChunk: 0,
    Percpu: PERCPU_KB,
    AnonHugePages: 0,
    ShmemHugePages: 0,
    ShmemPmdMapped: 0,
    FileHugePages: 0,
    FilePmdMapped: 0,
    HugePages_Total: 0,
    HugePages_Free: 0,
    HugePages_Rsvd: 0,
    HugePages_Surp: 0,
    Hugepagesize: 2048,
    Hugetlb: 0,
    DirectMap4k: 301_056,
    DirectMap2M: 10_184_704,
    DirectMap1G: 6_291_456,
  };
}
