/**
 * Diffs of the committed samples (samples/*.tar.gz), each bundle analysed once per test file:
 * the same pipeline `memtrail diff` runs.
 */
import { fileURLToPath } from 'node:url';
import { analyzeBundle } from '../../src/analyze.js';
import { analyzedSide, type AnalyzedSide } from '../../src/diff/analyzed-side.js';
import { buildDiff } from '../../src/diff/build-diff.js';
import type { DiffJson } from '../../src/diff/types.js';

export const samplePath = (name: string) => fileURLToPath(new URL(`../../samples/${name}.tar.gz`, import.meta.url));

const analysed = new Map<string, Promise<AnalyzedSide>>();

function side(name: string): Promise<AnalyzedSide> {
  let s = analysed.get(name);
  if (!s) analysed.set(name, (s = analyzeBundle(samplePath(name)).then((a) => analyzedSide(`${name}.tar.gz`, a))));
  return s;
}

export async function diffSamples(before: string, after: string): Promise<DiffJson> {
  return buildDiff(await side(before), await side(after), 'test');
}

export function metric(diff: DiffJson, name: string) {
  const m = diff.metrics.find((x) => x.name === name);
  if (!m) throw new Error(`no metric ${name}`);
  return m;
}
