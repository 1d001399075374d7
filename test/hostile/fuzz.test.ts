/**
 * Property-based fuzzing, bounded for CI (fixed seed, a few hundred cases per parser, the whole
 * file well under 20 s). bench/fuzz/run.mjs runs the same properties with a random seed and
 * MEMTRAIL_FUZZ_SCALE times the cases; its README records the counts.
 */
import { describe, it } from 'vitest';
import { checkParser, checkPipeline, checkReader, parserTable, type FuzzBudget } from './fuzz-properties.js';

const budget: FuzzBudget = {
  seed: Number(process.env.MEMTRAIL_FUZZ_SEED ?? 20261126),
  scale: Number(process.env.MEMTRAIL_FUZZ_SCALE ?? 1),
};
const LONG = 600_000 * budget.scale;

describe('fuzzing', () => {
  it.each(parserTable())('parser %s never throws; its diagnostics point inside the text', (_name, parse, real) => {
    checkParser(parse, real, budget, 150);
  }, LONG);

  it('the reader on bit-flipped and truncated archives: UnreadableInputError or a read whose paths stay inside', async () => {
    await checkReader(budget, 150);
  }, LONG);

  it('loader, timeline, audits, HTML and Markdown on mutated, re-timed, shuffled series never throw', async () => {
    await checkPipeline(budget, 12);
  }, LONG);
});
