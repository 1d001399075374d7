/** Reading sysctls the audits compare: the value, and where in the bundle it came from. */
import type { Evidence } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { artifactPath } from './evidence.js';

export function sysctlValue(t: Timeline, key: string): string | null {
  return t.artifacts.sysctl[key] ?? null;
}

export function sysctlNumber(t: Timeline, key: string): number | null {
  const v = sysctlValue(t, key);
  return v === null || v.trim() === '' ? null : Number(v);
}

/** The bundle file the sysctls were read from: `sysctl -a` output when present, else proc/sys/vm/<name>. */
export function sysctlEvidence(t: Timeline, key: string): Evidence {
  const file = artifactPath(t, /sysctl/, `proc/sys/${key.replaceAll('.', '/')}`);
  return { source: file, text: `${key} = ${sysctlValue(t, key) ?? '(absent)'}` };
}
