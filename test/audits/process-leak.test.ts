import { describe, expect, it } from 'vitest';
import { processLeakAudit } from '../../src/audits/process-leak.js';
import { runAudits } from '../../src/audits/runner.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSmapsRollup } from '../../src/parsers/smaps-rollup.js';
import { splitSamples } from '../load/real-bundles.js';
import { makeTimeline, oomKill, parsed, real, sample, trackFromStatusSamples } from './make-timeline.js';

const V1 = '02_oom_memcg/v1_single_leaker';
const v1Kill = oomKill({
  source: `${V1}/dmesg_oom_event.txt`, line: 84, uptime: 759.018333, pid: 11705, comm: 'python3', anonRssKb: 64512, scope: 'memcg',
  memcg: '/process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v1_single_leaker', text: 'Memory cgroup out of memory: Killed process 11705 (python3)',
});
// MemAvailable of the machine at the baseline: 24436292 kB.
const meminfo = [sample('01_baseline/proc_meminfo.txt', 1795704623.669, parsed(parseMeminfo, '01_baseline/proc_meminfo.txt'))];

function run(fill: Parameters<typeof makeTimeline>[0]) {
  const { findings, audits } = runAudits(makeTimeline(fill), [processLeakAudit]);
  return { finding: findings[0], audit: audits[0]! };
}

describe('process-leak', () => {
  it('names the real v1 leaker with its slope, fit and growth, critical once it was OOM-killed', () => {
    const { finding } = run({ processes: [trackFromStatusSamples(`${V1}/proc_pid_status.samples.txt`)], events: [v1Kill], artifacts: { meminfo } });
    expect(finding!.severity).toBe('critical');
    expect(finding!.title).toMatch(/^python3 \(pid 11705\) is leaking \d+ MiB\/h$/);
    expect(finding!.summary).toContain('grew from 8.0 MiB to 63 MiB');
    expect(finding!.summary).toContain('The OOM killer killed pid 11705');
    expect(finding!.summary).toMatch(/r² 0\.9\d over 14 samples/);
    expect(finding!.evidence[0]).toMatchObject({ time: '2026-11-26T14:52:10.373Z', text: 'python3 pid 11705: RSS 8.0 MiB, swap 0 B' });
    const dropIn = finding!.remediation[0]!;
    // Peak 64940 kB + 25% = 79 MiB, rounded up to 128M; the leak reaches it within the hour, so the floor of 1 h applies.
    expect(dropIn.file!.content).toBe('[Service]\nMemoryMax=128M\nOOMPolicy=kill\nRuntimeMaxSec=3600\nRestart=always\nRestartSec=5\n');
    expect(dropIn.text).toContain('guess from the command');
    expect(finding!.remediation[1]!.command).toBe("grep -A 6 '\\[heap\\]' /proc/11705/smaps");
    expect(finding!.details![0]!.rows[0]).toMatchObject({ comm: 'python3', pid: 11705, peak: 64940 * 1024, n: 14 });
  });

  it('does not make a few seconds of growth critical by projecting it hours ahead', () => {
    const start = trackFromStatusSamples(`${V1}/proc_pid_status.samples.txt`);
    start.points = start.points.slice(0, 6);
    const { finding } = run({ processes: [start], artifacts: { meminfo } });
    expect(finding!.severity).toBe('warning');
    expect(finding!.summary).toMatch(/in 3 seconds, \d+ MiB\/h with r² 0\.9\d over 6 samples\. At this rate it would use up the 23 GiB still available in \d+ minutes/);
  });

  it('stays silent for a flat process and says what is missing without samples', () => {
    const flat = trackFromStatusSamples(`${V1}/proc_pid_status.samples.txt`);
    flat.points = flat.points.slice(0, 2).concat(flat.points.slice(0, 2).map((p) => ({ ...p, time: p.time + 10 })));
    expect(run({ processes: [flat] })).toMatchObject({ finding: undefined, audit: { status: 'pass' } });
    expect(run({}).audit).toMatchObject({ status: 'not-enough-data', reason: 'needs per-process samples over time (series/procs or series/smaps_rollup)' });
  });

  it('reports a growing Private_Dirty from the real smaps_rollup samples', () => {
    const rel = `${V1}/proc_pid_smaps_rollup.samples.txt`;
    const smapsRollup = splitSamples(real(rel)).map(([time, text]) =>
      sample(rel, time, [{ pid: 11705, comm: 'python3', rollup: parseSmapsRollup(text, parseContext(rel)).data }]));
    const { finding } = run({ artifacts: { smapsRollup } });
    expect(finding!.severity).toBe('warning');
    expect(finding!.summary).toMatch(/^python3 \(pid 11705\) Private_Dirty grew from 2\.8 MiB to 60 MiB at \d+ MiB\/h/);
    expect(finding!.evidence[1]).toMatchObject({ source: rel, time: '2026-11-26T14:52:16.874Z' });
  });
});
