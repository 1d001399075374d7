/**
 * The server behind a bench bundle: the baseline application server grown to `procs` processes,
 * one slow leak (worker.py gains 200 MB/h, at most 4.5 GiB over the recording) and a batch job
 * whose 2 GiB memory cgroup OOM-kills it every 5 hours (systemd restarts it under a new pid).
 * One ServerState is reused and rewritten per sample: a week at 10 s is 60k states.
 */
import { baselineBuddy, baselineState, GiB_KB } from '../baseline-server.js';
import type { OomSpec } from '../kernel-log-text.js';
import type { SlabSpec } from '../proc-text.js';
import { pressureFor, reclaim, wobble } from '../scenario-kit.js';
import type { ProcState, ServerState } from '../server-state.js';
import { benchSlab } from './bench-slab.js';
import { fleetProcesses } from './fleet-processes.js';
import { seededRandom } from './prng.js';
import { VMSTAT_6_18 } from './vmstat-6-18.js';

export interface BenchSpec {
  hours: number;
  intervalS: number;
  procs: number;
  seed: number;
  host: string;
}

export const BENCH_START = Date.UTC(2026, 2, 2, 0, 0, 0) / 1000;
export const UPTIME_AT_START_S = 5 * 86_400 + 4_321;
/** worker.py in the baseline server. */
const LEAKER_PID = 1842;
/** A slow leak: 200 MB/h, capped at 4.5 GiB so a week stays short of the OOM killer. */
const LEAK_KB_PER_H = 200 * 1024;
const LEAK_MAX_KB = 4.5 * GiB_KB;
export const IMPORT_UNIT = 'batch-import.service';
export const IMPORT_MEMCG = `/system.slice/${IMPORT_UNIT}`;
export const IMPORT_LIMIT_KB = 2 * GiB_KB;
const IMPORT_START_KB = 200_000;
const OOM_EVERY_S = 5 * 3600;
const FIRST_OOM_S = 1.5 * 3600;

/** Counters that advance on a healthy host; the rest stay where boot left them (stall, OOM, swap counters stay quiet). */
const BUSY_COUNTER = /^(numa_|pgalloc_|pgfree|pgactivate|pgdeactivate|pgrefill|pgreuse|workingset_|nr_dirtied|nr_written|pgrotated|slabs_scanned|pgpg|pgfault|thp_fault_alloc)/;

export class BenchServer {
  readonly start = BENCH_START;
  readonly end: number;
  readonly bootTime = BENCH_START - UPTIME_AT_START_S;
  /** /proc/vmstat counters at the first sample, advanced by FastSeries; oom_kill is bumped per kill. */
  readonly counters: Record<string, number> = {};
  private readonly state: ServerState;
  private readonly base: { proc: ProcState; anonKb: number }[];
  private readonly slabBase: SlabSpec[];
  private readonly importJob: ProcState;

  constructor(readonly spec: BenchSpec) {
    const rand = seededRandom(spec.seed);
    this.end = BENCH_START + Math.round((spec.hours * 3600) / spec.intervalS) * spec.intervalS;
    this.state = baselineState();
    this.importJob = { pid: this.importPid(0), ppid: 1, comm: 'import-job', cmdline: ['/opt/batch/import-job', '--all'], anonKb: IMPORT_START_KB, fileKb: 12_000, swapKb: 0, oomScoreAdj: 0, uid: 1000, unit: IMPORT_UNIT };
    this.state.processes = [...fleetProcesses(spec.procs - 1, rand), this.importJob];
    this.base = this.state.processes.map((proc) => ({ proc, anonKb: proc.anonKb }));
    this.slabBase = benchSlab(rand);
    this.state.slab = this.slabBase.map((c) => ({ ...c }));
    for (const name of VMSTAT_6_18) {
      if (BUSY_COUNTER.test(name)) {
        this.counters[name] = Math.round(rand() * 5e8);
        this.state.rates[name] ??= Math.round(rand() * 4_000);
      } else if (!name.startsWith('nr_') && rand() < 0.5) {
        this.counters[name] = 0;
      } else {
        this.counters[name] = Math.round(rand() * 2e6);
      }
    }
    for (const key of ['oom_kill', 'compact_stall', 'compact_fail', 'allocstall_normal', 'pgscan_direct']) this.counters[key] = 0;
  }

  /** Epoch seconds of each memcg OOM kill of the import job inside the recording. */
  oomTimes(): number[] {
    const times: number[] = [];
    for (let t = this.start + FIRST_OOM_S; t < this.end; t += OOM_EVERY_S) times.push(t);
    return times;
  }

  /** The kernel's report of the kill at `time`: the memcg holds only the import job. */
  oomAt(time: number): OomSpec {
    const victim = { ...this.stateAt(time - 0.001).processes.at(-1)! };
    return { uptime: time - this.bootTime, trigger: victim, victim, memcg: IMPORT_MEMCG, limitKb: IMPORT_LIMIT_KB, state: { ...this.state, processes: [victim] } };
  }

  /** The server at epoch `time` (the same object every call, rewritten). */
  stateAt(time: number): ServerState {
    const s = this.state;
    const elapsedS = time - this.start;
    const f = elapsedS / (this.end - this.start || 1);
    // Wobble on an hours scale, whatever the span, so a week looks like seven days and not one stretched day.
    const phase = elapsedS / 28_800;
    for (const { proc, anonKb } of this.base) {
      proc.anonKb = anonKb * wobble(phase, 0.03, proc.pid);
      proc.swapKb = 0;
    }
    const leaker = this.base.find((b) => b.proc.pid === LEAKER_PID)!;
    leaker.proc.anonKb = leaker.anonKb + Math.min(LEAK_MAX_KB, LEAK_KB_PER_H * this.spec.hours) * f;
    // Cycle 0 began before the recording: the job is already half-way to its limit at the first sample.
    const cycle = Math.floor((elapsedS - FIRST_OOM_S) / OOM_EVERY_S) + 1;
    const inCycle = (elapsedS - FIRST_OOM_S - (cycle - 1) * OOM_EVERY_S) / OOM_EVERY_S;
    this.importJob.pid = this.importPid(cycle);
    this.importJob.anonKb = IMPORT_START_KB + (IMPORT_LIMIT_KB - IMPORT_START_KB - 12_000) * inCycle;
    s.slab.forEach((c, i) => (c.numObjs = Math.round(this.slabBase[i]!.numObjs * wobble(phase, 0.02, i))));
    s.pageCacheKb = 5_600_000 * wobble(phase, 0.04, 1);
    s.swapUsedKb = 51_200;
    s.buddy = baselineBuddy().map((z) => ({ ...z, freeByOrder: z.freeByOrder.map((n, order) => (order < 4 ? n * wobble(phase, 0.1, order) : n)) }));
    const short = reclaim(s);
    s.psi = pressureFor(Math.min(1, short / 400_000 + Math.max(0, 1 - s.pageCacheKb / 5_600_000) * 0.05));
    return s;
  }

  /** Systemd hands each restart of the import job a fresh pid. */
  private importPid(cycle: number): number {
    return 40_000 + cycle * 173;
  }
}
