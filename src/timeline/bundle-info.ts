/** BundleInfo: the manifest's facts, with fallbacks from the artifacts (sysstat rows last) when it is missing or partial. */
import type { Artifacts, Sample } from '../model/artifacts.js';
import type { BundleInfo } from '../model/timeline.js';
import { bootTimeFromKernelLog } from './kernel-times.js';
import { medianStep, timed } from './known-times.js';

const DEFAULT_PAGE_SIZE = 4096;

function bootTimeOf(a: Artifacts): Pick<BundleInfo, 'bootTime' | 'bootTimeSource'> {
  if (a.manifest?.bootTime != null) return { bootTime: a.manifest.bootTime, bootTimeSource: 'manifest' };
  if (a.procStatBootTime !== null) return { bootTime: a.procStatBootTime, bootTimeSource: 'proc-stat' };
  const fromLog = bootTimeFromKernelLog(a.kernelEvents);
  return fromLog !== null ? { bootTime: fromLog, bootTimeSource: 'kernel-log' } : { bootTime: null, bootTimeSource: null };
}

/** Every timed sample list of the bundle, for the span and the interval. */
export function sampleLists(a: Artifacts): Sample<unknown>[][] {
  return [a.meminfo, a.vmstat, a.vmstatTable, a.buddyinfo, a.slabinfo, a.zoneinfo, a.pressure, a.swaps, a.procs, a.smapsRollup, a.cgroups];
}

/** The series with the most records: the collector's sampling clock. */
export function longestSeries(a: Artifacts): Sample<unknown>[] {
  let best: Sample<unknown>[] = [];
  for (const list of sampleLists(a)) {
    const series = timed(list).filter((s) => s.source.startsWith('series/'));
    if (series.length > best.length) best = series;
  }
  return best;
}

/** The samples' span; a bare sysstat history (no samples) spans its own rows. */
function spanOf(a: Artifacts): { start: number | null; end: number | null } {
  let start = Infinity;
  let end = -Infinity;
  for (const list of sampleLists(a)) {
    for (const s of timed(list)) {
      start = Math.min(start, s.time);
      end = Math.max(end, s.time);
    }
  }
  if (!Number.isFinite(start) && a.sadf.length > 0) {
    start = Math.min(...a.sadf.map((r) => r.time));
    end = Math.max(...a.sadf.map((r) => r.time));
  }
  return Number.isFinite(start) ? { start, end } : { start: null, end: null };
}

export function bundleInfo(a: Artifacts): BundleInfo {
  const m = a.manifest;
  const span = spanOf(a);
  return {
    host: m?.host ?? a.sadf[0]?.host ?? null,
    kernel: m?.kernel ?? null,
    arch: m?.arch ?? null,
    ...bootTimeOf(a),
    start: m?.start ?? span.start,
    end: m?.end ?? span.end,
    timezone: m?.timezone ?? null,
    intervalS: m?.interval ?? medianStep(longestSeries(a).map((s) => s.time)) ?? a.sadf[0]?.intervalS ?? null,
    pageSizeBytes: m?.pageSize ?? DEFAULT_PAGE_SIZE,
    synthetic: m?.synthetic ?? null,
    collectorVersion: m?.collectorVersion ?? null,
  };
}
