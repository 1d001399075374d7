/**
 * The bench server's process table: the baseline application server's processes plus kernel threads
 * and worker pools up to `count` rows, sized like a busy host's (kernel threads have no RSS; a few
 * comms contain spaces, as real ones do).
 */
import { baselineProcesses } from '../baseline-server.js';
import type { ProcState } from '../server-state.js';
import { logUniform, pick, randomInt, type Random } from './prng.js';

const KERNEL_THREADS = [
  (i: number) => `kworker/${i % 2}:${i % 7}-events`, (i: number) => `kworker/u${4 + (i % 4)}:${i % 9}-writeback`,
  (i: number) => `ksoftirqd/${i % 2}`, (i: number) => `migration/${i % 2}`, (i: number) => `cpuhp/${i % 2}`,
  (i: number) => `irq/${120 + (i % 24)}-nvme0q${i % 3}`, (i: number) => `jbd2/nvme0n1p${1 + (i % 3)}-8`,
  () => 'rcu_preempt', () => 'kswapd0', () => 'kcompactd0', () => 'khugepaged', () => 'oom_reaper', () => 'kblockd', () => 'watchdogd',
];

/** Worker pools of a typical web/app host: [comm, parent comm, smallest and largest anon kB, oom_score_adj]. */
const POOLS: [string, number, number, number][] = [
  ['php-fpm8.2', 9_000, 40_000, 0],
  ['postgres', 3_000, 24_000, -900],
  ['gunicorn', 20_000, 70_000, 0],
  ['node', 30_000, 120_000, 0],
  ['redis-server', 6_000, 60_000, 0],
  ['containerd-shim', 4_000, 9_000, -998],
  ['Web Content', 20_000, 90_000, 200],
  ['tmux: server', 2_000, 5_000, 0],
  ['sidekiq', 30_000, 110_000, 0],
  ['chronyd', 1_500, 2_500, 0],
];

export function fleetProcesses(count: number, rand: Random): ProcState[] {
  const procs = baselineProcesses();
  const kernelCount = Math.floor((count - procs.length) * 0.4);
  let pid = 3_000;
  for (let i = 0; procs.length < count; i++) {
    pid += randomInt(rand, 1, 37);
    if (i < kernelCount) {
      procs.push({ pid, ppid: 2, comm: pick(rand, KERNEL_THREADS)(i), cmdline: [], anonKb: 0, fileKb: 0, swapKb: 0, oomScoreAdj: 0, uid: 0, state: 'I' });
      continue;
    }
    const [comm, lo, hi, adj] = pick(rand, POOLS);
    procs.push({
      pid, ppid: 1, comm, cmdline: [comm], anonKb: Math.round(logUniform(rand, lo, hi)), fileKb: Math.round(logUniform(rand, 1_000, 40_000)),
      swapKb: 0, oomScoreAdj: adj, uid: 1000, state: 'S',
    });
  }
  return procs;
}
