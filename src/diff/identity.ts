/**
 * Who the two captures are, and the warnings that qualify the comparison: another host, another
 * kernel (its accounting and defaults differ), the same capture twice, or the order reversed.
 */
import type { ReportJson } from '../model/report.js';
import type { AnalyzedSide } from './analyzed-side.js';
import type { DiffSide, DiffWarning } from './types.js';

export function diffSide(s: AnalyzedSide): DiffSide {
  const b = s.report.bundle;
  return {
    input: s.input,
    host: b.host,
    kernel: b.kernel,
    arch: b.arch,
    start: b.start,
    end: b.end,
    timezone: b.timezone,
    intervalS: b.intervalS,
    synthetic: b.synthetic,
    verdict: s.report.verdict,
  };
}

const shown = (v: string | null) => (v === null ? 'unknown' : `'${v}'`);

function mismatch(kind: DiffWarning['kind'], what: string, before: string | null, after: string | null, why: string): DiffWarning[] {
  if (before === after) return [];
  return [{ kind, text: `The captures come from different ${what}: ${shown(before)} before, ${shown(after)} after. ${why} Compared anyway.` }];
}

export function identityWarnings(before: ReportJson, after: ReportJson): DiffWarning[] {
  const b = before.bundle, a = after.bundle;
  const warnings = [
    ...mismatch('different-host', 'hosts', b.host, a.host, 'Differences may come from the machines, not from a fix.'),
    ...mismatch('different-kernel', 'kernels', b.kernel, a.kernel, 'Kernels differ in defaults, counters and slab caches.'),
    ...mismatch('different-arch', 'architectures', b.arch, a.arch, 'Page sizes and memory layout may differ.'),
  ];
  if (b.host === a.host && b.start !== null && b.start === a.start && b.end === a.end) {
    warnings.push({ kind: 'same-capture', text: `Both inputs are the same capture (${b.host ?? 'unknown host'}, ${b.start} to ${b.end}): nothing can have changed.` });
  } else if (b.start !== null && a.start !== null && Date.parse(a.start) < Date.parse(b.start)) {
    warnings.push({ kind: 'after-precedes-before', text: `The "after" capture starts (${a.start}) before the "before" one (${b.start}): are the arguments swapped?` });
  }
  return warnings;
}
