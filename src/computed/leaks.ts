/**
 * Which process tracks are leaking: a steady climb (good line fit, enough points) that is large
 * both in bytes and relative to where the process started. Shared by process-leak, oom-events,
 * oom-killer-neutered and prevention, so they all name the same culprit.
 */
import { th } from '../audits/thresholds.js';
import type { Timeline } from '../model/timeline.js';
import type { LinearFit } from './linear-fit.js';
import { privateDirtyGrowth, processGrowth, type PrivateDirtyGrowth, type ProcessGrowth } from './process-growth.js';

/** A climb that fits a line well and is large in bytes and relative to its start. */
export function isSteadyGrowth(fit: LinearFit | null, firstBytes: number, lastBytes: number): boolean {
  if (!fit || fit.n < th('leakMinPoints') || fit.r2 < th('leakMinR2') || fit.slopePerS <= 0) return false;
  const growth = lastBytes - firstBytes;
  return growth >= th('leakMinGrowthBytes') && growth >= th('leakMinGrowthFraction') * firstBytes;
}

/**
 * A steady climb of RSS + swap that is not file-backed: when smaps_rollup shows the pid's anonymous
 * memory (+ swap) grew by less than a quarter of the climb, the RSS is mapped files (mmap-retention
 * reports those), not a heap that never frees.
 */
export function isLeaking(g: ProcessGrowth): boolean {
  if (g.anonGrowthBytes !== null && g.anonGrowthBytes < th('leakMinAnonShare') * g.growthBytes) return false;
  return isSteadyGrowth(g.fit, g.first.rssBytes + g.first.swapBytes, g.last.rssBytes + g.last.swapBytes);
}

/** Leaking tracks, fastest first (the leader is [0]). */
export function leakingProcesses(t: Timeline): ProcessGrowth[] {
  return processGrowth(t).filter(isLeaking);
}

/** Does this pid/comm belong to a leaking track? */
export function leakerFor(leaks: ProcessGrowth[], pid: number): ProcessGrowth | null {
  return leaks.find((g) => g.pids.includes(pid)) ?? null;
}

/** Pids whose Private_Dirty (heap) climbs steadily. */
export function privateDirtyLeaks(t: Timeline): PrivateDirtyGrowth[] {
  return privateDirtyGrowth(t).filter((g) => isSteadyGrowth(g.fit, g.firstBytes, g.lastBytes));
}
