import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../src/bundle/types.js';
import { renderInspect } from '../../src/inspect/render-inspect.js';
import { loadBundle } from '../../src/load/load-bundle.js';
import type { OomInvocationEvent, OomKillEvent } from '../../src/model/kernel-events.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import {
  BASELINE_START, baselineFiles, BTIME, DENTRY_STAGES, dentrySeries, makeBundle, manifest, oomV1CgroupSeries, oomV1DmesgSeries,
  oomV1Files, real, REAL, seriesFile, splitSamples, V1, V1_MEMCG,
} from './real-bundles.js';

const kills = (events: { type: string }[]) => events.filter((e): e is OomKillEvent => e.type === 'oom-kill');

describe('loadBundle on the real baseline capture at layout-v1 paths', () => {
  it('parses every artifact and stamps one-shot files with the manifest start', async () => {
    const dir = await makeBundle({ ...(await baselineFiles()), 'manifest.json': manifest({ bootTime: BTIME, start: BASELINE_START, end: BASELINE_START + 4.063 }) });
    const a = await loadBundle(dir);
    expect(a.manifest!.host).toBe('vm');
    expect(a.meminfo).toHaveLength(1);
    expect(a.meminfo[0]).toMatchObject({ time: BASELINE_START, source: 'proc/meminfo' });
    expect(a.meminfo[0]!.data['MemTotal']).toBe(24684084 * 1024);
    expect(a.vmstat[0]!.data['drop_slab']).toBe(2);
    expect(a.slabinfo[0]!.data.caches.find((c) => c.name === 'dentry')).toBeDefined();
    expect(a.buddyinfo[0]!.data.length).toBeGreaterThan(0);
    expect(a.pressure[0]!.data.some).not.toBeNull();
    expect(a.zoneinfo[0]!.data.length).toBeGreaterThan(0);
    expect(a.swaps.map((s) => s.data)).toEqual([[], []]);
    expect(a.procStatBootTime).toBe(BTIME);
    expect(a.sysctl['vm.overcommit_memory']).toBe('0');
    expect(a.thpEnabled!.selected).toBe('madvise');
    expect(a.thpDefrag!.selected).toBe('madvise');
    expect(a.df!.some((r) => r.mountpoint === '/')).toBe(true);
    expect(a.ipcsShm).toEqual([]);
    expect(a.ipcsShmPids).toEqual([]);
    expect(a.sysvShm).toEqual([]);
    expect(a.vmstatTable[0]!.data).toHaveLength(5);
    expect(a.procs[0]!.data.length).toBe(39);
    expect(a.kernelLogSources.sort()).toEqual(['commands/dmesg', 'commands/journalctl_-k']);
    expect(kills(a.kernelEvents).map((k) => [k.pid, k.comm])).toEqual([[7511, 'python3']]);
    expect(a.index.length).toBe(21);

    const t = buildTimeline(a);
    expect(t.info).toMatchObject({ bootTime: BTIME, bootTimeSource: 'manifest', start: BASELINE_START });
    const kill = kills(t.events)[0]!;
    expect(kill.time! - BTIME).toBeCloseTo(kill.uptime!, 6);
    expect(kill.uptime).toBeCloseTo(254.075, 2);
    expect(renderInspect(t, { color: false })).toMatch(/pid 7511 python3\s+memcg/);
  });
});

describe('loadBundle on the real memcg OOM (02_oom_memcg v1)', () => {
  it('puts the kill on the wall clock with proc/stat btime, and tracks the leaker across series records', async () => {
    const files = await oomV1Files();
    files['proc/stat'] = await real(`${V1}/proc_stat_btime.txt`);
    const a = await loadBundle(await makeBundle(files));
    const t = buildTimeline(a);
    expect(t.info).toMatchObject({ bootTime: BTIME, bootTimeSource: 'proc-stat', host: null });

    const invocation = t.events.find((e): e is OomInvocationEvent & { time: number | null } => e.type === 'oom-invocation')!;
    expect(invocation.uptime).toBe(759.017599);
    expect(invocation.time).toBeCloseTo(1795704737.017599, 6);
    const kill = kills(t.events)[0]!;
    expect(kill).toMatchObject({ pid: 11705, comm: 'python3', scope: 'memcg', memcg: V1_MEMCG, taskMemcg: V1_MEMCG });
    expect(kill.time).toBeCloseTo(1795704737.0176, 2);

    const statusRecords = splitSamples(await real(`${V1}/proc_pid_status.samples.txt`));
    expect(a.procs).toHaveLength(statusRecords.length);
    expect(a.smapsRollup).toHaveLength(statusRecords.length);
    const track = t.processes.find((p) => p.comm === 'python3')!;
    expect(track.pids).toEqual([11705]);
    expect(track.points.at(-1)!.rssBytes).toBeGreaterThan(60 * 1048576);
    expect(track.points[0]!.rssBytes).toBeLessThan(10 * 1048576);
    expect(t.info.start).toBe(statusRecords[0]![0]);

    expect(a.cgroups).toHaveLength(1);
    expect(a.cgroups[0]!.data).toMatchObject({ path: V1_MEMCG, version: 1, oomKills: 1, limitBytes: null });
    // No manifest: the one-shot cgroup files are dated by the newest series record.
    expect(a.cgroups[0]!.time).toBe(statusRecords.at(-1)![0]);
  });
});

