import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../../src/model/diagnostic.js';
import type { KernelEvent } from '../../../src/model/kernel-events.js';
import { parseKernelLog } from '../../../src/parsers/kernel-log/index.js';

/** Hand-made fixtures in the exact shapes of the formats reference (see fixtures/README.md). */
function parseFixture(name: string): { events: KernelEvent[]; diagnostics: unknown[] } {
  const text = readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
  const { data, diagnostics } = parseKernelLog(text, parseContext(`var/log/${name}`), { yearHint: 2025 });
  return { events: data.events, diagnostics: diagnostics.filter((d) => d.severity !== 'info') };
}

const PAGE = 4096;

describe('OOM reports of older kernels (hand-made, reference shapes)', () => {
  it('≤5.0 global OOM: selection line + bare Killed line of a sacrificed child, nr_ptes table, Free swap', () => {
    const { events, diagnostics } = parseFixture('oom-4.9-global-sacrifice-child.dmesg.txt');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['oom-invocation', 'oom-kill', 'oom-reaper']);
    expect(events[0]).toMatchObject({
      comm: 'java', pid: 2112, gfpMask: '0x24201ca', gfpFlags: ['GFP_HIGHUSER_MOVABLE', '__GFP_COLD'], order: 0, oomScoreAdj: 0,
      freeSwapKb: 0, memcgUsageKb: null,
    });
    const tasks = events[0]?.type === 'oom-invocation' ? events[0].tasks : [];
    expect(tasks.map((t) => [t.pid, t.uid, t.totalVmPages, t.rssPages, t.pgtablesBytes, t.swapents, t.oomScoreAdj, t.name])).toEqual([
      [412, 0, 13863, 112, (29 + 3) * PAGE, 0, 0, 'systemd-journal'],
      [2101, 1000, 2961456, 1911400, (3840 + 14) * PAGE, 0, 0, 'java'],
      [2190, 1000, 4011, 120, (13 + 3) * PAGE, 0, 300, 'Web Content'],
    ]);
    expect(events[1]).toMatchObject({
      type: 'oom-kill', pid: 2190, comm: 'Web Content', totalVmKb: 16044, anonRssKb: 480, fileRssKb: 0, shmemRssKb: 0,
      reason: 'Out of memory', scope: 'global', constraint: null, memcg: null, taskMemcg: null, pgtablesKb: null,
      uid: 1000, oomScoreAdj: 300, trigger: { comm: 'java', pid: 2112, order: 0, gfpMask: '0x24201ca' },
    });
    expect(events[2]).toMatchObject({ type: 'oom-reaper', pid: 2190, comm: 'Web Content', reaped: true });
  });

  it('4.19 memcg OOM: `Task in … limit of …` gives both memcgs; syslog wall time + uptime', () => {
    const { events, diagnostics } = parseFixture('oom-4.19-memcg-task-in.kern.log');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['oom-invocation', 'oom-kill', 'oom-reaper']);
    expect(events[0]).toMatchObject({ pid: 4242, memcgUsageKb: 524288, memcgLimitKb: 524288, memcgFailcnt: 1024, gfpFlags: ['GFP_KERNEL'] });
    expect(events[1]).toMatchObject({
      pid: 4242, comm: 'stress', scope: 'memcg', memcg: '/kubepods/burstable/pod7f1c', taskMemcg: '/kubepods/burstable/pod7f1c/3f2a',
      reason: 'Memory cgroup out of memory', oomScoreAdj: 999, uid: 0, uptime: 1233.9117, wallTime: Date.UTC(2025, 11, 17, 13, 31, 7) / 1000,
    });
  });

  it('RHEL6: `Killed process N, UID N, (comm)`, `Pid: N, comm:` trigger, `cpu oom_adj` table', () => {
    const { events, diagnostics } = parseFixture('oom-rhel6.messages');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['oom-invocation', 'oom-kill']);
    expect(events[0]).toMatchObject({ comm: 'mysqld', pid: 2841, gfpMask: '0x201da', gfpFlags: [], oomScoreAdj: 0, freeSwapKb: 0 });
    const tasks = events[0]?.type === 'oom-invocation' ? events[0].tasks : [];
    expect(tasks).toEqual([
      { pid: 512, uid: 0, tgid: 512, totalVmPages: 2726, rssPages: 128, rssAnonPages: null, rssFilePages: null, rssShmemPages: null, pgtablesBytes: null, swapents: null, oomScoreAdj: -1000, name: 'udevd' },
      { pid: 2790, uid: 27, tgid: 2790, totalVmPages: 1241003, rssPages: 958321, rssAnonPages: null, rssFilePages: null, rssShmemPages: null, pgtablesBytes: null, swapents: null, oomScoreAdj: 0, name: 'mysqld' },
    ]);
    expect(events[1]).toMatchObject({
      pid: 2790, comm: 'mysqld', uid: 27, totalVmKb: 4964012, anonRssKb: 3833284, fileRssKb: 0, shmemRssKb: null,
      reason: 'Out of memory', scope: 'global', uptime: null, wallTime: Date.UTC(2025, 2, 3, 4, 12, 1) / 1000,
    });
  });
});

describe('page allocation, SLUB, hung task and one-line events (hand-made, reference shapes)', () => {
  it('page allocation failures 2.6, 4.x and 5.x+: comm, pid, order, mode and flag names, cpuset', () => {
    const { events, diagnostics } = parseFixture('alloc-failure.dmesg.txt');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => (e.type === 'alloc-failure' ? [e.line, e.comm, e.pid, e.order, e.mode, e.modeFlags, e.cpuset] : e.type))).toEqual([
      [2, 'kworker/u16:2', 311, 4, '0x14000c0', ['GFP_KERNEL'], '/'],
      [7, 'java', 5120, 2, '0x40cc0', ['GFP_KERNEL', '__GFP_COMP'], 'docker-3f2a'],
      [9, 'swapper/0', 0, 0, '0xa20', ['GFP_ATOMIC'], '/'],
      [13, 'httpd', null, 1, '0x20', [], null],
    ]);
  });

  it('SLUB/SLAB failures find their cache line past another CPU; hung tasks 5.x/6.x; soft lockup, network, panic', () => {
    const { events, diagnostics } = parseFixture('slub-hung-misc.journal.txt');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => [e.type, e.line])).toEqual([
      ['slub-alloc-failure', 1], ['slub-alloc-failure', 5], ['hung-task', 7], ['hung-task', 11], ['soft-lockup', 14],
      ['network-memory', 15], ['network-memory', 16], ['network-memory', 17], ['oom-panic', 18],
    ]);
    expect(events[0]).toMatchObject({ cache: 'kmalloc-256', gfp: '0xa20', wallTime: Date.UTC(2025, 0, 5, 15, 19, 27, 101) / 1000 });
    expect(events[1]).toMatchObject({ cache: 'size-4096', gfp: '0x20' });
    expect(events[2]).toMatchObject({ comm: 'jbd2/sda1-8', pid: 312, blockedSeconds: 120 });
    expect(events[3]).toMatchObject({ comm: 'Web Content', pid: 4242, blockedSeconds: 241 });
  });
});
