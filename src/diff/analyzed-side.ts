/** One analysed bundle as the diff sees it: the pipeline's result plus a memo of derived data. */
import type { Analysis } from '../analyze.js';
import { ComputedCache } from '../computed/cache.js';

export interface AnalyzedSide extends Analysis {
  /** The path as given on the command line. */
  input: string;
  /** Shared by every comparison of this side, so processGrowth, slabCacheGrowth … run once. */
  computed: ComputedCache;
}

export function analyzedSide(input: string, analysis: Analysis): AnalyzedSide {
  return { ...analysis, input, computed: new ComputedCache(analysis.timeline) };
}
