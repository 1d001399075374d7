/** Scenario 7: an idle recording. Nothing is provoked, so nothing may be critical. */
import { expect, it } from 'vitest';
import { describeIncident } from './harness/incident.js';

describeIncident('quiet', 'scenario 7: a quiet machine', {}, async (incident) => {
  const recorder = await incident.record();
  await recorder.moreSamples(8, 'of an idle machine');
  return incident.bundle(recorder);
}, (report) => {
  it('has no critical finding and a verdict that is not critical', () => {
    expect(report().findings.filter((f) => f.severity === 'critical').map((f) => `${f.id}: ${f.summary}`)).toEqual([]);
    expect(report().verdict.severity).not.toBe('critical');
  });

});