describe('loadBundle on the record-mode series of the v1 OOM', () => {
  it('reads series/cgroup-memory records as one sample per cgroup and time', async () => {
    const { text, times } = await oomV1CgroupSeries();
    const a = await loadBundle(await makeBundle({ 'series/cgroup-memory': text }));
    expect(a.cgroups.map((s) => s.time)).toEqual(times);
    expect(a.cgroups.every((s) => s.data.path === V1_MEMCG && s.data.version === 1)).toBe(true);
    expect(a.cgroups[0]!.data.oomKills).toBe(0);
    expect(a.cgroups.at(-1)!.data).toMatchObject({ oomKills: 1, failcnt: 31981 });
    expect(a.diagnostics).toEqual([]);
  });

  it('takes series/dmesg record times as wall times, names real lines, and keeps one copy of an event also in commands/dmesg', async () => {
    // The collector stamps records with its own, finer boot epoch; 0.21 s after btime on this machine (README).
    const bootEpoch = BTIME + 0.21;
    const dir = await makeBundle({
      'manifest.json': manifest({ bootTime: BTIME, start: 1795704730, end: 1795704740 }),
      'series/dmesg': await oomV1DmesgSeries(bootEpoch),
      'commands/dmesg': await real(`${V1}/dmesg_oom_event.txt`),
    });
    const t = buildTimeline(await loadBundle(dir));
    const fromSeries = t.artifacts.kernelEvents.filter((e) => e.source === 'series/dmesg');
    const invocation = fromSeries.find((e) => e.type === 'oom-invocation')!;
    expect(invocation).toMatchObject({ line: 2, uptime: 759.017599 });
    expect(invocation.wallTime).toBeCloseTo(bootEpoch + 759.017599, 6);
    expect(fromSeries.find((e) => e.type === 'oom-kill')!.line % 2).toBe(0);
    expect(t.artifacts.kernelEvents.filter((e) => e.type === 'oom-kill')).toHaveLength(2);
    const killsOnTimeline = kills(t.events);
    expect(killsOnTimeline).toHaveLength(1);
    expect(killsOnTimeline[0]!.source).toBe('series/dmesg');
    expect(t.events.filter((e) => e.type === 'oom-invocation')).toHaveLength(1);
  });
});

