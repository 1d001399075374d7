/**
 * Wall times for kernel events. An envelope's own wall clock (syslog, journal, dmesg -T) wins;
 * otherwise `bootTime + uptime`, but only for the current boot: the last boot index of a log
 * that is not a previous-boot capture (`journalctl -k -b -1`). Earlier boots have no known boot
 * time, so their uptime-only events keep time null. Caveats: docs/timeline.md.
 */
import type { KernelEvent } from '../model/kernel-events.js';
import { isPlausibleEpoch } from '../time/epoch.js';

/** `commands/journalctl_-k_-b_-1`, `journalctl_--boot_-1`…: a capture of an earlier boot. */
export function isPreviousBootLog(source: string): boolean {
  return /(^|[_/])(-b|--boot)_-[1-9]/.test(source);
}

function lastBootBySource(events: KernelEvent[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const e of events) last.set(e.source, Math.max(last.get(e.source) ?? 0, e.boot));
  return last;
}

/** Boot time implied by events that carry both a wall clock and an uptime (dmesg -T, syslog with stamps). */
export function bootTimeFromKernelLog(events: KernelEvent[]): number | null {
  const lastBoot = lastBootBySource(events);
  const offsets = events
    .filter((e) => e.wallTime !== null && e.uptime !== null && !isPreviousBootLog(e.source) && e.boot === lastBoot.get(e.source))
    .map((e) => e.wallTime! - e.uptime!)
    .sort((a, b) => a - b);
  return offsets.length > 0 ? offsets[Math.floor(offsets.length / 2)]! : null;
}

export function withWallTimes(events: KernelEvent[], bootTime: number | null): (KernelEvent & { time: number | null })[] {
  const lastBoot = lastBootBySource(events);
  return events.map((e) => {
    const currentBoot = !isPreviousBootLog(e.source) && e.boot === lastBoot.get(e.source);
    const fromUptime = currentBoot && bootTime !== null && e.uptime !== null ? bootTime + e.uptime : null;
    const time = e.wallTime ?? fromUptime;
    // A corrupt stamp (`[9999999999999.0]`) would give a time no Date can hold: unknown instead.
    return { ...e, time: time !== null && isPlausibleEpoch(time) ? time : null };
  });
}
