import { GiB_KB } from '../baseline-server.js';
import { findProc, ramp } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

/**
 * Swappiness 60 on a latency-sensitive server with swap on an LVM volume: warm anonymous memory is
 * paged out early; 7.8 of 8 GB swap in use, swap-out ~768 KB/s (the runbook's vmstat), the worker
 * holding 2 GB in swap and java 1 GB.
 */
function swapping(swapUsedToKb: number, swapOutPages: number) {
  return (f: number): ServerState => {
    const s = steadyState(f);
    const worker = findProc(s, 1842);
    const java = findProc(s, 2103);
    worker.anonKb = 2.9 * GiB_KB;
    java.anonKb = 6.5 * GiB_KB;
    java.cmdline = ['/usr/bin/java', '-Xmx8g', '-jar', '/opt/app/service.jar'];
    worker.swapKb = ramp(f, 0.1, 2 * GiB_KB * (swapUsedToKb / (7.8 * GiB_KB)));
    java.swapKb = ramp(f, 0.1, GiB_KB * (swapUsedToKb / (7.8 * GiB_KB)));
    for (const p of s.processes) if (p !== worker && p !== java) p.swapKb = p.anonKb * 0.3 * f * (swapUsedToKb / (7.8 * GiB_KB));
    s.swapUsedKb = ramp(f, 300_000, swapUsedToKb);
    s.pageCacheKb = ramp(f, 3.2 * GiB_KB, 1.1 * GiB_KB);
    const busy = swapOutPages > 50;
    s.rates.pswpout = ramp(f, busy ? 2 : 0.1, swapOutPages);
    s.rates.pswpin = ramp(f, busy ? 1 : 0.05, swapOutPages / 3);
    s.rates.pgmajfault = ramp(f, 3, swapOutPages * 2);
    const stall = busy ? ramp(f, 0.5, 24) : 0.2;
    s.psi = { some: [stall, stall * 0.9, stall * 0.7, 0], full: [stall / 3, stall / 4, stall / 5, 0] };
    return s;
  };
}

export const swapMisconfigured = scenario({
  name: 'swap-misconfigured',
  title: 'Swap misconfigured: swappiness 60, swap on /dev/dm-1 (LVM), 7.8 of 8 GB used, swap-out 768 KB/s',
  expected: 'swap-misconfigured',
  swapDevice: { name: '/dev/dm-1', type: 'partition' },
  sysctl: { 'vm.swappiness': '60' },
  state: swapping(7.8 * GiB_KB, 192),
});

export const swapMisconfiguredFixed = scenario(
  {
    name: 'swap-misconfigured-fixed',
    title: 'After swappiness=10: swap barely used, swap-out near zero',
    expected: null,
    swapDevice: { name: '/dev/dm-1', type: 'partition' },
    sysctl: { 'vm.swappiness': '10' },
    state: swapping(0.3 * GiB_KB, 0.2),
  },
  'after',
);
