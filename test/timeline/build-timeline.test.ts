import { describe, expect, it } from 'vitest';
import { emptyArtifacts } from '../../src/load/empty-artifacts.js';
import { parseManifest } from '../../src/load/manifest.js';
import type { Artifacts, Sample } from '../../src/model/artifacts.js';
import { parseContext } from '../../src/model/diagnostic.js';
import type { KernelEvent, OomKillEvent } from '../../src/model/kernel-events.js';
import type { ProcRow, VmstatCounters } from '../../src/model/sources.js';
import { parseVmstat } from '../../src/parsers/vmstat.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { BTIME, DENTRY_STAGES, real } from '../load/real-bundles.js';

async function dentryVmstat(stage: string, time: number, line: number): Promise<Sample<VmstatCounters>> {
  const text = await real(`03_dentry_slab/snapshots/${stage}_proc_vmstat.txt`);
  return { time, source: 'series/vmstat', line, data: parseVmstat(text, parseContext('series/vmstat', line)).data };
}

function oomKill(fields: Partial<OomKillEvent>): OomKillEvent {
  return {
    type: 'oom-kill', source: 'commands/dmesg', line: 1, uptime: null, wallTime: null, boot: 0, text: 'Memory cgroup out of memory: Killed process',
    pid: 1, comm: 'x', totalVmKb: null, anonRssKb: null, fileRssKb: null, shmemRssKb: null, uid: null, pgtablesKb: null, oomScoreAdj: null,
    scope: 'memcg', constraint: 'CONSTRAINT_MEMCG', memcg: null, taskMemcg: null, reason: null, trigger: null, ...fields,
  };
}

function withManifest(a: Artifacts, fields: Record<string, unknown>): Artifacts {
  a.manifest = parseManifest(JSON.stringify({ format: 'memtrail-bundle/1', ...fields })).data;
  return a;
}

const row = (pid: number, comm: string, rssMiB: number): ProcRow => ({ pid, ppid: 1, comm, rssBytes: rssMiB * 1048576, swapBytes: 0, oomScoreAdj: 0 });

describe('rates from the real dentry-slab vmstat snapshots', () => {
  it('turns drop_slab 2 → 3 into one increase over the 6.748 s before the last stage, never negative', async () => {
    const a = emptyArtifacts('directory', 'test');
    a.vmstat = await Promise.all(DENTRY_STAGES.map(([stage, time], i) => dentryVmstat(stage, time, 1 + i * 200)));
    const t = buildTimeline(a);
    const dropSlab = t.rates.get('drop_slab')!;
    expect(dropSlab.totalIncrease).toBe(1);
    expect(dropSlab.times).toEqual(DENTRY_STAGES.slice(1).map(([, time]) => time));
    expect(dropSlab.perSecond[2]).toBeCloseTo(1 / (1795704838.95 - 1795704832.202), 9);
    expect(t.rates.get('allocstall')).toBeDefined();
    expect(t.rates.get('allocstall_normal')).toBeDefined();
    for (const series of t.rates.values()) expect(Math.min(...series.perSecond)).toBeGreaterThanOrEqual(0);
    expect(t.events.filter((e) => e.type === 'counter-reset')).toEqual([]);
  });

  it('cuts a counter reset mid-recording (counters go down) and marks it, without a negative rate', async () => {
    const a = emptyArtifacts('directory', 'test');
    a.vmstat = [
      await dentryVmstat('3_after', 1000, 2),
      await dentryVmstat('1_before', 1010, 200),
      await dentryVmstat('2_midway', 1020, 400),
    ];
    const t = buildTimeline(a);
    const resets = t.events.filter((e) => e.type === 'counter-reset');
    expect(resets).toMatchObject([{ time: 1010, source: 'series/vmstat', line: 200 }]);
    expect(resets[0]!.text).toMatch(/went down/);
    for (const series of t.rates.values()) {
      expect(series.times).not.toContain(1010);
      expect(Math.min(...series.perSecond)).toBeGreaterThanOrEqual(0);
    }
    expect(t.rates.get('pgmajfault')!.times).toEqual([1020]);
  });
});

