/**
 * The healthy 16 GB application server every scenario starts from: the runbook's worker.py and
 * service.jar, nginx, postgres and the usual daemons, with slab caches and buddy free lists shaped
 * like the real 6.18 captures in shared/fixtures/real/01_baseline.
 */
import type { SlabSpec, ZoneFree } from './proc-text.js';
import type { ProcState, ServerState } from './server-state.js';

export const MEM_TOTAL_KB = 16_384_000;
export const GiB_KB = 1_048_576;

const proc = (pid: number, ppid: number, comm: string, cmdline: string[], anonKb: number, fileKb: number, oomScoreAdj = 0): ProcState => ({
  pid, ppid, comm, cmdline, anonKb, fileKb, swapKb: 0, oomScoreAdj, uid: 0, state: 'S', unit: UNIT_OF[comm],
});

/** The service each daemon runs in; a restarted worker stays in app-worker.service. */
const UNIT_OF: Record<string, string> = {
  'systemd-journal': 'systemd-journald.service', 'systemd-udevd': 'systemd-udevd.service', rsyslogd: 'rsyslog.service',
  cron: 'cron.service', sshd: 'ssh.service', node_exporter: 'prometheus-node-exporter.service',
  postgres: 'postgresql@15-main.service', nginx: 'nginx.service', python3: 'app-worker.service', java: 'app-service.service',
};

export function baselineProcesses(): ProcState[] {
  return [
    proc(1, 0, 'systemd', ['/sbin/init'], 9_800, 3_100),
    proc(412, 1, 'systemd-journal', ['/lib/systemd/systemd-journald'], 18_200, 6_400, -250),
    proc(455, 1, 'systemd-udevd', ['/lib/systemd/systemd-udevd'], 4_100, 2_900, -1000),
    proc(611, 1, 'rsyslogd', ['/usr/sbin/rsyslogd', '-n', '-iNONE'], 3_900, 2_100),
    proc(640, 1, 'cron', ['/usr/sbin/cron', '-f'], 1_100, 1_600),
    proc(842, 1, 'sshd', ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'], 5_600, 3_300, -1000),
    proc(903, 1, 'node_exporter', ['/usr/bin/prometheus-node-exporter'], 21_000, 9_000),
    proc(1210, 1, 'postgres', ['/usr/lib/postgresql/15/bin/postgres', '-D', '/var/lib/postgresql/15/main'], 31_000, 148_000),
    proc(1233, 1210, 'postgres', ['postgres: 15/main: checkpointer'], 4_200, 120_000),
    proc(1234, 1210, 'postgres', ['postgres: 15/main: background writer'], 3_900, 96_000),
    proc(1236, 1210, 'postgres', ['postgres: 15/main: walwriter'], 3_800, 21_000),
    proc(1801, 1, 'nginx', ['nginx: master process /usr/sbin/nginx -g daemon on; master_process on;'], 2_400, 7_100),
    proc(1802, 1801, 'nginx', ['nginx: worker process'], 38_000, 6_000),
    proc(1803, 1801, 'nginx', ['nginx: worker process'], 37_500, 6_000),
    proc(1842, 1, 'python3', ['/usr/bin/python3', '/opt/app/worker.py', '--queue', 'jobs'], 310_000, 14_000),
    proc(2103, 1, 'java', ['/usr/bin/java', '-Xmx2g', '-jar', '/opt/app/service.jar'], 1_478_652, 62_000),
    proc(2290, 842, 'sshd', ['sshd: admin [priv]'], 6_100, 4_000),
    proc(2295, 2290, 'bash', ['-bash'], 4_300, 3_200),
  ];
}

/** Caches sized like a busy server's: objSize, objPerSlab, pagesPerSlab as on 6.18. */
export function baselineSlab(): SlabSpec[] {
  const c = (name: string, objSize: number, objPerSlab: number, pagesPerSlab: number, numObjs: number): SlabSpec => ({
    name, objSize, objPerSlab, pagesPerSlab, numObjs,
  });
  return [
    c('ext4_inode_cache', 1128, 14, 4, 182_000),
    c('dentry', 192, 21, 1, 640_000),
    c('inode_cache', 600, 13, 2, 41_000),
    c('radix_tree_node', 584, 14, 2, 98_000),
    c('buffer_head', 104, 39, 1, 310_000),
    c('kernfs_node_cache', 136, 30, 1, 52_000),
    c('extent_status', 40, 102, 1, 120_000),
    c('vm_area_struct', 192, 21, 1, 45_000),
    c('kmalloc-4k', 4096, 8, 8, 4_100),
    c('kmalloc-1k', 1024, 16, 4, 12_800),
    c('kmalloc-512', 512, 16, 2, 22_400),
    c('kmalloc-256', 256, 16, 1, 18_000),
    c('kmalloc-192', 192, 21, 1, 30_000),
    c('kmalloc-128', 128, 32, 1, 26_000),
    c('kmalloc-64', 64, 64, 1, 88_000),
    c('kmalloc-32', 32, 128, 1, 64_000),
    c('skbuff_head_cache', 256, 16, 1, 6_400),
    c('task_struct', 4160, 7, 8, 640),
    c('proc_inode_cache', 696, 23, 4, 9_200),
    c('shmem_inode_cache', 776, 21, 4, 3_100),
    c('anon_vma_chain', 64, 64, 1, 48_000),
    c('maple_node', 256, 16, 1, 19_000),
  ];
}

/** Free blocks per order (0..10): a well-mixed machine still has high-order blocks. */
export function baselineBuddy(): ZoneFree[] {
  return [
    { zone: 'DMA', freeByOrder: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3] },
    { zone: 'DMA32', freeByOrder: [840, 628, 312, 189, 94, 42, 18, 7, 2, 1, 180] },
    { zone: 'Normal', freeByOrder: [12_040, 8_612, 5_330, 3_120, 1_804, 922, 410, 188, 96, 41, 310] },
  ];
}

