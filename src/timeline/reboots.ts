/**
 * `reboot` events: where the kernel logs show that the machine restarted. Two kinds of evidence:
 *  - inside one log, a new boot (`-- Boot … --`, uptime back to 0, a second `Linux version`): the
 *    parser's `boot` event, placed at its envelope's wall clock;
 *  - across logs, events of an earlier boot (`journalctl -k -b -1`, the earlier boots of a log) in a
 *    bundle that knows its current boot time: the reboot that started the current boot, at that time.
 * Both can describe the same reboot (a journal's boot marker and btime): reboots closer than
 * SAME_REBOOT_S are one, placed at the boot time when there is one (btime is the kernel's own).
 */
import type { KernelEvent } from '../model/kernel-events.js';
import type { DerivedEvent } from '../model/timeline.js';
import { isPreviousBootLog } from './kernel-times.js';

type Timed = KernelEvent & { time: number | null };

/** A journal's first kernel line of a boot comes a few seconds to minutes after the boot itself. */
export const SAME_REBOOT_S = 300;

function iso(epochS: number): string {
  return new Date(epochS * 1000).toISOString();
}

/** The first event that belongs to an earlier boot than the current one, if any. */
function earlierBootEvidence(events: Timed[]): Timed | null {
  const lastBoot = new Map<string, number>();
  for (const e of events) lastBoot.set(e.source, Math.max(lastBoot.get(e.source) ?? 0, e.boot));
  return events.find((e) => isPreviousBootLog(e.source) || e.boot < lastBoot.get(e.source)!) ?? null;
}

export function rebootEvents(events: Timed[], bootTime: number | null, bootTimeSource: string | null): DerivedEvent[] {
  const reboots: DerivedEvent[] = [];
  const evidence = earlierBootEvidence(events);
  if (bootTime !== null && evidence !== null) {
    reboots.push({
      type: 'reboot',
      time: bootTime,
      source: evidence.source,
      line: null,
      text: `reboot: the current boot started ${iso(bootTime)} (boot time from ${bootTimeSource ?? 'the bundle'}); ${evidence.source} holds an earlier boot`,
    });
  }
  for (const e of events) {
    if (e.type !== 'boot' || e.time === null) continue;
    if (reboots.some((r) => Math.abs(r.time - e.time!) <= SAME_REBOOT_S)) continue;
    reboots.push({ type: 'reboot', time: e.time, source: e.source, line: e.line, text: `reboot: ${e.source} starts a new boot at ${iso(e.time)}` });
  }
  return reboots;
}
