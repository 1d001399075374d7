import { GiB_KB } from '../baseline-server.js';
import { hungTask } from '../kernel-log-text.js';
import { findProc, pressureFor, ramp, reclaim } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

/**
 * The runbook's root cause 4: overcommit_memory=1 and every critical process, the leaking worker
 * included, at oom_score_adj -1000. Memory runs out at ~01:00 local and the machine grinds for two
 * hours (PSI full > 40 %, tasks in D state) with no OOM kill at all.
 */
function neutered(f: number): ServerState {
  const s = steadyState(f);
  s.swapTotalKb = 2 * GiB_KB;
  for (const pid of [1, 842, 1842, 2103, 1801, 1802, 1803]) findProc(s, pid).oomScoreAdj = -1000;
  const worker = findProc(s, 1842);
  worker.anonKb = ramp(f, 310_000, 15.5 * GiB_KB, 0, 0.75);
  const short = reclaim(s);
  if (f > 0.7) {
    worker.state = 'D';
    findProc(s, 2103).state = 'D';
  }
  s.psi = pressureFor(Math.min(1, short / 300_000 + (f > 0.72 ? 0.9 : 0)));
  s.rates.allocstall_normal = f > 0.7 ? 420 : 0;
  s.rates.pgscan_direct = f > 0.7 ? 90_000 : 0;
  s.rates.pgmajfault = 3 + (f > 0.7 ? 2_400 : 0);
  return s;
}

export const oomKillerNeutered = scenario({
  name: 'oom-killer-neutered',
  title: 'OOM killer neutered: overcommit_memory=1, the leaking worker at oom_score_adj -1000, memory exhausted for 2 h with no kill',
  expected: 'oom-killer-neutered',
  swapDevice: { name: '/swapfile', type: 'file' },
  sysctl: { 'vm.overcommit_memory': '1', 'vm.swappiness': '10' },
  state: neutered,
  kernelLog: (uptimeAt) => [0.78, 0.86, 0.94].flatMap((f, i) => [...hungTask(uptimeAt(f), 'java', 2103, 120 + i * 240), ...hungTask(uptimeAt(f) + 0.3, 'python3', 1842, 120 + i * 240)]),
});

export const oomKillerNeuteredFixed = scenario(
  {
    name: 'oom-killer-neutered-fixed',
    title: 'After overcommit_memory=2 (ratio 80), oom_score_adj 0 for the worker and its leak fixed',
    expected: null,
    swapDevice: { name: '/swapfile', type: 'file' },
    sysctl: { 'vm.overcommit_memory': '2', 'vm.overcommit_ratio': '80', 'vm.oom_kill_allocating_task': '1', 'vm.swappiness': '10' },
    state: (f) => {
      const s = steadyState(f);
      s.swapTotalKb = 2 * GiB_KB;
      for (const pid of [1, 842]) findProc(s, pid).oomScoreAdj = -1000;
      return s;
    },
  },
  'after',
);
