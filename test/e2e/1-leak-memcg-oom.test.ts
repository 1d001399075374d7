/**
 * Scenario 1: a process leaks at a known rate inside a memory cgroup with a small limit until the
 * kernel kills it. The report must name the kill (pid, comm, memcg, scope), find the leak at about
 * the true rate, and say the victim was the leaker.
 */
import { expect, it } from 'vitest';
import { describeIncident } from './harness/incident.js';
import { startLeaker } from './harness/leaker.js';
import { findingOf, oomKillOf, oomKillsDuringCapture, tableOf } from './harness/report.js';
import { sleep } from './harness/wait.js';

const MiB = 1024 * 1024;
const LIMIT_BYTES = 128 * MiB;
const LEAK_MIB_PER_S = 8;
/** The fit sees RSS at 1 s samples, including the interpreter's start and reclaim near the limit. */
const RATE_TOLERANCE = 0.15;

let leakerPid = 0;
let memcg = '';

describeIncident('memcg-oom', 'scenario 1: a leak into a memory-cgroup OOM kill', {}, async (incident) => {
  const cg = incident.cgroup('leak', LIMIT_BYTES);
  memcg = cg.path;
  const recorder = await incident.record();
  await sleep(1500);
  const leaker = startLeaker(incident, 'memleak', cg, LEAK_MIB_PER_S);
  leakerPid = leaker.pid;
  const exit = await Promise.race([leaker.exited, sleep(40_000).then(() => null)]);
  if (exit?.signal !== 'SIGKILL') throw new Error(`the leaker was not OOM-killed within 40 s (exit ${JSON.stringify(exit)}): ${leaker.output().slice(-300)}`);
  expect(cg.oomControl().oom_kill).toBe(1);
  await sleep(1500);
  return incident.bundle(recorder);
}, (report) => {
  it('logs the oom-kill of the leaker with its pid, comm, memory cgroup and memcg scope', () => {
    expect(oomKillsDuringCapture(report()).map((e) => e.pid)).toEqual([leakerPid]);
    expect(oomKillOf(report(), leakerPid)).toMatchObject({ comm: 'memleak', scope: 'memcg', memcg, taskMemcg: memcg, constraint: 'CONSTRAINT_MEMCG' });
  });

  it('finds the leak in that process at about its true rate, critical because it was OOM-killed', () => {
    const leak = findingOf(report(), 'process-leak');
    expect(leak.severity).toBe('critical');
    const row = tableOf(leak, 'Growing processes').rows.find((r) => r.pid === leakerPid);
    expect(row, JSON.stringify(tableOf(leak, 'Growing processes').rows)).toMatchObject({ comm: 'memleak' });
    const trueMiBPerHour = LEAK_MIB_PER_S * 3600;
    expect(Math.abs(Number(row!.slope) - trueMiBPerHour) / trueMiBPerHour, `slope ${row!.slope} MiB/h vs ${trueMiBPerHour}`).toBeLessThan(RATE_TOLERANCE);
    expect(leak.summary).toContain(`memleak (pid ${leakerPid}) grew from`);
    expect(leak.summary).toContain(`The OOM killer killed pid ${leakerPid} (memleak).`);
  });

  it('says the OOM killer hit the leaker', () => {
    const oom = findingOf(report(), 'oom-events');
    expect(oom.severity).toBe('warning');
    expect(oom.summary).toContain(`The killer hit the leaker: memleak (pid ${leakerPid}) was the process that grew.`);
    const row = tableOf(oom, 'OOM kills').rows.find((r) => r.pid === leakerPid);
    expect(row).toMatchObject({ scope: 'memcg', memcg, victim: 'memleak', aim: 'leaker' });
  });
});
