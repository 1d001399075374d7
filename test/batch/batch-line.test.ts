import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { BATCH_SCHEMA, errorLine, okLine } from '../../src/batch/batch-line.js';

const sample = (name: string) => new URL(`../../samples/${name}.tar.gz`, import.meta.url).pathname;

describe('batch lines', () => {
  it('a leaking host: span, findings, the global OOM kill and the MemAvailable forecast', async () => {
    const { report } = await analyzeBundle(sample('process-leak'));
    const line = okLine('samples/process-leak.tar.gz', report, 0.4567);
    expect(line).toMatchObject({
      schema: BATCH_SCHEMA, bundle: 'samples/process-leak.tar.gz', status: 'ok', error: null, host: 'app-01',
      span_start: '2026-03-09T18:00:00.000Z', span_end: '2026-03-10T02:00:00.000Z', span_s: 8 * 3600, interval_s: 300,
      root_cause: 'process-leak', verdict_severity: 'critical', oom_kill_count: 1, analysis_s: 0.457,
    });
    expect(line.findings).toContainEqual(expect.objectContaining({ id: 'process-leak', severity: 'critical' }));
    expect(line.oom_kills).toEqual([{ time: expect.stringMatching(/^2026-03-10T01:/), pid: 1842, comm: 'python3', scope: 'global', memcg: null }]);
    // The forecast comes from the exhaustion-forecast table's MemAvailable row, counted from the bundle's end.
    const row = report.findings.find((f) => f.id === 'exhaustion-forecast')!.details![0]!.rows.find((r) => r.series === 'MemAvailable')!;
    expect(line.forecast_exhaustion_time).toBe(row.exhaustion);
    expect(line.forecast_seconds_to_exhaustion).toBe(Math.round((Date.parse(String(row.exhaustion)) - Date.parse(line.span_end!)) / 1000));
    expect(line.forecast_slope_mb_per_h).toBeLessThan(0);
  });

  it('a healthy host: no kills, no forecast, nulls rather than missing fields', async () => {
    const { report } = await analyzeBundle(sample('healthy-baseline'));
    const line = okLine('h.tar.gz', report, 0.1);
    expect(line.oom_kill_count).toBe(0);
    expect(line.oom_kills).toEqual([]);
    expect(line.forecast_exhaustion_time).toBeNull();
    expect(line.forecast_seconds_to_exhaustion).toBeNull();
    expect(line.verdict_severity).toBe('ok');
  });

  it('an error line has every column of an ok line, and a one-line message', async () => {
    const { report } = await analyzeBundle(sample('healthy-baseline'));
    const ok = okLine('h.tar.gz', report, 0.1);
    const bad = errorLine('x.tar.gz', 'corrupt archive\n  at somewhere', 0.01, '0.1.0');
    expect(Object.keys(bad)).toEqual(Object.keys(ok));
    expect(bad).toMatchObject({ status: 'error', error: 'corrupt archive', host: null, findings: [], oom_kills: [], oom_kill_count: null });
    expect(Object.values(bad).every((v) => v !== undefined)).toBe(true);
  });
});
