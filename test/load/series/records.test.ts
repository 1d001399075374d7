import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { forEachSeriesRecord, type SeriesRecord } from '../../../src/load/series/records.js';
import { real } from '../real-bundles.js';

/** `text` as a stream of `chunkBytes`-byte chunks (the whole text in one chunk by default). */
async function* chunksOf(text: string | Buffer, chunkBytes = Infinity) {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
}

async function split(text: string | Buffer, chunkBytes = Infinity) {
  const records: SeriesRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = await forEachSeriesRecord(chunksOf(text, chunkBytes), 'series/meminfo', (d) => diagnostics.push(d), (r) => records.push(r));
  return { records, diagnostics, lines };
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

  it('finds the same records, lines and diagnostics whatever the chunk boundaries (real smaps_rollup samples)', async () => {
    const text = await real('02_oom_memcg/v3_two_procs_sleep_and_leaker/proc_pid_smaps_rollup.samples.txt');
    const bad = `stray\n${text}=== yesterday\nb\n===\n=== 30\ne\n==`;
    const whole = await split(bad);
    expect(whole.records.length).toBeGreaterThan(5);
    expect(whole.lines).toBe(bad.split('\n').length);
    expect(whole.diagnostics.map((d) => d.line)).toEqual([whole.lines - 5, whole.lines - 3, 1]);
    expect(whole.records.at(-1)).toEqual({ time: 30, firstLine: whole.lines - 1, text: 'e\n==' });
    for (const chunkBytes of [1, 2, 3, 5, 4096]) expect(await split(bad, chunkBytes)).toEqual(whole);
  });

  it('strips the \\r of CRLF lines and turns invalid UTF-8 into U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('=== 10\r\nMemTotal: 1 kB\r\nbad '), Buffer.from([0xff]), Buffer.from('\r\n=== 20\r\nx\r\n')]);
    const { records, diagnostics } = await split(bytes, 7);
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([
      { time: 10, firstLine: 2, text: 'MemTotal: 1 kB\nbad \uFFFD' },
      { time: 20, firstLine: 5, text: 'x\n' },
    ]);
  });
});
