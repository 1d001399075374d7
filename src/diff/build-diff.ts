/**
 * Assembles memtrail-diff/1 from two analysed bundles. `diffBundles` runs the same pipeline as
 * `memtrail report` on each input, so a diff never disagrees with the two reports.
 */
import { analyzeBundle, type AnalyzeOptions } from '../analyze.js';
import { compareAccounting } from './accounting.js';
import { analyzedSide, type AnalyzedSide } from './analyzed-side.js';
import { diffCharts } from './charts.js';
import { compareConfig } from './config.js';
import { compareFindings } from './findings.js';
import { compareFragmentation } from './fragmentation.js';
import { diffSide, identityWarnings } from './identity.js';
import { compareMetrics } from './metrics.js';
import { compareProcesses } from './processes.js';
import { compareSlabs } from './slabs.js';
import { DIFF_SCHEMA, type DiffJson } from './types.js';

export function buildDiff(before: AnalyzedSide, after: AnalyzedSide, generatorVersion: string): DiffJson {
  const config = compareConfig(before, after);
  const accounting = compareAccounting(before, after);
  const fragmentation = compareFragmentation(before, after);
  return {
    schema: DIFF_SCHEMA,
    generator: { name: 'memtrail', version: generatorVersion },
    before: diffSide(before),
    after: diffSide(after),
    warnings: [...identityWarnings(before.report, after.report), ...config.warnings],
    findings: compareFindings(before.report, after.report),
    metrics: compareMetrics(before, after),
    accounting,
    slabs: compareSlabs(before, after),
    processes: compareProcesses(before, after),
    config: config.changes,
    fragmentation,
    charts: diffCharts(before, after, accounting, fragmentation),
  };
}

export interface DiffOptions extends AnalyzeOptions {
  generatorVersion: string;
}

/** Reads and analyses both inputs, one after the other, then compares them. */
export async function diffBundles(beforeInput: string, afterInput: string, opts: DiffOptions): Promise<DiffJson> {
  const before = analyzedSide(beforeInput, await analyzeBundle(beforeInput, opts));
  const after = analyzedSide(afterInput, await analyzeBundle(afterInput, opts));
  return buildDiff(before, after, opts.generatorVersion);
}
