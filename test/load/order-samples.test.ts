import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { orderSamples } from '../../src/load/order-samples.js';

const sample = (time: number, line: number, source = 'series/meminfo') => ({ time, source, line, data: line });

describe('orderSamples', () => {
  it('sorts records that went back in time and keeps the first of two with the same time', () => {
    const diagnostics: Diagnostic[] = [];
    const out = orderSamples([sample(10, 2), sample(20, 5), sample(15, 8), sample(20, 11), sample(30, 14)], (d) => diagnostics.push(d));
    expect(out.map((s) => [s.time, s.line])).toEqual([[10, 2], [15, 8], [20, 5], [30, 14]]);
    expect(diagnostics.map((d) => [d.line, d.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [8, 'record time 15'],
      [11, 'duplicate record time'],
    ]);
  });

  it('does not treat the same time in two different files as a duplicate', () => {
    const diagnostics: Diagnostic[] = [];
    const out = orderSamples([sample(10, 1, 'proc/meminfo'), sample(10, 2)], (d) => diagnostics.push(d));
    expect(out).toHaveLength(2);
    expect(diagnostics).toEqual([]);
  });
});
