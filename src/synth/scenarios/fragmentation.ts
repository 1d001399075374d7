import { GiB_KB } from '../baseline-server.js';
import { allocFailure } from '../kernel-log-text.js';
import { ramp } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

/**
 * Swiss-cheese memory: plenty free, but Normal's orders ≥ 7 empty out and order:4 allocations fail
 * (the runbook's kworker/u8:2 message), with compaction stalling and failing. THP is `always`.
 */
function fragmenting(f: number): ServerState {
  const s = steadyState(f);
  s.pageCacheKb = 3.2 * GiB_KB;
  const normal = s.buddy.find((z) => z.zone === 'Normal')!;
  normal.freeByOrder = [1024, 512, 256, 128, 32, 4, 1, 0, 0, 0, 0].map((late, order) => {
    const early = [52_040, 31_612, 15_330, 6_120, 2_804, 922, 410, 188, 96, 41, 310][order]!;
    return Math.round(ramp(f, early, late, 0.1, 0.7));
  });
  s.rates.compact_stall = ramp(f, 0, 14, 0.2, 0.8);
  s.rates.compact_fail = ramp(f, 0, 11, 0.2, 0.8);
  s.rates.compact_success = ramp(f, 0, 3, 0.2, 0.8);
  s.rates.thp_fault_fallback = ramp(f, 0, 35, 0.2, 0.8);
  s.psi = { some: [ramp(f, 0.1, 8), ramp(f, 0.1, 6), ramp(f, 0.1, 4), 0], full: [ramp(f, 0, 1.5), ramp(f, 0, 1), ramp(f, 0, 0.7), 0] };
  return s;
}

export const fragmentation = scenario({
  name: 'fragmentation',
  title: 'Fragmentation: 6 GB free but no order ≥ 7 blocks in Normal; order:4 allocation failures; THP always',
  expected: 'fragmentation',
  thpEnabled: 'always',
  sysctl: { 'vm.swappiness': '10', 'vm.compaction_proactiveness': '0' },
  state: fragmenting,
  kernelLog: (uptimeAt) => [0.74, 0.81, 0.88, 0.95].flatMap((f, i) => allocFailure(uptimeAt(f), 'kworker/u8:2', 14_210 + i, 4)),
});

export const fragmentationFixed = scenario(
  {
    name: 'fragmentation-fixed',
    title: 'After THP madvise and compaction_proactiveness=20: high orders stay available, no failures',
    expected: null,
    thpEnabled: 'madvise',
    sysctl: { 'vm.swappiness': '10', 'vm.compaction_proactiveness': '20' },
    state: (f) => {
      const s = steadyState(f);
      s.pageCacheKb = 3.2 * GiB_KB;
      return s;
    },
  },
  'after',
);
