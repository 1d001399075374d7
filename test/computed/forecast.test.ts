import { describe, expect, it } from 'vitest';
import { trendAlertRule } from '../../src/computed/alert-rule.js';
import { forecastAll, forecastMemAvailable } from '../../src/computed/forecast.js';
import { makeTimeline, sample } from '../audits/make-timeline.js';
import { sysstatTimeline } from '../audits/sysstat-timeline.js';

describe('forecastMemAvailable', () => {
  it('projects the real allocation ramp to exhaustion with a stated window and confidence', () => {
    const f = forecastMemAvailable(sysstatTimeline())!;
    expect(f.fit.n).toBe(10);
    expect(f.windowS).toBe(90);
    expect(f.fit.r2).toBeGreaterThan(0.99);
    expect(f.currentBytes).toBe(23381856 * 1024);
    // ~11 MiB/s down: about 35 minutes left.
    expect(f.secondsToExhaustion!).toBeGreaterThan(30 * 60);
    expect(f.secondsToExhaustion!).toBeLessThan(40 * 60);
    expect(f.withinHorizon).toBe(true);
    // Ten samples with r² > 0.99, but a 90 s window cannot tell a trend from a burst (and this
    // real ramp was an allocation freed a minute later): low confidence.
    expect(f.confidence).toBe('low');
    expect(f.projection[1]![1]).toBeCloseTo(0, -3);
  });

  it('is null with one sample, and forecastAll skips SwapFree without swap', () => {
    const one = makeTimeline({ artifacts: { meminfo: [sample('m', 1, { MemTotal: 10, MemAvailable: 5 })] } });
    expect(forecastMemAvailable(one)).toBeNull();
    expect(forecastAll(sysstatTimeline()).map((f) => f.name)).toEqual(['MemAvailable']);
  });
});

describe('trendAlertRule', () => {
  it('fits the window to the observed leak and keeps the runbook default otherwise', () => {
    const fast = trendAlertRule(forecastMemAvailable(sysstatTimeline()));
    expect(fast.windowS).toBe(1800);
    expect(fast.horizonS).toBe(3600);
    expect(fast.yaml).toContain('predict_linear(node_memory_MemAvailable_bytes[30m], 3600) < 0');
    expect(fast.yaml).toContain('node_memory_MemAvailable_bytes < 0.80 * (node_memory_MemAvailable_bytes offset 1h)');
    const none = trendAlertRule(null);
    expect(none.yaml).toContain('[2h], 3600');
    expect(none.reason).toContain('runbook');
  });
});
