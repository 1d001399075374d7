import { pressureFor, ramp, reclaim } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

/**
 * A backup agent stats millions of unique paths: dentry grows to 35.8 M objects (~6.8 GB) and
 * inode_cache to 4.1 M (~1.6 GB), the runbook's slabtop figures. Page cache is squeezed out.
 */
function slabExplosion(dentryTo: number, inodeTo: number) {
  return (f: number): ServerState => {
    const s = steadyState(f);
    for (const c of s.slab) {
      if (c.name === 'dentry') c.numObjs = ramp(f, 640_000, dentryTo);
      if (c.name === 'inode_cache') c.numObjs = ramp(f, 41_000, inodeTo);
      if (c.name === 'kmalloc-192') c.numObjs = ramp(f, 30_000, 30_000 + dentryTo / 40);
    }
    const short = reclaim(s);
    s.psi = pressureFor(short / 500_000 + f * 0.08);
    s.rates.pgscan_kswapd = 40 + f * 2_400;
    s.rates.slabs_scanned = 500 + f * 12_000;
    return s;
  };
}

export const slabGrowth = scenario({
  name: 'slab-growth',
  title: 'dentry cache explosion: 640 k → 35.8 M objects (6.8 GB) in 8 h, inode_cache to 1.6 GB',
  expected: 'slab-growth',
  sysctl: { 'vm.swappiness': '10' },
  state: slabExplosion(35_840_000, 4_096_000),
});

export const slabGrowthFixed = scenario(
  {
    name: 'slab-growth-fixed',
    title: 'After vfs_cache_pressure=200 and the backup job fix: dentry steady around 700 k objects',
    expected: null,
    sysctl: { 'vm.swappiness': '10', 'vm.vfs_cache_pressure': '200' },
    state: slabExplosion(700_000, 44_000),
  },
  'after',
);
