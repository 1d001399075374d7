/** Streams one kernel log (dmesg, journalctl -k, kern.log …) line by line into the kernel-log parser. */
import type { BundleEntry } from '../bundle/types.js';
import { KernelLogParser } from '../parsers/kernel-log/index.js';
import type { LoadState } from './state.js';

export async function loadKernelLog(entry: BundleEntry, state: LoadState): Promise<void> {
  const parser = new KernelLogParser(state.ctx(entry.path));
  for await (const line of entry.lines()) parser.pushLine(line);
  const { data, diagnostics } = parser.finish();
  for (const d of diagnostics) state.report(d);
  // A loop, not push(...events): a long log can hold more events than the call stack takes arguments.
  for (const event of data.events) state.artifacts.kernelEvents.push(event);
  state.artifacts.kernelLogSources.push(entry.path);
}
