/**
 * Streams kernel logs line by line into the kernel-log parser: whole files (dmesg, journalctl -k,
 * kern.log …) and the record-mode `series/dmesg`, whose records each hold one message in dmesg
 * format and whose record time is that message's wall time (boot epoch + kernel stamp, taken by
 * the collector per boot, so it stays right across reboots where btime would not).
 */
import type { BundleEntry } from '../bundle/types.js';
import type { Manifest } from '../model/artifacts.js';
import type { KernelEvent } from '../model/kernel-events.js';
import { KernelLogParser } from '../parsers/kernel-log/index.js';
import type { KernelLogOptions } from '../parsers/kernel-log/types.js';
import type { KernelLogJobEnd, KernelLogJobSpec } from './kernel-log-job.js';
import { forEachSeriesRecord } from './series/records.js';
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

function addEvents(events: KernelEvent[], state: LoadState, source: string): void {
  // A loop, not push(...events): a long log can hold more events than the call stack takes arguments.
  for (const event of events) state.artifacts.kernelEvents.push(event);
  state.artifacts.kernelLogSources.push(source);
}

/** A whole kernel log, parsed as a job (src/load/kernel-log-job.ts), on a parse worker when it is large. */
export async function loadKernelLog(entry: BundleEntry, state: LoadState): Promise<void> {
  const spec: KernelLogJobSpec = {
    job: 'kernel-log',
    source: entry.path,
    pageSizeBytes: state.ctx(entry.path).pageSizeBytes,
    options: kernelLogOptions(state.artifacts.manifest),
    maxLineBytes: state.jobSettings.maxLineBytes,
  };
  await state.runJob(spec, entry, ({ end }) => addEvents((end as KernelLogJobEnd).events, state, entry.path));
}

/**
 * The parser sees only the messages (separators would read as stray text); per pushed line we keep
 * its line in the file and its record time, to give events their real line and their wall time.
 */
export async function loadKernelLogSeries(entry: BundleEntry, state: LoadState): Promise<void> {
  const parser = new KernelLogParser(state.ctx(entry.path), kernelLogOptions(state.artifacts.manifest));
  const fileLines: number[] = [];
  const recordTimes: number[] = [];
  await forEachSeriesRecord(entry.chunks(), entry.path, (d) => state.report(d), (record) => {
    record.text.split('\n').forEach((line, i) => {
      if (line === '' && i > 0) return;
      parser.pushLine(line);
      fileLines.push(record.firstLine + i);
      recordTimes.push(record.time);
    });
  });
  const { data, diagnostics } = parser.finish();
  for (const d of diagnostics) state.report(d);
  for (const event of data.events) {
    const index = event.line - 1;
    if (index < 0 || index >= fileLines.length) continue;
    event.line = fileLines[index]!;
    event.wallTime ??= recordTimes[index]!;
  }
  state.inReadOrder(entry.path, () => addEvents(data.events, state, entry.path));
}
