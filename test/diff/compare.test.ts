import { describe, expect, it } from 'vitest';
import { compareValues, rowFlagged } from '../../src/diff/compare.js';

describe('compareValues (pmdiff ratio, flagged at 2×)', () => {
  it('divides after by before and flags outside (½, 2)', () => {
    expect(compareValues(8, 15, 0)).toEqual({ ratio: 1.875, flagged: false, zeroSide: null });
    expect(compareValues(10, 20, 0)).toEqual({ ratio: 2, flagged: true, zeroSide: null });
    expect(compareValues(10, 5, 0)).toEqual({ ratio: 0.5, flagged: true, zeroSide: null });
    expect(compareValues(10, 5.1, 0).flagged).toBe(false);
  });

  it('marks the zero side instead of dividing by it, and does not flag zero against zero', () => {
    expect(compareValues(0, 3, 0)).toEqual({ ratio: null, flagged: true, zeroSide: 'before' });
    expect(compareValues(3, 0, 0)).toEqual({ ratio: null, flagged: true, zeroSide: 'after' });
    expect(compareValues(0, 0, 0)).toEqual({ ratio: null, flagged: false, zeroSide: 'both' });
  });

  it('counts magnitudes under the noise floor as zero', () => {
    expect(compareValues(2600, 0.3, 1)).toEqual({ ratio: null, flagged: true, zeroSide: 'after' });
    expect(compareValues(-0.4, 0.3, 1)).toEqual({ ratio: null, flagged: false, zeroSide: 'both' });
  });

  it('flags a sign reversal (a falling series that now rises)', () => {
    expect(compareValues(-700, 50, 1)).toEqual({ ratio: -50 / 700, flagged: true, zeroSide: null });
  });

  it('flags "never" against a number, and nothing when a side has no data', () => {
    expect(compareValues(14, 'never', 0)).toEqual({ ratio: null, flagged: true, zeroSide: null });
    expect(compareValues('never', 'never', 0).flagged).toBe(false);
    expect(compareValues(null, 5, 0)).toEqual({ ratio: null, flagged: false, zeroSide: null });
  });

  it('flags a table row when its peak or its growth moved 2×, an absent side counting as zero', () => {
    const MiB = 1024 * 1024;
    expect(rowFlagged([100 * MiB, 100 * MiB], [0.2, 0.1])).toBe(false);
    expect(rowFlagged([100 * MiB, 100 * MiB], [800, 1])).toBe(true);
    expect(rowFlagged([null, 50 * MiB], [null, 0])).toBe(true);
    expect(rowFlagged([null, 0.5 * MiB], [null, 0])).toBe(false);
  });
});
