import { describe, expect, it } from 'vitest';
import { linearFit, slopeMBPerHour, timeAtValue, valueAt, type Point } from '../../src/computed/linear-fit.js';
import { trackFromStatusSamples } from '../audits/make-timeline.js';

// The v1 leaker adds 1 MiB every 0.1 s after a 1 s sleep; its VmRSS every 0.5 s climbs ~5140 kB per sample.
const track = trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt');
const climb: Point[] = track.points.slice(2, 13).map((p) => [p.time, p.rssBytes]);

describe('linearFit', () => {
  it('recovers the leak rate of the real v1 leaker', () => {
    const fit = linearFit(climb)!;
    expect(fit.n).toBe(11);
    expect(fit.slopePerS / 1024).toBeCloseTo(10280, -2); // 5140 kB per 0.5 s
    expect(fit.r2).toBeGreaterThan(0.999);
    expect(slopeMBPerHour(fit)).toBeGreaterThan(36000);
    expect(fit.startTime).toBe(1795704731.374);
  });

  it('predicts where the line crosses a value, as predict_linear would', () => {
    const fit = linearFit(climb)!;
    const limit = 67108864; // the cgroup's memory.limit_in_bytes
    const at = timeAtValue(fit, limit)!;
    expect(valueAt(fit, at)).toBeCloseTo(limit, 0);
    expect(at).toBeGreaterThan(1795704736.374);
    expect(at).toBeLessThan(1795704737.383); // the leaker was gone by then
  });

  it('gives r² 1 for a flat series and null for too few points', () => {
    expect(linearFit([[1, 5], [2, 5], [3, 5]])!.r2).toBe(1);
    expect(linearFit([[1, 5]])).toBeNull();
    expect(linearFit([[1, 5], [1, 6]])).toBeNull();
    expect(timeAtValue(linearFit([[1, 5], [2, 5]])!, 0)).toBeNull();
  });
});
