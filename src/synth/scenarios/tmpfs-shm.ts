import { GiB_KB } from '../baseline-server.js';
import { pressureFor, ramp, reclaim } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

const MiB = 1024 * 1024;

/**
 * RAM eaten outside every process: /run/shm (mounted without size=) fills to 6.9 GB with the app's
 * cache and queue files, /dev/shm is 90 % full, and two SysV segments linger: a 2 GiB one with no
 * attachment left (its creator died) and a 1 GiB one marked for deletion but still attached.
 */
function filling(runShmToKb: number, devShmToKb: number, withSegments: boolean, limited: boolean) {
  return (f: number): ServerState => {
    const s = steadyState(f);
    const cacheKb = ramp(f, 100_000, runShmToKb * 0.46);
    const queueKb = ramp(f, 60_000, runShmToKb * 0.54);
    const devShmKb = ramp(f, 200_000, devShmToKb);
    s.tmpfs.push(
      { device: 'tmpfs', mountpoint: '/run/shm', sizeKb: limited ? 2 * GiB_KB : 8_192_000, hasSizeOption: limited, usedKb: cacheKb + queueKb, files: [
        { path: '/run/shm/app_cache_segment', kb: cacheKb },
        { path: '/run/shm/ipc_queue_buffer', kb: queueKb },
      ] },
    );
    const devShm = s.tmpfs.find((t) => t.mountpoint === '/dev/shm')!;
    devShm.sizeKb = 2 * GiB_KB;
    devShm.usedKb = devShmKb;
    devShm.files = [{ path: '/dev/shm/pg_stat_tmp.bin', kb: devShmKb * 0.8 }, { path: '/dev/shm/sem.app_lock', kb: 4 }];
    s.shm = withSegments
      ? [
          { key: 0, shmid: 32_768, owner: 'app', uid: 1001, bytes: 1024 * MiB, nattch: 1, dest: true, cpid: 2103, lpid: 2103 },
          { key: 0x1a2b3c4d, shmid: 32_769, owner: 'app', uid: 1001, bytes: 2048 * MiB, nattch: 0, dest: false, cpid: 3388, lpid: 3391 },
        ]
      : [];
    const sysvKb = s.shm.reduce((sum, g) => sum + (f > 0.2 ? g.bytes / 1024 : 0), 0);
    s.shmemKb = 262_144 + cacheKb + queueKb + devShmKb + sysvKb;
    const short = reclaim(s);
    s.psi = pressureFor(short / 400_000 + (s.swapUsedKb / s.swapTotalKb) ** 3);
    return s;
  };
}

export const tmpfsShm = scenario({
  name: 'tmpfs-shm',
  title: 'tmpfs and SysV shm: /run/shm (no size=) at 6.9 GB, /dev/shm 90 %, an orphaned 2 GiB segment and a 1 GiB `dest` one',
  expected: 'tmpfs-shm',
  sysctl: { 'vm.swappiness': '10' },
  state: filling(6.9 * GiB_KB, 1.8 * GiB_KB, true, false),
});

export const tmpfsShmFixed = scenario(
  {
    name: 'tmpfs-shm-fixed',
    title: 'After size=2g on /run/shm, cleanup on exit and ipcrm of the orphaned segments',
    expected: null,
    sysctl: { 'vm.swappiness': '10' },
    state: filling(300_000, 250_000, false, true),
  },
  'after',
);