describe('kernel events on the wall clock', () => {
  it('converts the v1 OOM kill uptime with the manifest boot time', () => {
    const a = withManifest(emptyArtifacts('collector', 'test'), { bootTime: BTIME });
    a.kernelEvents = [oomKill({ uptime: 759.017599, pid: 11705, comm: 'python3' })];
    const t = buildTimeline(a);
    expect(t.info.bootTimeSource).toBe('manifest');
    expect(t.events[0]!.time).toBeCloseTo(1795704737.017599, 6);
  });

  it('falls back to proc/stat btime, then to the kernel log itself, then to null', () => {
    const a = emptyArtifacts('directory', 'test');
    a.procStatBootTime = BTIME;
    expect(buildTimeline(a).info).toMatchObject({ bootTime: BTIME, bootTimeSource: 'proc-stat' });
    const b = emptyArtifacts('kernel-log', 'kern.log');
    b.kernelEvents = [oomKill({ source: 'kern.log', uptime: 100, wallTime: 1795704078.5 }), oomKill({ source: 'kern.log', uptime: 50 })];
    const fromLog = buildTimeline(b);
    expect(fromLog.info).toMatchObject({ bootTime: 1795703978.5, bootTimeSource: 'kernel-log' });
    expect(fromLog.events.map((e) => e.time)).toEqual([1795704028.5, 1795704078.5]);
    const c = emptyArtifacts('kernel-log', 'dmesg');
    c.kernelEvents = [oomKill({ uptime: 50 })];
    expect(buildTimeline(c).info.bootTime).toBeNull();
    expect(buildTimeline(c).events[0]!.time).toBeNull();
  });

  it('converts only the current boot: earlier boot indexes and previous-boot journals keep their own wall time or null', () => {
    const a = withManifest(emptyArtifacts('collector', 'test'), { bootTime: BTIME });
    const events: KernelEvent[] = [
      oomKill({ source: 'commands/dmesg', line: 5, boot: 0, uptime: 10 }),
      oomKill({ source: 'commands/dmesg', line: 90, boot: 1, uptime: 20 }),
      oomKill({ source: 'commands/journalctl_-k_-b_-1', line: 3, boot: 0, uptime: 30 }),
      oomKill({ source: 'commands/journalctl_-k_-b_-1', line: 7, boot: 0, uptime: 40, wallTime: 1795000000 }),
    ];
    a.kernelEvents = events;
    const t = buildTimeline(a);
    expect(t.events.filter((e) => e.type === 'oom-kill').map((e) => [e.source, e.line, e.time])).toEqual([
      ['commands/journalctl_-k_-b_-1', 7, 1795000000],
      ['commands/dmesg', 90, BTIME + 20],
      ['commands/dmesg', 5, null],
      ['commands/journalctl_-k_-b_-1', 3, null],
    ]);
    // Earlier boots beside a known boot time: the reboot that started this boot (src/timeline/reboots.ts).
    expect(t.events.filter((e) => e.type === 'reboot').map((e) => e.time)).toEqual([BTIME]);
  });
});

describe('process tracks', () => {
  const procs = (rows: ProcRow[][], times = rows.map((_, i) => 100 + i * 10)): Sample<ProcRow[]>[] =>
    rows.map((data, i) => ({ time: times[i]!, source: 'series/procs', line: 1 + i * 10, data }));

  it('sees a restart: the big pid goes, a new pid of the same comm starts small', () => {
    const a = emptyArtifacts('collector', 'test');
    a.procs = procs([[row(500, 'java', 900), row(1, 'init', 10)], [row(500, 'java', 1000)], [row(777, 'java', 80)], [row(777, 'java', 120)]]);
    const t = buildTimeline(a);
    const java = t.processes.find((p) => p.comm === 'java')!;
    expect(java.pids).toEqual([500, 777]);
    expect(java.restarts).toEqual([{ time: 120, fromPid: 500, toPid: 777, rssBeforeBytes: 1000 * 1048576, rssAfterBytes: 80 * 1048576 }]);
    expect(t.events.filter((e) => e.type === 'process-restart')).toMatchObject([{ time: 120, source: 'series/procs', line: 21 }]);
  });

  it('invents no restart for a command that runs several processes at once', () => {
    const a = emptyArtifacts('collector', 'test');
    a.procs = procs([[row(10, 'node', 230), row(11, 'node', 200)], [row(11, 'node', 200), row(12, 'node', 40)]]);
    const node = buildTimeline(a).processes.find((p) => p.comm === 'node')!;
    expect(node.pids).toEqual([10, 11, 12]);
    expect(node.restarts).toEqual([]);
  });

  it('keeps a reused pid out of the old command track and does not call it a restart', () => {
    const a = emptyArtifacts('collector', 'test');
    a.procs = procs([[row(4242, 'leaker', 500)], [row(4242, 'bash', 4)], [row(4242, 'bash', 4)]]);
    const t = buildTimeline(a);
    expect(t.processes.find((p) => p.comm === 'leaker')!.points.map((pt) => pt.time)).toEqual([100]);
    expect(t.processes.find((p) => p.comm === 'bash')!.points).toHaveLength(2);
    expect(t.events.filter((e) => e.type === 'process-restart')).toEqual([]);
  });

  it('does not call a pid that only dropped out of one sample restarted', () => {
    const a = emptyArtifacts('collector', 'test');
    a.procs = procs([[row(10, 'sh', 50)], [row(11, 'sh', 1)], [row(10, 'sh', 50), row(11, 'sh', 1)]]);
    expect(buildTimeline(a).processes[0]!.restarts).toEqual([]);
  });

  it('marks a sampling gap over three intervals', () => {
    const a = withManifest(emptyArtifacts('collector', 'test'), { interval: 10 });
    a.procs = procs([[row(1, 'a', 1)], [row(1, 'a', 1)], [row(1, 'a', 1)], [row(1, 'a', 1)]], [100, 110, 160, 170]);
    const gaps = buildTimeline(a).events.filter((e) => e.type === 'sample-gap');
    expect(gaps).toMatchObject([{ time: 110, line: 21 }]);
    expect(gaps[0]!.text).toContain('50 s');
  });
});

describe('bundle info', () => {
  it('derives span and interval from the samples when there is no manifest, ignoring unknown capture times', () => {
    const a = emptyArtifacts('directory', 'test');
    a.meminfo = [0, 200, 205, 210].map((time, i) => ({ time, source: i === 0 ? 'proc/meminfo' : 'series/meminfo', line: 1, data: {} }));
    expect(buildTimeline(a).info).toMatchObject({ start: 200, end: 210, intervalS: 5, host: null, pageSizeBytes: 4096 });
  });

  it('every artifact missing: an empty timeline, not a crash', () => {
    const t = buildTimeline(emptyArtifacts('directory', 'empty'));
    expect(t.info).toMatchObject({ start: null, end: null, bootTime: null, intervalS: null });
    expect(t.events).toEqual([]);
    expect(t.rates.size).toBe(0);
  });
});