describe('loadBundle on the real dentry-slab growth (03_dentry_slab) as series', () => {
  it('reads each stage as a record at its logged epoch and converts the drop_caches line', async () => {
    const dir = await makeBundle({
      'manifest.json': manifest({ bootTime: BTIME, start: 1795704828.7, end: 1795704839, interval: 2 }),
      'series/slabinfo': await dentrySeries('slabinfo'),
      'series/meminfo': await dentrySeries('meminfo'),
      'series/vmstat': await dentrySeries('vmstat'),
      'commands/dmesg': await real('03_dentry_slab/dmesg_new_lines_drop_caches.txt'),
    });
    const t = buildTimeline(await loadBundle(dir));
    const a = t.artifacts;
    expect(a.slabinfo.map((s) => s.time)).toEqual(DENTRY_STAGES.map(([, time]) => time));
    expect(a.slabinfo.map((s) => s.data.caches.find((c) => c.name === 'dentry')?.activeObjs)).toEqual([21553, 771519, 1521534, 1357]);
    expect(a.meminfo.map((s) => s.data['SReclaimable'])).toEqual([29956, 172728, 315676, 7204].map((kb) => kb * 1024));
    expect(t.rates.get('drop_slab')!.totalIncrease).toBe(1);
    const drop = t.events.find((e) => e.type === 'drop-caches')!;
    expect(drop.time).toBeCloseTo(BTIME + 859.721529, 6);
    expect(drop).toMatchObject({ source: 'commands/dmesg', line: 1 });
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('loadBundle edge cases', () => {
  it('reports out-of-order, duplicate and malformed series records with their lines, and keeps the good ones', async () => {
    const meminfo = await real('01_baseline/proc_meminfo.txt');
    const lines = meminfo.split('\n').length - 1;
    const text = 'stray line\n' + seriesFile([[1000, meminfo], [1010, meminfo], [1005, meminfo], [1010, meminfo]]) + '=== soon\nMemTotal: 1 kB\n';
    const a = await loadBundle(await makeBundle({ 'series/meminfo': text }));
    expect(a.meminfo.map((s) => s.time)).toEqual([1000, 1005, 1010]);
    expect(a.meminfo.map((s) => s.line)).toEqual([3, 3 + 2 * (lines + 1), 3 + (lines + 1)]);
    const messages = a.diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^1: 1 line\(s\) outside/),
      expect.stringMatching(/before the previous record/),
      expect.stringMatching(/duplicate record time 1010/),
      expect.stringMatching(/bad record separator "=== soon"/),
    ]));
  });

  it('a broken file costs only itself', async () => {
    const a = await loadBundle(await makeBundle({
      'proc/meminfo': await real('01_baseline/proc_meminfo.txt'),
      'proc/1234/oom_score_adj': 'abc\n',
      'proc/1234/cmdline': '/usr/bin/python3\0-u\0',
      'manifest.json': '{"host": 7, "bootTime": "yesterday", "start": 1795704623.669, "artifacts": "none"}',
      'series/vmstat': '=== 100\nthis is not vmstat\n',
    }));
    expect(a.meminfo).toHaveLength(1);
    expect(a.meminfo[0]!.time).toBe(1795704623.669);
    expect(a.processes).toMatchObject([{ pid: 1234, oomScoreAdj: null, cmdline: ['/usr/bin/python3', '-u'] }]);
    expect(a.manifest).toMatchObject({ host: null, bootTime: null, artifacts: [] });
    const sources = new Set(a.diagnostics.map((d) => d.source));
    for (const s of ['proc/1234/oom_score_adj', 'manifest.json', 'series/vmstat']) expect(sources).toContain(s);
  });

  it('every artifact absent: the manifest says why, and inspect lists it', async () => {
    const dir = await makeBundle({
      'manifest.json': manifest({ start: 1795704623, artifacts: [
        { path: 'proc/slabinfo', exit: 1, error: 'Permission denied' },
        { path: 'commands/dmesg', exit: 1, error: 'dmesg: read kernel buffer failed: Operation not permitted' },
        { path: 'commands/sadf_-d', exit: 127, error: 'sadf: not found' },
      ] }),
    });
    const t = buildTimeline(await loadBundle(dir));
    const out = renderInspect(t, { color: false });
    expect(out).toContain('0 of 3 in the manifest captured cleanly');
    expect(out).toMatch(/proc\/slabinfo\s+exit 1: Permission denied/);
    expect(out).toMatch(/commands\/sadf_-d\s+exit 127: sadf: not found/);
    expect(out).toContain('not found: meminfo, vmstat, slabinfo');
  });

  it('a hostile comm travels through the bundle intact but reaches the terminal sanitised', async () => {
    const hostile = 'x\x1b]0;owned\x07\x1b[2Jy z';
    const record = `PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ\n4242 1 ${hostile} 900000 0 -1000\n1 0 init 1000 0 0\n`;
    const a = await loadBundle(await makeBundle({ 'series/procs': seriesFile([[1795704700, record], [1795704710, record]]) }));
    expect(a.procs[0]!.data[0]).toMatchObject({ pid: 4242, comm: hostile, oomScoreAdj: -1000 });
    const out = renderInspect(buildTimeline(a), { color: true });
    expect(out).toMatch(/4242\s+879 MiB\s+0 B\s+-1000\s+xy z/);
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('UnreadableInputError when nothing usable is there', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'memtrail-empty-'));
    await mkdir(path.join(base, 'nothing'));
    await writeFile(path.join(base, 'nothing', 'notes.txt'), 'hello\n');
    await expect(loadBundle(path.join(base, 'nothing'))).rejects.toBeInstanceOf(UnreadableInputError);
    await expect(loadBundle(path.join(base, 'missing'))).rejects.toBeInstanceOf(UnreadableInputError);
  });

  it('a bare kernel log fills only kernel events; without a boot time they keep uptime only', async () => {
    const a = await loadBundle(path.join(REAL, '02_oom_memcg/dmesg_full_after_all_variants.txt'));
    expect(a.kind).toBe('kernel-log');
    expect(kills(a.kernelEvents).map((k) => k.pid)).toEqual([7511, 11705, 11791, 11900, 12094]);
    expect(a.meminfo).toEqual([]);
    const t = buildTimeline(a);
    expect(t.info.bootTime).toBeNull();
    expect(kills(t.events).every((k) => k.time === null && k.uptime !== null)).toBe(true);
  });

  it('an sosreport: proc/ paths as in a bundle, sos_commands mapped by command name', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'memtrail-sos-'));
    const root = path.join(base, 'sosreport-vm-2026-11-26-ukayzmp');
    const files: Record<string, string> = {
      'proc/meminfo': await real('01_baseline/proc_meminfo.txt'),
      'proc/stat': await real('01_baseline/proc_stat.txt'),
      'sos_commands/kernel/dmesg': await real('01_baseline/dmesg.txt'),
      'sos_commands/kernel/sysctl_-a': await real('01_baseline/sysctl_vm.txt'),
      'sos_commands/memory/free': 'total used free\n',
    };
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), content);
    }
    const a = await loadBundle(root);
    expect(a.kind).toBe('sosreport');
    expect(kills(a.kernelEvents).map((k) => k.pid)).toEqual([7511]);
    expect(a.sysctl['vm.swappiness']).toBeDefined();
    expect(a.index.map((e) => e.path)).toContain('sos_commands/memory/free');
    expect(buildTimeline(a).info.bootTimeSource).toBe('proc-stat');
  });
});
