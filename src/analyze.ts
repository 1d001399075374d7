/**
 * The pipeline in one call: read → parse → timeline → audits → result JSON.
 * Shared by `report`, `diff` and `batch` so every command sees the same analysis.
 */
import { loadBundle, type LoadOptions } from './load/load-bundle.js';
import { buildTimeline } from './timeline/build-timeline.js';
import { runAudits } from './audits/runner.js';
import { AUDITS } from './audits/index.js';
import { ComputedCache } from './computed/cache.js';
import { buildReport } from './report/build-report.js';
import { VERSION } from './cli/version.js';
import type { ReportJson } from './model/report.js';
import type { Timeline } from './model/timeline.js';

export type AnalyzeOptions = LoadOptions;

export interface Analysis {
  timeline: Timeline;
  report: ReportJson;
}

export async function analyzeBundle(input: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const artifacts = await loadBundle(input, opts);
  const timeline = buildTimeline(artifacts);
  const computed = new ComputedCache(timeline);
  const report = buildReport(timeline, runAudits(timeline, AUDITS, computed), VERSION, computed);
  return { timeline, report };
}
