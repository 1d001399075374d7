import { describe, expect, it } from 'vitest';
import { exhaustionForecastAudit } from '../../src/audits/exhaustion-forecast.js';
import { runAudits } from '../../src/audits/runner.js';
import { sysstatTimeline } from './sysstat-timeline.js';
import { baselineTimeline, makeTimeline, sample } from './make-timeline.js';

describe('exhaustion-forecast', () => {
  it('forecasts the real allocation ramp and gives the alert rule fitted to it', () => {
    const f = runAudits(sysstatTimeline(), [exhaustionForecastAudit]).findings[0]!;
    // 90 s of samples is too short a window to call critical (the real allocation was freed after).
    expect(f.severity).toBe('info');
    expect(f.title).toMatch(/^MemAvailable runs out in 3\d minutes/);
    expect(f.summary).toMatch(/^MemAvailable \(22 GiB now\) reaches 0 in 3\d minutes \d+ seconds after the last sample \(2026-11-26 1\d:\d\d:\d\d UTC\), fitted over 1 minute 30 seconds \(10 samples, r² 1\.00, low confidence\)\./);
    const rule = f.remediation.at(-1)!;
    expect(rule.file!.path).toBe('/etc/prometheus/rules/memtrail-memory.yml');
    expect(rule.file!.content).toContain('predict_linear(node_memory_MemAvailable_bytes[30m], 3600) < 0');
    expect(rule.text).toContain('memtrail cannot see this machine\'s alerting config');
    expect(f.details![0]!.rows[0]).toMatchObject({ series: 'MemAvailable', n: 10, confidence: 'low' });
  });

  it('flags MemAvailable under 10% for 15 minutes (Prometheus practice)', () => {
    const meminfo = [0, 600, 1200].map((dt) => sample('series/meminfo', 1000 + dt, { MemTotal: 16e9, MemAvailable: 1e9 }));
    const f = runAudits(makeTimeline({ artifacts: { meminfo } }), [exhaustionForecastAudit]).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain('MemAvailable stayed below 10% of MemTotal from 1970-01-01 00:16:40 UTC for at least 20 minutes');
  });

  it('needs two meminfo samples', () => {
    expect(runAudits(baselineTimeline(), [exhaustionForecastAudit]).audits[0]).toMatchObject({
      status: 'not-enough-data', reason: 'needs at least two /proc/meminfo samples over time (series/meminfo)',
    });
  });
});
