/**
 * One kernel message often reaches a bundle by several roads: the ring buffer (`commands/dmesg`),
 * this boot's journal (`commands/journalctl_-k_-b_0…`) and, in record mode, `series/dmesg`. The
 * same event from two files (same type and message text, wall times within
 * DUPLICATE_WINDOW_S; or the same boot and uptime) is kept once: the copy whose wall time the
 * envelope carried (journal, series/dmesg) wins over one converted from uptime with btime.
 */
import type { KernelEvent } from '../model/kernel-events.js';

/** btime is cut to whole seconds, so a converted stamp can sit up to ~1 s before the journal's. */
export const DUPLICATE_WINDOW_S = 2;

type Timed = KernelEvent & { time: number | null };

function isSame(a: Timed, b: Timed): boolean {
  if (a.source === b.source) return false;
  if (a.uptime !== null && a.uptime === b.uptime && a.boot === b.boot) return true;
  return a.time !== null && b.time !== null && Math.abs(a.time - b.time) <= DUPLICATE_WINDOW_S;
}

/** Envelope wall clock first, then file order: the copy to keep comes first. */
function preference(a: Timed, b: Timed): number {
  return Number(b.wallTime !== null) - Number(a.wallTime !== null) || a.source.localeCompare(b.source) || a.line - b.line;
}

/**
 * The copies of one message text that are not the same event, best copy first. Candidates are
 * looked up by (boot, uptime) and by wall-time bucket, so a message repeated 10k times over a
 * week costs a few comparisons per copy, not one per copy already kept.
 */
function uniqueEvents(group: Timed[]): Timed[] {
  const unique: Timed[] = [];
  const byUptime = new Map<string, Timed[]>();
  const byBucket = new Map<number, Timed[]>();
  const add = <K>(index: Map<K, Timed[]>, key: K, e: Timed) => {
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  };
  for (const e of group.sort(preference)) {
    const uptimeKey = e.uptime === null ? null : `${e.boot}:${e.uptime}`;
    const bucket = e.time === null ? null : Math.floor(e.time / DUPLICATE_WINDOW_S);
    const candidates = [
      ...(uptimeKey === null ? [] : byUptime.get(uptimeKey) ?? []),
      ...(bucket === null ? [] : [bucket - 1, bucket, bucket + 1].flatMap((b) => byBucket.get(b) ?? [])),
    ];
    if (candidates.some((u) => isSame(u, e))) continue;
    unique.push(e);
    if (uptimeKey !== null) add(byUptime, uptimeKey, e);
    if (bucket !== null) add(byBucket, bucket, e);
  }
  return unique;
}

export function dedupeKernelEvents(events: Timed[]): Timed[] {
  const byText = new Map<string, Timed[]>();
  for (const e of events) {
    const key = `${e.type}\u0000${e.text}`;
    const group = byText.get(key);
    if (group) group.push(e);
    else byText.set(key, [e]);
  }
  const kept: Timed[] = [];
  for (const group of byText.values()) kept.push(...uniqueEvents(group));
  return kept;
}
