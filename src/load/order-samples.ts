/**
 * Puts one sample list in time order. Records of one source that step back in time (a clock
 * set backwards, or records appended out of order) are reported and sorted into place; a second
 * record with the same source, time and identity is reported and dropped (the first one read is
 * kept), except a whole file delivered twice (a duplicated archive member): there the later copy
 * replaces the earlier, as tar extraction would. The identity tells apart samples that share a record: the cgroups of one
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
  // The usual case: in order, each source's times strictly increasing, so nothing to sort or drop.
  if (inStrictOrder(samples)) return samples;
  // Array.prototype.sort is stable, so equal times keep their file order.
  const sorted = [...samples].sort((a, b) => a.time - b.time);
  const kept: Sample<T>[] = [];
  const indexByKey = new Map<string, number>();
  for (const s of sorted) {
    const key = `${s.source}\u0000${s.time}\u0000${identity(s.data)}`;
    const at = indexByKey.get(key);
    if (at === undefined) {
      indexByKey.set(key, kept.push(s) - 1);
    } else if (kept[at]!.line === s.line) {
      // The same file delivered twice (a duplicated archive member, already reported by the
      // reader): tar semantics, the later copy wins.
      kept[at] = s;
    } else {
      report({ source: s.source, line: s.line, severity: 'warning', message: `duplicate record time ${s.time}; the later copy is ignored` });
    }
  }
  return kept;
}

/** Sorted by time, with no two samples of one source at the same time (then no duplicate either). */
function inStrictOrder<T>(samples: Sample<T>[]): boolean {
  const lastBySource = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (i > 0 && s.time < samples[i - 1]!.time) return false;
    const last = lastBySource.get(s.source);
    if (last !== undefined && s.time <= last) return false;
    lastBySource.set(s.source, s.time);
  }
  return true;
}
