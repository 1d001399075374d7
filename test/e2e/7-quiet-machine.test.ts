/** Scenario 7: an idle recording. Nothing is provoked, so nothing may be critical. */
import { expect, it } from 'vitest';
import { describeIncident } from './harness/incident.js';
import { waitUntil } from './harness/wait.js';

describeIncident('quiet', 'scenario 7: a quiet machine', {}, async (incident) => {
  const recorder = await incident.record();
  await waitUntil('eight samples', () => recorder.samples() >= 8, 20_000);
  return incident.bundle(recorder);
}, (report) => {
  it('has no critical finding and a verdict that is not critical', () => {
    expect(report().findings.filter((f) => f.severity === 'critical').map((f) => `${f.id}: ${f.summary}`)).toEqual([]);
    expect(report().verdict.severity).not.toBe('critical');
  });

});
