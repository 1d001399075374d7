import { describe, expect, it } from 'vitest';
import { processGrowth } from '../../src/computed/process-growth.js';
import { AUDITS } from '../../src/audits/index.js';
import { runAudits } from '../../src/audits/runner.js';
import type { Audit } from '../../src/audits/types.js';
import { CROSS_CUTTING_IDS, ROOT_CAUSE_IDS } from '../../src/model/report.js';
import { baselineTimeline, makeTimeline, trackFromStatusSamples } from './make-timeline.js';

const leakTrack = () => trackFromStatusSamples('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt');

describe('runAudits', () => {
  it('runs every fixed id once, root causes first', () => {
    expect(AUDITS.map((a) => a.id)).toEqual([...ROOT_CAUSE_IDS, ...CROSS_CUTTING_IDS]);
  });

  it('gives not-enough-data with every missing input named, for an empty bundle', () => {
    const { findings, audits } = runAudits(makeTimeline());
    expect(findings).toEqual([]);
    expect(audits.every((a) => a.status === 'not-enough-data')).toBe(true);
    expect(audits.find((a) => a.id === 'tmpfs-shm')!.reason).toBe('needs df -kPT or /proc/mounts or ipcs -m or /proc/sysvipc/shm');
  });

  it('turns a thrown exception into an error summary and keeps running the others', () => {
    const boom: Audit = { id: 'slab-growth', title: 'boom', requires: ['meminfo'], run: () => { throw new Error('bad slab data'); } };
    const { audits, findings } = runAudits(baselineTimeline(), [boom, ...AUDITS.filter((a) => a.id === 'oom-events')]);
    expect(audits[0]).toEqual({ id: 'slab-growth', title: 'boom', status: 'error', reason: 'bad slab data' });
    expect(audits[1]!.status).toBe('pass'); // the old memcg kill is info
    expect(findings.map((f) => f.id)).toEqual(['oom-events']);
  });

  it('rejects a finding filed under another audit\'s id', () => {
    const liar: Audit = { id: 'fragmentation', title: 'liar', requires: [], run: () => ({ id: 'slab-growth', severity: 'info', title: '', summary: '', evidence: [], remediation: [] }) };
    expect(runAudits(makeTimeline(), [liar]).audits[0]!.status).toBe('error');
  });

  it('computes shared data once per run, in the run\'s own cache', () => {
    const t = makeTimeline({ processes: [leakTrack()] });
    const seen: unknown[] = [];
    const spy = (name: Audit['id']): Audit => ({ id: name, title: name, requires: [], run: (ctx) => { seen.push(ctx.computed.get(processGrowth)); return null; } });
    runAudits(t, [spy('process-leak'), spy('oom-events')]);
    expect(seen[0]).toBe(seen[1]);
    runAudits(t, [spy('process-leak')]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});
