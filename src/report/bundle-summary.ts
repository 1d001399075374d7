import type { ManifestArtifact } from '../model/artifacts.js';
import type { ReportBundle } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { isoTime } from './iso-time.js';

type ArtifactStatus = ReportBundle['artifacts'][number];

/** The manifest's word on one capture: why it is absent, cut or failed. */
function statusOf(entry: ManifestArtifact, present: boolean): Pick<ArtifactStatus, 'status' | 'note'> {
  if (entry.timedOut) return { status: 'timed-out', note: entry.command ? `timed out: ${entry.command}` : 'timed out' };
  if (entry.truncated) return { status: 'truncated', note: 'cut at the collector size cap' };
  if (entry.error) return { status: present ? 'error' : 'missing', note: entry.error };
  if (entry.exit !== null && entry.exit !== 0) return { status: 'error', note: `exit ${entry.exit}` };
  return present ? { status: 'ok' } : { status: 'missing', note: 'listed in the manifest but not in the bundle' };
}

/** Every artifact the bundle holds or the manifest names, with its size and status. */
function artifactStatuses(t: Timeline): ArtifactStatus[] {
  const bytesByPath = new Map(t.artifacts.index.map((e) => [e.path, e.bytes]));
  const out = new Map<string, ArtifactStatus>();
  for (const entry of t.artifacts.manifest?.artifacts ?? []) {
    const present = bytesByPath.has(entry.path);
    out.set(entry.path, { path: entry.path, bytes: bytesByPath.get(entry.path) ?? entry.bytes ?? 0, ...statusOf(entry, present) });
  }
  for (const [path, bytes] of bytesByPath) {
    if (!out.has(path)) out.set(path, { path, bytes, status: 'ok' });
  }
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export function bundleSummary(t: Timeline): ReportBundle {
  const a = t.artifacts;
  return {
    host: t.info.host,
    kernel: t.info.kernel,
    arch: t.info.arch,
    kind: a.kind,
    bootTime: isoTime(t.info.bootTime),
    start: isoTime(t.info.start),
    end: isoTime(t.info.end),
    timezone: t.info.timezone,
    intervalS: t.info.intervalS,
    synthetic: t.info.synthetic,
    collectorVersion: t.info.collectorVersion,
    samples: {
      meminfo: a.meminfo.length,
      vmstat: a.vmstat.length,
      buddyinfo: a.buddyinfo.length,
      slabinfo: a.slabinfo.length,
      pressure: a.pressure.length,
      procs: a.procs.length,
      smapsRollup: a.smapsRollup.length,
      cgroups: a.cgroups.length,
      sadf: a.sadf.length,
      kernelEvents: a.kernelEvents.length,
    },
    artifacts: artifactStatuses(t),
  };
}
