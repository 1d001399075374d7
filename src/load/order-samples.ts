/**
 * Puts one sample list in time order. Records of one source that step back in time (a clock
 * set backwards, or records appended out of order) are reported and sorted into place; a second
 * record with the same source, time and identity is reported and dropped (the first one read is
 * kept). The identity tells apart samples that share a record: the cgroups of one
 * `series/cgroup-memory` record.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Sample } from '../model/artifacts.js';

export function orderSamples<T>(
  samples: Sample<T>[],
  report: (d: Diagnostic) => void,
  identity: (data: T) => string = () => '',
): Sample<T>[] {
  const lastTimeBySource = new Map<string, number>();
  for (const s of samples) {
    const previous = lastTimeBySource.get(s.source);
    if (previous !== undefined && s.time < previous) {
      report({
        source: s.source,
        line: s.line,
        severity: 'warning',
        message: `record time ${s.time} is ${(previous - s.time).toFixed(3)} s before the previous record: clock went backwards or records out of order; sorted`,
      });
    }
    lastTimeBySource.set(s.source, s.time);
  }
  // Array.prototype.sort is stable, so equal times keep their file order.
  const sorted = [...samples].sort((a, b) => a.time - b.time);
  const seen = new Set<string>();
  return sorted.filter((s) => {
    const key = `${s.source}\u0000${s.time}\u0000${identity(s.data)}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    report({ source: s.source, line: s.line, severity: 'warning', message: `duplicate record time ${s.time}; the later copy is ignored` });
    return false;
  });
}
