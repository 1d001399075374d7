/** Streams one kernel log (dmesg, journalctl -k, kern.log …) line by line into the kernel-log parser. */
import type { BundleEntry } from '../bundle/types.js';
import type { Manifest } from '../model/artifacts.js';
import { KernelLogParser } from '../parsers/kernel-log/index.js';
import type { KernelLogOptions } from '../parsers/kernel-log/types.js';
import type { LoadState } from './state.js';

/** `+0100`, `-05:30`, `UTC` → minutes east of UTC; null for an IANA name (its offset depends on the date). */
export function utcOffsetMinutes(timezone: string | null): number | null {
  if (timezone === null) return null;
  if (/^(UTC|GMT|Z)$/i.test(timezone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(timezone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** Year and zone for year-less, zone-less stamps (syslog, journalctl short), from the manifest when read first. */
export function kernelLogOptions(manifest: Manifest | null): KernelLogOptions {
  const options: KernelLogOptions = {};
  const capturedAt = manifest?.end ?? manifest?.start ?? null;
  if (capturedAt !== null) options.yearHint = new Date(capturedAt * 1000).getUTCFullYear();
  const offset = utcOffsetMinutes(manifest?.timezone ?? null);
  if (offset !== null) options.utcOffsetMinutes = offset;
  return options;
}

export async function loadKernelLog(entry: BundleEntry, state: LoadState): Promise<void> {
  const parser = new KernelLogParser(state.ctx(entry.path), kernelLogOptions(state.artifacts.manifest));
  for await (const line of entry.lines()) parser.pushLine(line);
  const { data, diagnostics } = parser.finish();
  for (const d of diagnostics) state.report(d);
  // A loop, not push(...events): a long log can hold more events than the call stack takes arguments.
  for (const event of data.events) state.artifacts.kernelEvents.push(event);
  state.artifacts.kernelLogSources.push(entry.path);
}
