/**
 * What the timeline could not establish, said once in the data-quality section instead of showing
 * up only as blank fields: no manifest (host, capture times and boot time are guessed or absent),
 * and kernel events left without a wall-clock time because no boot time is known.
 */
import type { Artifacts } from '../model/artifacts.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { BundleInfo, TimelineEvent } from '../model/timeline.js';

export function timelineDiagnostics(a: Artifacts, info: BundleInfo, events: TimelineEvent[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Only a bundle directory is expected to carry one; bare logs, CSVs and sosreports never do.
  if (a.manifest === null && a.kind === 'directory') {
    out.push({
      source: 'manifest.json',
      severity: 'warning',
      message: 'no manifest: host, kernel, time zone and capture times come from the files themselves where they can, or are unknown',
    });
  }
  const untimed = events.filter((e) => e.time === null).length;
  if (untimed > 0 && info.bootTime === null) {
    out.push({
      source: a.kernelLogSources[0] ?? 'proc/stat',
      severity: 'warning',
      message: `no boot time (neither manifest bootTime nor proc/stat btime): ${untimed} kernel event(s) keep only their uptime, with no wall-clock time`,
    });
  }
  return out;
}
