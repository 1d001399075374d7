/**
 * Where the memory went, per meminfo sample. Categories are disjoint as far as meminfo allows:
 *
 *   anon        = AnonPages
 *   pageCache   = Cached − Shmem + Buffers       (Cached counts Shmem/tmpfs pages too)
 *   shmem       = Shmem                          (tmpfs, SysV and POSIX shm, shared anonymous)
 *   sReclaimable, sUnreclaim, kernelStack, pageTables, vmallocUsed
 *   hugePages   = Hugetlb (or HugePages_Total × Hugepagesize on kernels without Hugetlb)
 *   free        = MemFree
 *   unexplained = MemTotal − sum of the above
 *
 * Caveats, stated in the report: AnonPages excludes anon pages still in the swap cache (SwapCached);
 * VmallocUsed includes ioremap ranges that are not RAM and overlaps with drivers' own counts; Percpu,
 * SecPageTables, driver pages and balloon pages are not in any line, so they land in `unexplained`.
 * A few percent either way is normal; a large or growing remainder is the "memory is just gone" case
 * (a driver or a kernel module allocating pages directly, outside slab).
 */
import type { Meminfo } from '../model/sources.js';
import type { Timeline } from '../model/timeline.js';

export const ACCOUNTING_CATEGORIES = [
  'anon', 'pageCache', 'shmem', 'sReclaimable', 'sUnreclaim', 'kernelStack', 'pageTables',
  'vmallocUsed', 'hugePages', 'free', 'unexplained',
] as const;
export type AccountingCategory = (typeof ACCOUNTING_CATEGORIES)[number];

export const ACCOUNTING_LABELS: Record<AccountingCategory, string> = {
  anon: 'Anonymous (AnonPages)',
  pageCache: 'Page cache (Cached − Shmem + Buffers)',
  shmem: 'Shmem / tmpfs',
  sReclaimable: 'Slab, reclaimable',
  sUnreclaim: 'Slab, unreclaimable',
  kernelStack: 'Kernel stacks',
  pageTables: 'Page tables',
  vmallocUsed: 'vmalloc',
  hugePages: 'Huge pages (hugetlbfs)',
  free: 'Free',
  unexplained: 'Unexplained remainder',
};

export interface AccountingPoint {
  time: number;
  source: string;
  line: number;
  memTotalBytes: number;
  bytes: Record<AccountingCategory, number>;
}

function hugetlbBytes(m: Meminfo): number {
  if (m.Hugetlb !== undefined) return m.Hugetlb;
  // HugePages_Total is a count; Hugepagesize was converted to bytes by the parser.
  return (m.HugePages_Total ?? 0) * (m.Hugepagesize ?? 0);
}

export function accountMeminfo(m: Meminfo): Record<AccountingCategory, number> | null {
  if (m.MemTotal === undefined || m.MemFree === undefined) return null;
  const shmem = m.Shmem ?? 0;
  const parts = {
    anon: m.AnonPages ?? 0,
    pageCache: (m.Cached ?? 0) - shmem + (m.Buffers ?? 0),
    shmem,
    sReclaimable: m.SReclaimable ?? 0,
    sUnreclaim: m.SUnreclaim ?? 0,
    kernelStack: m.KernelStack ?? 0,
    pageTables: m.PageTables ?? 0,
    vmallocUsed: m.VmallocUsed ?? 0,
    hugePages: hugetlbBytes(m),
    free: m.MemFree,
  };
  const sum = Object.values(parts).reduce((a, b) => a + b, 0);
  return { ...parts, unexplained: m.MemTotal - sum };
}

/** One point per meminfo sample that has MemTotal and MemFree, in time order. */
export function computeAccounting(t: Timeline): AccountingPoint[] {
  const out: AccountingPoint[] = [];
  for (const s of t.artifacts.meminfo) {
    const bytes = accountMeminfo(s.data);
    if (bytes) out.push({ time: s.time, source: s.source, line: s.line, memTotalBytes: s.data.MemTotal!, bytes });
  }
  return out;
}