export function baselineState(): ServerState {
  return {
    memTotalKb: MEM_TOTAL_KB,
    processes: baselineProcesses(),
    slab: baselineSlab(),
    pageCacheKb: 5_600_000,
    buffersKb: 210_000,
    shmemKb: 262_144,
    swapTotalKb: 8 * GiB_KB,
    swapUsedKb: 51_200,
    hiddenKb: 0,
    rates: { pswpin: 0.2, pswpout: 0.1, pgmajfault: 3, pgfault: 5_200, compact_stall: 0, compact_fail: 0, allocstall_normal: 0, pgscan_direct: 0, pgscan_kswapd: 40, pgsteal_kswapd: 38, oom_kill: 0, pgpgin: 120, pgpgout: 900 },
    psi: { some: [0.1, 0.08, 0.05, 0], full: [0, 0, 0, 0] },
    buddy: baselineBuddy(),
    tmpfs: [
      { device: 'tmpfs', mountpoint: '/run', sizeKb: 1_638_400, hasSizeOption: true, usedKb: 1_320, files: [] },
      { device: 'tmpfs', mountpoint: '/dev/shm', sizeKb: 8_192_000, hasSizeOption: true, usedKb: 0, files: [] },
    ],
    shm: [],
  };
}

/** The /proc/vmstat counters a synthetic sample carries (a subset of the real 6.18 list, same names). */
export const VMSTAT_COUNTERS = [
  'nr_free_pages', 'nr_inactive_anon', 'nr_active_anon', 'nr_inactive_file', 'nr_active_file', 'nr_slab_reclaimable',
  'nr_slab_unreclaimable', 'nr_anon_pages', 'nr_mapped', 'nr_file_pages', 'nr_dirty', 'nr_writeback', 'nr_shmem',
  'nr_kernel_stack', 'nr_page_table_pages', 'nr_swapcached', 'pgpgin', 'pgpgout', 'pswpin', 'pswpout', 'allocstall_dma',
  'allocstall_dma32', 'allocstall_normal', 'allocstall_movable', 'pgfree', 'pgactivate', 'pgdeactivate', 'pgfault',
  'pgmajfault', 'pgsteal_kswapd', 'pgsteal_direct', 'pgscan_kswapd', 'pgscan_direct', 'pgscan_direct_throttle',
  'slabs_scanned', 'kswapd_inodesteal', 'pageoutrun', 'drop_pagecache', 'drop_slab', 'oom_kill', 'pgmigrate_success',
  'pgmigrate_fail', 'compact_migrate_scanned', 'compact_free_scanned', 'compact_isolated', 'compact_stall', 'compact_fail',
  'compact_success', 'compact_daemon_wake', 'thp_fault_alloc', 'thp_fault_fallback', 'thp_collapse_alloc',
  'thp_split_page', 'swap_ra', 'swap_ra_hit',
] as const;
