/** Small tools the scenarios share: ramps, deterministic wobble, and the kernel's reclaim order. */
import { KERNEL_OVERHEAD_KB, MIN_FREE_KB, slabKb, type ProcState, type ServerState } from './server-state.js';

/** Linear from a to b over f ∈ [from, to], flat outside. */
export function ramp(f: number, a: number, b: number, from = 0, to = 1): number {
  if (f <= from) return a;
  if (f >= to) return b;
  return a + ((f - from) / (to - from)) * (b - a);
}

/** A deterministic wobble of ±amplitude (fraction), so flat lines look measured, not drawn. */
export function wobble(f: number, amplitude: number, phase = 0): number {
  return 1 + amplitude * Math.sin(f * 37.3 + phase) * Math.cos(f * 11.1 + phase * 2);
}

export function findProc(s: ServerState, pid: number): ProcState {
  const p = s.processes.find((x) => x.pid === pid);
  if (!p) throw new Error(`scenario bug: no pid ${pid}`);
  return p;
}

/**
 * What the kernel does as memory runs out: shrink the page cache to a floor, then swap out the
 * biggest anonymous users. Returns the shortfall left (kB) when neither helps: the OOM point.
 */
export function reclaim(s: ServerState, pageCacheFloorKb = 420_000): number {
  const { reclaimableKb, unreclaimableKb } = slabKb(s.slab);
  const anonKb = s.processes.reduce((sum, p) => sum + p.anonKb, 0);
  const fixedKb = KERNEL_OVERHEAD_KB + s.buffersKb + s.shmemKb + reclaimableKb + unreclaimableKb + s.hiddenKb;
  let excess = anonKb + s.pageCacheKb + fixedKb - (s.memTotalKb - MIN_FREE_KB * 1.6);
  if (excess <= 0) return 0;
  const fromCache = Math.min(excess, Math.max(0, s.pageCacheKb - pageCacheFloorKb));
  s.pageCacheKb -= fromCache;
  excess -= fromCache;
  const swapRoom = s.swapTotalKb - s.swapUsedKb;
  const toSwap = Math.min(excess, swapRoom);
  if (toSwap > 0) {
    const byAnon = [...s.processes].sort((a, b) => b.anonKb - a.anonKb);
    let left = toSwap;
    for (const p of byAnon) {
      const take = Math.min(left, p.anonKb * 0.7);
      p.anonKb -= take;
      p.swapKb += take;
      left -= take;
      if (left <= 0) break;
    }
    s.swapUsedKb += toSwap;
    excess -= toSwap;
  }
  return Math.max(0, excess);
}

/** PSI rises with how short memory is: `short` 0 (fine) … 1 (nothing left to reclaim). */
export function pressureFor(short: number): ServerState['psi'] {
  const some = Math.min(95, short * 70);
  const full = Math.min(80, short * 45);
  return { some: [some, some * 0.8, some * 0.5, 0], full: [full, full * 0.8, full * 0.5, 0] };
}
