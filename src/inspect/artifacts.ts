/**
 * Artifacts present and absent, and why: from the manifest's per-artifact record (exit status,
 * timeout, truncation, error) when there is one, else from the sources memtrail looks for.
 */
import type { Artifacts, ManifestArtifact } from '../model/artifacts.js';
import type { Timeline } from '../model/timeline.js';
import { columns, safe, type Painter } from './format.js';

/** Why an artifact is missing or partial; null when it was captured cleanly. */
export function artifactProblem(m: ManifestArtifact, inIndex: boolean): string | null {
  if (m.timedOut) return `timed out${m.seconds !== null ? ` after ${m.seconds} s` : ''}`;
  if (m.error) return m.exit !== null && m.exit !== 0 ? `exit ${m.exit}: ${m.error}` : m.error;
  if (m.exit !== null && m.exit !== 0) return `exit ${m.exit}`;
  if (m.truncated) return 'truncated';
  if (!inIndex) return 'listed in the manifest but not in the bundle';
  return null;
}

/** What memtrail reads, for bundles without a manifest: label → present. */
function expectedSources(a: Artifacts): [string, boolean][] {
  return [
    ['meminfo', a.meminfo.length > 0],
    ['vmstat', a.vmstat.length > 0],
    ['slabinfo', a.slabinfo.length > 0],
    ['buddyinfo', a.buddyinfo.length > 0],
    ['process table', a.procs.length > 0],
    ['kernel log', a.kernelLogSources.length > 0],
    ['ipcs / sysvipc shm', a.ipcsShm !== null || a.sysvShm !== null],
    ['df', a.df !== null],
    ['cgroup memory', a.cgroups.length > 0],
  ];
}

export function artifactsSection(t: Timeline, p: Painter): string[] {
  const a = t.artifacts;
  const lines = [p('bold', 'Artifacts') + `  ${a.index.length} file(s) in the bundle`];
  if (a.manifest) {
    const indexed = new Set(a.index.map((e) => e.path));
    const problems = a.manifest.artifacts
      .map((m) => [m, artifactProblem(m, indexed.has(m.path))] as const)
      .filter((x): x is readonly [ManifestArtifact, string] => x[1] !== null);
    lines.push(`  ${a.manifest.artifacts.length - problems.length} of ${a.manifest.artifacts.length} in the manifest captured cleanly`);
    if (problems.length > 0) {
      lines.push('  absent or partial:');
      lines.push(...columns(problems.map(([m, why]) => [safe(m.path, 50), p('yellow', safe(why, 70))]), [], '    '));
    }
  } else {
    lines.push('  no manifest.json: present/absent judged from what was parsed');
  }
  const expected = expectedSources(a);
  const absent = expected.filter(([, present]) => !present).map(([label]) => label);
  lines.push(`  parsed: ${expected.filter(([, present]) => present).map(([label]) => label).join(', ') || 'nothing'}`);
  if (absent.length > 0) lines.push(`  not found: ${p('dim', absent.join(', '))}`);
  return lines;
}
