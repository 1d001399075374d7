/**
 * Slab caches of the bench server: the baseline's busy caches plus the kmalloc families and the
 * everyday caches a 6.18 kernel lists (names from shared/fixtures/real/01_baseline/proc_slabinfo.txt),
 * so each slabinfo record is about the size of a real one.
 */
import { baselineSlab } from '../baseline-server.js';
import type { SlabSpec } from '../proc-text.js';
import { logUniform, type Random } from './prng.js';

const KMALLOC_SIZES: [string, number][] = [
  ['8k', 8192], ['4k', 4096], ['2k', 2048], ['1k', 1024], ['512', 512], ['256', 256], ['128', 128],
  ['64', 64], ['32', 32], ['16', 16], ['8', 8], ['192', 192], ['96', 96],
];

const EVERYDAY: [string, number][] = [
  ['filp', 256], ['sock_inode_cache', 832], ['signal_cache', 1152], ['sighand_cache', 2112], ['files_cache', 704],
  ['mm_struct', 1408], ['pid', 128], ['anon_vma', 104], ['mnt_cache', 320], ['names_cache', 4096], ['TCP', 2432],
  ['UDP', 1216], ['request_sock_TCP', 304], ['tw_sock_TCP', 248], ['nf_conntrack', 320], ['eventpoll_epi', 128],
  ['mem_cgroup', 2048], ['seq_file', 136], ['sigqueue', 80], ['uid_cache', 128], ['jbd2_journal_head', 120],
  ['ext4_allocation_context', 152], ['ext4_io_end', 64], ['mb_cache_entry', 56], ['fuse_inode', 896], ['ovl_inode', 728],
  ['xfs_inode', 1024], ['xfs_buf', 384], ['bio-120', 128], ['biovec-max', 4096], ['task_delay_info', 144],
  ['pool_workqueue', 256], ['vmap_area', 64], ['kmem_cache_node', 192], ['kmem_cache', 448],
];

function geometry(name: string, objSize: number, numObjs: number): SlabSpec {
  const pagesPerSlab = objSize >= 1024 ? 8 : objSize >= 256 ? 2 : 1;
  return { name, objSize, objPerSlab: Math.max(1, Math.floor((pagesPerSlab * 4096) / objSize)), pagesPerSlab, numObjs: Math.round(numObjs) };
}

export function benchSlab(rand: Random): SlabSpec[] {
  const caches = baselineSlab();
  const present = new Set(caches.map((c) => c.name));
  for (const [suffix, size] of KMALLOC_SIZES) {
    const plain = `kmalloc-${suffix}`;
    if (!present.has(plain)) caches.push(geometry(plain, size, logUniform(rand, 500, 40_000)));
    caches.push(geometry(`kmalloc-cg-${suffix}`, size, logUniform(rand, 200, 20_000)));
    caches.push(geometry(`kmalloc-rcl-${suffix}`, size, logUniform(rand, 50, 4_000)));
    // DMA caches exist on every x86 kernel and are almost always empty.
    caches.push(geometry(`dma-kmalloc-${suffix}`, size, 0));
  }
  for (const [name, size] of EVERYDAY) caches.push(geometry(name, size, logUniform(rand, 100, 30_000)));
  return caches;
}
