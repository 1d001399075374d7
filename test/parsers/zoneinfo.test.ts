import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseZoneinfo } from '../../src/parsers/zoneinfo.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/zoneinfo');
const head200 = readRealFixture('01_baseline/proc_zoneinfo_head200.txt');
const firstLines = (count: number): string => head200.split('\n').slice(0, count).join('\n');

const DMA = { node: 0, zone: 'DMA', freePages: 3840, minPages: 55, lowPages: 68, highPages: 81, managedPages: 3840 };
const DMA32 = { node: 0, zone: 'DMA32', freePages: 772915, minPages: 11161, lowPages: 13951, highPages: 16741, managedPages: 772915 };

describe('parseZoneinfo on the real capture (head -200)', () => {
  it('reads the four zones the 200 lines reach; per-CPU "high:" is not the watermark', () => {
    expect(parseZoneinfo(head200, ctx)).toEqual({
      data: [
        DMA,
        DMA32,
        { node: 0, zone: 'Normal', freePages: 351769, minPages: 5678, lowPages: 7097, highPages: 8516, managedPages: 393216 },
        { node: 0, zone: 'Movable', freePages: 0, minPages: 32, lowPages: 32, highPages: 32, managedPages: 0 },
      ],
      diagnostics: [],
    });
  });

  it('cut inside a zone: that zone keeps what it reached, with an info on its header line', () => {
    const { data, diagnostics } = parseZoneinfo(firstLines(150), ctx);
    expect(data.at(-1)).toEqual({ node: 0, zone: 'Normal', freePages: 351769, minPages: 5678, lowPages: 7097, highPages: 8516, managedPages: null });
    expect(diagnostics).toEqual([
      { source: 'proc/zoneinfo', line: 145, severity: 'info', message: 'zone Normal of node 0 has no managedPages (text cut short?)' },
    ]);
    const cutAfterFree = parseZoneinfo(firstLines(100), ctx);
    expect(cutAfterFree.data.at(-1)).toMatchObject({ zone: 'DMA32', freePages: 772915, minPages: null, managedPages: null });
  });

  it('cut at the top (starts inside a zone): one diagnostic for the orphan lines, later zones read', () => {
    const fromLine55 = head200.split('\n').slice(54).join('\n');
    const { data, diagnostics } = parseZoneinfo(fromLine55, parseContext('proc/zoneinfo', 55));
    expect(data.map((z) => z.zone)).toEqual(['DMA32', 'Normal', 'Movable']);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[55, '44 field line(s) before the first "Node <n>, zone <name>" skipped']]);
  });
});

describe('parseZoneinfo edge cases', () => {
  it('empty text: no zones, one file warning', () => {
    expect(parseZoneinfo('', ctx)).toEqual({
      data: [],
      diagnostics: [{ source: 'proc/zoneinfo', severity: 'warning', message: 'no "Node <n>, zone <name>" line found' }],
    });
  });

  it('a bad value is reported on its line; a zone missing fields before another zone is a warning', () => {
    const text = ['Node 0, zone DMA', '  pages free 10', '        min      x5', '        low 2', 'Node 1, zone Normal', '  pages free 7',
      '        min 1', '        low 2', '        high 3', '        managed 9'].join('\n');
    const { data, diagnostics } = parseZoneinfo(text, ctx);
    expect(data[0]).toEqual({ node: 0, zone: 'DMA', freePages: 10, minPages: null, lowPages: 2, highPages: null, managedPages: null });
    expect(data[1]).toEqual({ node: 1, zone: 'Normal', freePages: 7, minPages: 1, lowPages: 2, highPages: 3, managedPages: 9 });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, 'warning'], [1, 'warning']]);
    expect(diagnostics[1]?.message).toBe('zone DMA of node 0 has no minPages, highPages, managedPages');
  });

  it('binary inside a field line is reported, huge page counts kept as the nearest double', () => {
    const text = 'Node 0, zone Normal\n  pages free 18446744073709551615\n   min \u0000 3\n';
    const { data, diagnostics } = parseZoneinfo(text, ctx);
    expect(data[0]?.freePages).toBe(18446744073709551615);
    expect(diagnostics.map((d) => d.line)).toEqual([3, 1]);
  });
});

describe('parseZoneinfo properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseZoneinfo, head200);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseZoneinfo, head200);
  });
});
