import { GiB_KB } from '../baseline-server.js';
import { oomReport } from '../kernel-log-text.js';
import { findProc, pressureFor, ramp, reclaim } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

/** The worker leaks ~2.6 GB/h; the global OOM killer takes it at 03:14 Berlin, systemd restarts it. */
const KILL_F = 0.905;
const RESTART_PID = 30_211;

function leaking(f: number): ServerState {
  const s = steadyState(f);
  const worker = findProc(s, 1842);
  if (f < KILL_F) {
    worker.anonKb = ramp(f, 310_000, 310_000 + 21.2 * GiB_KB);
  } else {
    // systemd restarted it: a new pid with the same command, RSS back near its start.
    worker.pid = RESTART_PID;
    worker.anonKb = ramp(f, 300_000, 300_000 + 21.2 * GiB_KB * (1 - KILL_F), KILL_F, 1);
  }
  const short = reclaim(s);
  s.psi = pressureFor(Math.min(1, short / 400_000 + (s.swapUsedKb / s.swapTotalKb) ** 3));
  s.rates.pgmajfault = 3 + (s.swapUsedKb / s.swapTotalKb) * 900;
  s.rates.pswpin = (s.swapUsedKb / s.swapTotalKb) * 180;
  s.rates.oom_kill = 0;
  return s;
}

export const processLeak = scenario({
  name: 'process-leak',
  title: 'python3 worker.py leaks ~2.6 GB/h for 7 h, fills 7 of 8 GB swap, global OOM kill at 03:14 local, restarted',
  expected: 'process-leak',
  sysctl: { 'vm.swappiness': '10' },
  state: leaking,
  kernelLog: (uptimeAt, stateAt) => {
    const before = stateAt(KILL_F - 0.001);
    const worker = findProc(before, 1842);
    return oomReport({ uptime: uptimeAt(KILL_F - 0.0005), trigger: findProc(before, 2103), victim: worker, memcg: null, state: before });
  },
});

/** After the fix shipped: the same worker, flat at ~350 MB for 8 h. */
export const processLeakFixed = scenario(
  {
    name: 'process-leak-fixed',
    title: 'After the worker fix: RSS flat around 350 MB, no OOM kill',
    expected: null,
    sysctl: { 'vm.swappiness': '10' },
    state: (f) => {
      const s = steadyState(f);
      findProc(s, 1842).anonKb = 350_000 * (1 + 0.01 * Math.sin(f * 20));
      return s;
    },
  },
  'after',
);
