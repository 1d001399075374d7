/**
 * Scenario 2: a leaker (oom_score_adj 0) and a bystander (raised to +1000, which needs no
 * CAP_SYS_RESOURCE) share a limited cgroup. The kernel kills the bystander; the leaker stops
 * growing below the limit and survives. The report must say the killer hit a bystander.
 */
import { expect, it } from 'vitest';
import { describeIncident } from './harness/incident.js';
import { startLeaker } from './harness/leaker.js';
import { findingOf, oomKillOf, oomKillsDuringCapture, tableOf } from './harness/report.js';
import { sleep } from './harness/wait.js';

const MiB = 1024 * 1024;
const LIMIT_BYTES = 160 * MiB;
const LEAK_MIB_PER_S = 8;
/** With the bystander's 48 MiB the cgroup fills at about 90 MiB leaked; alone, 120 MiB fits. */
const BYSTANDER_MIB = 48;
const LEAKER_HOLDS_AT_MIB = 120;

let leakerPid = 0;
let bystanderPid = 0;
let memcg = '';

describeIncident('bystander', 'scenario 2: the OOM killer hits a bystander', {}, async (incident) => {
  const cg = incident.cgroup('bystander', LIMIT_BYTES);
  memcg = cg.path;
  const recorder = await incident.record();
  const bystander = startLeaker(incident, 'bystander', cg, 0, { initialMiB: BYSTANDER_MIB, oomScoreAdj: 1000 });
  bystanderPid = bystander.pid;
  await bystander.waitForOutput(/^ready/m, 10_000);
  await sleep(1000);
  const leaker = startLeaker(incident, 'memleak', cg, LEAK_MIB_PER_S, { holdAtMiB: LEAKER_HOLDS_AT_MIB });
  leakerPid = leaker.pid;
  await leaker.waitForOutput(/^holding/m, 40_000);
  const bystanderExit = await Promise.race([bystander.exited, sleep(2000).then(() => null)]);
  if (bystanderExit?.signal !== 'SIGKILL') throw new Error(`the bystander was not killed: ${JSON.stringify(bystanderExit)}`);
  expect(leaker.exitStatus()).toBeNull();
  expect(cg.oomControl().oom_kill).toBe(1);
  // Samples of the surviving leaker after the kill.
  await sleep(2500);
  return incident.bundle(recorder);
}, (report) => {
  it('logs one memcg oom-kill: the bystander at oom_score_adj 1000, not the leaker', () => {
    expect(oomKillOf(report(), bystanderPid)).toMatchObject({ comm: 'bystander', scope: 'memcg', memcg, oomScoreAdj: 1000 });
    expect(oomKillsDuringCapture(report()).map((e) => e.pid)).toEqual([bystanderPid]);
  });

  it('says the killer hit a bystander while the leaker survived', () => {
    const oom = findingOf(report(), 'oom-events');
    expect(oom.summary).toMatch(new RegExp(`The killer hit a bystander: bystander \\(pid ${bystanderPid}\\) died while the leaker memleak \\(pid ${leakerPid}, \\d+ MiB/h\\) survived and kept growing\\.`));
    expect(tableOf(oom, 'OOM kills').rows.find((r) => r.pid === bystanderPid)).toMatchObject({ victim: 'bystander', aim: 'bystander', adj: 1000 });
  });

  it('names the leaker, alive, and the bystander as not leaking', () => {
    const rows = tableOf(findingOf(report(), 'process-leak'), 'Growing processes').rows;
    expect(rows.find((r) => r.pid === leakerPid)).toMatchObject({ comm: 'memleak' });
    expect(rows.find((r) => r.pid === bystanderPid)).toBeUndefined();
  });

  it('points at vm.oom_kill_allocating_task=0 as why the wrong process died', () => {
    const neutered = findingOf(report(), 'oom-killer-neutered');
    expect(neutered.summary).toContain(`vm.oom_kill_allocating_task is 0 and a kill hit a bystander. The killer hit a bystander: bystander (pid ${bystanderPid})`);
  });
});
