import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplesBetween } from '../../src/computed/series.js';

describe('samplesBetween', () => {
  it('finds by binary search what a filter over the whole time-ordered list finds', () => {
    const times = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }).map((ts) => ts.sort((a, b) => a - b).map((time, i) => ({ time, i })));
    fc.assert(fc.property(times, fc.integer({ min: -5, max: 45 }), fc.integer({ min: -5, max: 45 }), (samples, from, to) => {
      expect(samplesBetween(samples, from, to)).toEqual(samples.filter((s) => s.time >= from && s.time <= to));
    }), { seed: 42, numRuns: 2000 });
  });
});
