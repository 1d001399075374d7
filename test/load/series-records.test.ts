import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { forEachSeriesRecord, type SeriesRecord } from '../../src/load/series-records.js';

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line;
}

async function split(text: string) {
  const records: SeriesRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  await forEachSeriesRecord(linesOf(text), 'series/meminfo', (d) => diagnostics.push(d), (r) => records.push(r));
  return { records, diagnostics };
}

describe('forEachSeriesRecord', () => {
  it('splits records at "=== <epoch>" lines and numbers their first content line', async () => {
    const { records, diagnostics } = await split('=== 1795704730.373\nMemTotal: 1 kB\nMemFree: 2 kB\n=== 1795704730.874\nMemTotal: 1 kB\n');
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([
      { time: 1795704730.373, firstLine: 2, text: 'MemTotal: 1 kB\nMemFree: 2 kB' },
      { time: 1795704730.874, firstLine: 5, text: 'MemTotal: 1 kB\n' },
    ]);
  });

  it('reports lines before the first separator once, with the first such line', async () => {
    const { records, diagnostics } = await split('\nstray\nmore\n=== 10\nx');
    expect(records).toEqual([{ time: 10, firstLine: 5, text: 'x' }]);
    expect(diagnostics).toMatchObject([{ line: 2, message: expect.stringContaining('2 line(s) outside') }]);
  });

  it('skips a record whose separator has a bad time, without blaming its lines again', async () => {
    const { records, diagnostics } = await split('=== 10\na\n=== yesterday\nb\nc\n=== 20.5x\nd\n=== 30\ne');
    expect(records.map((r) => [r.time, r.text])).toEqual([[10, 'a'], [30, 'e']]);
    expect(diagnostics.map((d) => d.line)).toEqual([3, 6]);
    expect(diagnostics[0]!.message).toContain('record skipped');
  });
});
