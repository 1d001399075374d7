import { describe, expect, it } from 'vitest';
import { renderInspect } from '../../src/inspect/render-inspect.js';
import { emptyArtifacts } from '../../src/load/empty-artifacts.js';
import { parseManifest } from '../../src/load/manifest.js';
import { parseContext } from '../../src/model/diagnostic.js';
import type { OomKillEvent } from '../../src/model/kernel-events.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { BTIME, real, V1_MEMCG } from '../load/real-bundles.js';

const HOSTILE = 'evil\x1b]0;owned\x07\x1b[2J\x9b31m\u202Ename';

async function sampleTimeline() {
  const a = emptyArtifacts('collector', '/tmp/bundle.tar.zst');
  a.manifest = parseManifest(JSON.stringify({
    format: 'memtrail-bundle/1', collector: { version: '0.1.0' }, host: 'vm', kernel: '6.18.44-fc-v669', arch: 'x86_64',
    bootTime: BTIME, start: 1795704730, end: 1795704740, interval: 1,
    artifacts: [
      { path: 'proc/meminfo', exit: 0 },
      { path: 'proc/slabinfo', command: null, exit: 1, error: 'Permission denied' },
      { path: 'commands/sadf_-d', exit: null, timedOut: true, seconds: 10 },
      { path: 'commands/dmesg', exit: 0, truncated: true },
    ],
  })).data;
  a.index = [{ path: 'proc/meminfo', bytes: 1500 }, { path: 'commands/dmesg', bytes: 64 }];
  a.meminfo = [{ time: 1795704730, source: 'proc/meminfo', line: 1, data: parseMeminfo(await real('01_baseline/proc_meminfo.txt'), parseContext('proc/meminfo')).data }];
  a.procs = [{ time: 1795704731, source: 'series/procs', line: 2, data: [
    { pid: 11705, ppid: 11697, comm: 'python3', rssBytes: 66 * 1048576, swapBytes: 0, oomScoreAdj: 0 },
    { pid: 666, ppid: 1, comm: HOSTILE, rssBytes: 10 * 1048576, swapBytes: 0, oomScoreAdj: -1000 },
  ] }];
  const kill: OomKillEvent = {
    type: 'oom-kill', source: 'commands/dmesg', line: 61, uptime: 759.017599, wallTime: null, boot: 0,
    text: 'Memory cgroup out of memory: Killed process 11705 (python3)', pid: 11705, comm: 'python3', totalVmKb: 80000,
    anonRssKb: 64512, fileRssKb: 0, shmemRssKb: 0, uid: 0, pgtablesKb: 196, oomScoreAdj: 0, scope: 'memcg',
    constraint: 'CONSTRAINT_MEMCG', memcg: V1_MEMCG, taskMemcg: V1_MEMCG, reason: 'Memory cgroup out of memory', trigger: null,
  };
  a.kernelEvents = [kill, { ...kill, line: 90, pid: 667, comm: HOSTILE, memcg: `/x${HOSTILE}` }];
  a.kernelLogSources = ['commands/dmesg'];
  a.diagnostics = [{ source: 'series/procs', line: 9, severity: 'warning', message: `bad row ${HOSTILE}` }];
  return buildTimeline(a);
}

describe('renderInspect', () => {
  it('summarises host, span, samples, artifacts with reasons, OOM kills, consumers, meminfo, diagnostics', async () => {
    const out = renderInspect(await sampleTimeline(), { color: false, width: 200 });
    expect(out).toContain('6.18.44-fc-v669 (x86_64)');
    expect(out).toContain('2026-11-26T14:52:10.000Z → 2026-11-26T14:52:20.000Z (10 seconds)');
    expect(out).toMatch(/meminfo\s+1\s+proc\/meminfo/);
    expect(out).toMatch(/proc\/slabinfo\s+exit 1: Permission denied/);
    expect(out).toMatch(/commands\/sadf_-d\s+timed out after 10 s/);
    expect(out).toMatch(/commands\/dmesg\s+truncated/);
    expect(out).toContain('1 of 4 in the manifest captured cleanly');
    expect(out).toMatch(/2026-11-26T14:52:17\.017Z\s+pid 11705 python3\s+memcg\s+anon-rss 63 MiB\s+commands\/dmesg:61\s+memcg \/process_api\/6e9996ed54d563ba01ba5f263b123ea5\/realcap_v1_single_leaker$/m);
    expect(out).toMatch(/11705\s+66 MiB\s+0 B\s+0\s+python3/);
    expect(out).toMatch(/MemTotal\s+24 GiB/);
    expect(out).toContain('Diagnostics  1');
    expect(out).not.toContain('\x1b');
  });

  it('never lets escape sequences or control characters from the bundle through, with or without colour', async () => {
    for (const color of [false, true]) {
      const out = renderInspect(await sampleTimeline(), { color, width: 200 });
      expect(out).not.toMatch(/[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202e]/);
      expect(out).not.toContain('\x1b]');
      // The only escapes left are our own colour codes.
      expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
      expect(out).toContain('evilname');
    }
  });

  it('colours only when asked, and cuts lines to the width without breaking colour codes', async () => {
    const t = await sampleTimeline();
    expect(renderInspect(t, { color: true })).toContain('\x1b[1mmemtrail inspect\x1b[0m');
    expect(Math.max(...renderInspect(t, { color: false }).split('\n').map((l) => l.length))).toBeGreaterThan(140);
    const narrow = renderInspect(t, { color: true, width: 50 });
    for (const line of narrow.split('\n')) expect(line.replace(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(50);
    expect(narrow.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
  });

  it('says what is missing when the bundle holds nothing useful', () => {
    const out = renderInspect(buildTimeline(emptyArtifacts('directory', 'empty')), { color: false });
    expect(out).toContain('Span       unknown');
    expect(out).toContain('no manifest.json');
    expect(out).toContain('not found: meminfo, vmstat, slabinfo, buddyinfo, process table, kernel log');
    expect(out).toContain('no process table in the bundle');
    expect(out).toContain('0 OOM kill(s)');
  });
});
