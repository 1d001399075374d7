/**
 * SeriesJob on real /proc/vmstat text: the first and the latest record whole, the ones between
 * lean, each bad line reported once (not again when the latest is parsed whole), and a corrupt
 * file's diagnostics capped with a count.
 */
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/model/artifacts.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { MAX_DIAGNOSTICS_PER_SOURCE } from '../../../src/load/diagnostic-cap.js';
import { SeriesJob } from '../../../src/load/series/job.js';
import { seriesFile, real } from '../real-bundles.js';

function run(name: 'vmstat' | 'meminfo', text: string, chunkBytes = 4096) {
  const samples: Sample<unknown>[] = [];
  const job = new SeriesJob({ job: 'series', name, source: `series/${name}`, pageSizeBytes: 4096, firstSegment: true }, (batch) => samples.push(...batch));
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkBytes) job.push(bytes.subarray(at, at + chunkBytes));
  return { samples: samples as Sample<Record<string, number>>[], ...job.finish() };
}

describe('SeriesJob', () => {
  it('keeps the first and latest vmstat records whole and the ones between lean', async () => {
    const vmstat = (await real('01_baseline/proc_vmstat.txt')).trimEnd();
    const records = Array.from({ length: 250 }, (_, i): [number, string] => [1795700000 + i * 10, vmstat.replace(/^pgmajfault \d+$/m, `pgmajfault ${i}`)]);
    const { samples, diagnostics } = run('vmstat', seriesFile(records));
    expect(samples).toHaveLength(250);
    expect(samples.map((s) => s.data['pgmajfault'])).toEqual(records.map((_, i) => i));
    const keys = samples.map((s) => Object.keys(s.data).length);
    expect(keys[0]).toBe(vmstat.split('\n').length);
    expect(keys.at(-1)).toBe(vmstat.split('\n').length);
    expect(Math.max(...keys.slice(1, -1))).toBeLessThan(60);
    expect(samples[100]!.data['nr_free_pages']).toBeDefined();
    expect(samples[100]!.data['nr_zone_inactive_anon']).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('reports a bad line of the latest record once, though that record is parsed twice', () => {
    const text = seriesFile([[1795700000, 'nr_free_pages 1\npgfault 2'], [1795700010, 'nr_free_pages 1\npgfault 3'], [1795700020, 'nr_free_pages 1\npgfault x']]);
    const { samples, diagnostics } = run('vmstat', text);
    expect(samples.at(-1)!.data).toEqual({ nr_free_pages: 1 });
    expect(diagnostics.map((d: Diagnostic) => [d.line, d.message])).toEqual([[9, 'expected "name <integer>", got "pgfault x"']]);
  });

  it('keeps the first diagnostics of a corrupt file and counts the rest', () => {
    const records = Array.from({ length: 500 }, (_, i): [number, string] => [1795700000 + i, 'MemTotal: 12 MB']);
    const { samples, diagnostics, diagnosticCount } = run('meminfo', seriesFile(records));
    expect(samples.every((s) => Object.keys(s.data).length === 0)).toBe(true);
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_SOURCE);
    expect(diagnosticCount).toBe(1000);
  });
});
