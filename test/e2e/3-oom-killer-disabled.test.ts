/**
 * Scenario 3: memory.oom_control oom_kill_disable=1. The leaker hangs at the limit in the memcg
 * OOM wait (state D) and the kernel prints nothing: runbook root cause 4, memory exhausted and no
 * kill. It is bundled while it hangs, then released (killed) by the cleanup.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeIncident } from './harness/incident.js';
import { startLeaker } from './harness/leaker.js';
import { findingOf, oomKillsDuringCapture } from './harness/report.js';
import { sleep, waitUntil } from './harness/wait.js';

const MiB = 1024 * 1024;
const LIMIT_BYTES = 192 * MiB;
const LEAK_MIB_PER_S = 12;

let leakerPid = 0;
let memcg = '';

describeIncident('oom-disabled', 'scenario 3: an OOM killer that cannot act (oom_kill_disable)', {}, async (incident) => {
  const cg = incident.cgroup('nokill', LIMIT_BYTES, { oomKillDisable: true });
  memcg = cg.path;
  const recorder = await incident.record();
  await sleep(1000);
  const leaker = startLeaker(incident, 'memleak', cg, LEAK_MIB_PER_S);
  leakerPid = leaker.pid;
  await waitUntil('under_oom 1', () => cg.oomControl().under_oom === 1, 40_000);
  await recorder.moreSamples(3, 'while under_oom');
  expect(readFileSync(`/proc/${leaker.pid}/status`, 'utf8')).toMatch(/^State:\tD/m);
  expect(leaker.exitStatus()).toBeNull();
  // Bundled while it still hangs, so the static capture shows it in state D; the cleanup kills it.
  return incident.bundle(recorder);
}, (report) => {
  it('diagnoses oom-killer-neutered as critical with under_oom, failcnt and the stalled process', () => {
    const f = findingOf(report(), 'oom-killer-neutered');
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain(`Memory cgroup ${memcg} has oom_kill_disable set. It hit its limit at `);
    const failcnt = /under_oom 1, failcnt (\d+)\)/.exec(f.summary);
    expect(Number(failcnt?.[1]), f.summary).toBeGreaterThan(0);
    expect(f.summary).toContain(`pid ${leakerPid} is in state D. The kernel prints nothing to dmesg for this.`);
    expect(f.evidence).toContainEqual(expect.objectContaining({ source: `proc/${leakerPid}/status`, text: expect.stringMatching(/State: D/) }));
  });

  it('has no oom-kill during the capture: the kernel printed nothing', () => {
    expect(oomKillsDuringCapture(report())).toEqual([]);
  });
});
