import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parsePressure } from '../../src/parsers/pressure.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/pressure/memory');
const baseline = readRealFixture('01_baseline/proc_pressure_memory.txt');

describe('parsePressure on the real baseline', () => {
  it('reads some and full with their stall totals in microseconds', () => {
    expect(parsePressure(baseline, ctx)).toEqual({
      data: {
        some: { avg10: 0, avg60: 0, avg300: 0, totalUs: 4109 },
        full: { avg10: 0, avg60: 0, avg300: 0, totalUs: 3687 },
      },
      diagnostics: [],
    });
  });
});

describe('parsePressure edge cases', () => {
  it('a kernel that prints only "some" gives full = null without complaint', () => {
    const { data, diagnostics } = parsePressure('some avg10=1.25 avg60=0.40 avg300=0.08 total=987654321\n', ctx);
    expect(data).toEqual({ some: { avg10: 1.25, avg60: 0.4, avg300: 0.08, totalUs: 987654321 }, full: null });
    expect(diagnostics).toEqual([]);
  });

  it('empty text: both null and one file-level warning', () => {
    expect(parsePressure('', ctx)).toEqual({
      data: { some: null, full: null },
      diagnostics: [{ source: 'proc/pressure/memory', severity: 'warning', message: 'no "some" line: memory pressure unknown' }],
    });
  });

  it('a truncated or misspelt line is reported on its line and the other line is kept', () => {
    const text = 'some avg10=0.00 avg60=0.00 avg300=0.00 total=4109\nfull avg10=0.00 avg60=0.00 avg3';
    const { data, diagnostics } = parsePressure(text, parseContext('series/pressure', 20));
    expect(data.some?.totalUs).toBe(4109);
    expect(data.full).toBeNull();
    expect(diagnostics.map((d) => d.line)).toEqual([21]);
    const misspelt = parsePressure('some avg10=0.00 avg60=0.00 avg300=x total=1\nsome avg10=0.00 avg60=0.00 avg30=0.00 total=1', ctx);
    expect(misspelt.diagnostics.map((d) => d.line)).toEqual([1, 2, undefined]);
  });

  it('a repeated line: the later wins, with a warning', () => {
    const { data, diagnostics } = parsePressure('full avg10=0.00 avg60=0.00 avg300=0.00 total=1\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=2\nsome avg10=0.00 avg60=0.00 avg300=0.00 total=3', ctx);
    expect(data.full?.totalUs).toBe(2);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[2, 'full repeated; the later line wins']]);
  });
});

describe('parsePressure properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parsePressure, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parsePressure, baseline);
  });
});
