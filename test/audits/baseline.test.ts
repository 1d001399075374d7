import { describe, expect, it } from 'vitest';
import { runAudits } from '../../src/audits/runner.js';
import { baselineTimeline } from './make-timeline.js';

describe('the healthy 01_baseline machine', () => {
  const { findings, audits } = runAudits(baselineTimeline());

  it('gives no critical finding', () => {
    expect(findings.filter((f) => f.severity === 'critical').map((f) => f.id)).toEqual([]);
  });

  it('reports every audit, with the missing inputs named', () => {
    expect(audits).toHaveLength(11);
    expect(audits.find((a) => a.id === 'process-leak')).toMatchObject({ status: 'not-enough-data', reason: expect.stringContaining('per-process samples') });
    expect(audits.find((a) => a.id === 'exhaustion-forecast')?.status).toBe('not-enough-data');
    expect(audits.filter((a) => a.status === 'error')).toEqual([]);
  });

  it('reports the old memcg OOM kill as info, not critical', () => {
    const oom = findings.find((f) => f.id === 'oom-events')!;
    expect(oom.severity).toBe('info');
    expect(oom.summary).toContain('memory-cgroup kill inside /process_api/d518b30646e7d5ae7be9fcdd19e622f2/oomtest');
    expect(oom.summary).toContain('before the capture started');
    expect(oom.evidence.map((e) => e.line)).toEqual([342, 420]);
  });
});
