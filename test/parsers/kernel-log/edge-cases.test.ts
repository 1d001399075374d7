import { describe, expect, it } from 'vitest';
import type { KernelEvent, OomKillEvent } from '../../../src/model/kernel-events.js';
import { parseKernelLog } from '../../../src/parsers/kernel-log/index.js';
import { ctx, readDmesgLines, realDmesg } from './envelope-wrap.js';

const V3 = realDmesg('02_oom_memcg/v3_two_procs_sleep_and_leaker/dmesg_oom_event.txt');
const V3_LINES = V3.split('\n').filter((line) => line !== '');
const V3_SUMMARY = V3_LINES.find((line) => line.includes('oom-kill:constraint=')) ?? '';
const V3_KILLED = V3_LINES.find((line) => line.includes('Killed process')) ?? '';

const events = (lines: string[]): KernelEvent[] => parseKernelLog(`${lines.join('\n')}\n`, ctx()).data.events;
const kills = (list: KernelEvent[]): OomKillEvent[] => list.filter((e): e is OomKillEvent => e.type === 'oom-kill');

describe('the issue\'s edge cases', () => {
  it('a kill whose header was rate-limited away is still a kill, with no trigger', () => {
    const list = events(['[  824.100000] oom_kill_process: 3 callbacks suppressed', V3_KILLED]);
    expect(list.map((e) => e.type)).toEqual(['oom-kill']);
    expect(kills(list)[0]).toMatchObject({ pid: 12094, trigger: null, scope: 'memcg', reason: 'Memory cgroup out of memory', constraint: null, memcg: null, uid: 0 });
  });

  it('memory.oom.group: the victim logged twice is one kill; other members inherit the report', () => {
    const list = events([
      ...V3_LINES,
      '[  824.182710] Tasks in /process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v3_two_procs_sleep_and_leaker are going to be killed due to memory.oom.group set',
      V3_KILLED.replace('824.182706', '824.182712'),
      '[  824.182715] Memory cgroup out of memory: Killed process 12092 (sleep) total-vm:2920kB, anon-rss:0kB, file-rss:1672kB, shmem-rss:0kB, UID:0 pgtables:48kB oom_score_adj:0',
    ]);
    expect(kills(list).map((k) => [k.pid, k.line, k.trigger?.pid, k.scope, k.constraint])).toEqual([
      [12094, 79, 12094, 'memcg', 'CONSTRAINT_MEMCG'],
      [12092, 82, 12094, 'memcg', 'CONSTRAINT_MEMCG'],
    ]);
    expect(kills(list)[1]?.taskMemcg).toBe('/process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v3_two_procs_sleep_and_leaker');
  });

  it('lines of other CPUs interleaved anywhere in the report change nothing', () => {
    const noise = (i: number): string => `[  824.18${String(i).padStart(4, '0')}] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex`;
    const interleaved = V3_LINES.flatMap((line, i) => [line, noise(i)]);
    const plain = events(V3_LINES).map(({ line: _line, ...rest }) => rest);
    expect(events(interleaved).map(({ line: _line, ...rest }) => rest)).toEqual(plain);
  });

  it('a summary split by pr_cont, another CPU\'s line between, is put back together', () => {
    const cut = V3_SUMMARY.indexOf(',oom_memcg=');
    const lines = V3_LINES.filter((line) => line !== V3_SUMMARY);
    const at = lines.indexOf(V3_KILLED);
    lines.splice(at, 0, V3_SUMMARY.slice(0, cut), '[  824.182692] e1000e 0000:00:19.0 eth0: Reset adapter', `[  824.182693] ${V3_SUMMARY.slice(cut)}`);
    const [kill] = kills(events(lines));
    expect(kill).toMatchObject({ constraint: 'CONSTRAINT_MEMCG', memcg: '/process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v3_two_procs_sleep_and_leaker' });
  });

  it('LKML Dec 2018 shape: `,global_oom,task_memcg=/,task=…` as its own record gives a global kill', () => {
    const list = events([
      '[ 1000.000001] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0',
      '[ 1000.000002] ,global_oom,task_memcg=/,task=java,pid=4242,uid=1000',
      '[ 1000.000003] Out of memory: Killed process 4242 (java) total-vm:9000kB, anon-rss:8000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:40kB oom_score_adj:0',
    ]);
    expect(kills(list)).toMatchObject([{ pid: 4242, scope: 'global', constraint: 'CONSTRAINT_NONE', memcg: null, taskMemcg: '/', uid: 1000 }]);
  });

  it('uptime restarting inside one file: boot index and a boot event', () => {
    const baseline = realDmesg('01_baseline/dmesg.txt');
    const { data } = parseKernelLog(`${V3}${baseline}`, ctx());
    expect(data.events.filter((e) => e.type === 'boot').map((e) => [e.line, e.boot, e.text.slice(0, 14)])).toEqual([[80, 1, 'Linux version ']]);
    expect(kills(data.events).map((k) => [k.pid, k.boot])).toEqual([[12094, 0], [7511, 1]]);
    // The same pid in two boots is two kills, never a duplicate.
    const twice = parseKernelLog(`${V3}[    0.000000] Linux version 6.18.44-fc-v669\n${V3}`, ctx()).data.events;
    expect(kills(twice).map((k) => [k.pid, k.boot])).toEqual([[12094, 0], [12094, 1]]);
  });

  it('comms with parentheses, spaces, quotes and colons', () => {
    const list = events([
      "[  10.000001] Web Content 'x': invoked oom-killer: gfp_mask=0x0(), order=-1, oom_score_adj=0",
      "[  10.000002] Out of memory: Killed process 901 ((resolved)) total-vm:1kB, anon-rss:2kB, file-rss:3kB, shmem-rss:4kB, UID:101 pgtables:5kB oom_score_adj:6",
      '[  20.000001] Out of memory: Killed process 902 ((sd-pam)) total-vm:1kB, anon-rss:2kB, file-rss:3kB, shmem-rss:0kB',
      '[  30.000001] Out of memory: Killed process 903 (a) b (c)) total-vm:1kB, anon-rss:2kB, file-rss:3kB',
      '[  40.000001] oom_reaper: unable to reap pid:903 (a) b (c))',
      '[  50.000001] Out of Memory: Killed process 904 (old).',
    ]);
    expect(list[0]).toMatchObject({ type: 'oom-invocation', comm: "Web Content 'x':", gfpMask: '0x0', gfpFlags: [], order: -1 });
    expect(kills(list).map((k) => [k.pid, k.comm, k.uid, k.oomScoreAdj])).toEqual([
      [901, '(resolved)', 101, 6], [902, '(sd-pam)', null, null], [903, 'a) b (c)', null, null], [904, 'old', null, null],
    ]);
    expect(list.find((e) => e.type === 'oom-reaper')).toMatchObject({ pid: 903, comm: 'a) b (c)', reaped: false });
  });

  it('a header whose victim is already exiting closes without a kill; a later rate-limited kill stays apart', () => {
    const list = events([
      V3_LINES[0] ?? '',
      '[  824.181300] Memory cgroup out of memory: OOM victim 12094 (python3) is already exiting. Skip killing the task',
      '[  900.000000] Memory cgroup out of memory: Killed process 13000 (ruby) total-vm:1kB, anon-rss:2kB, file-rss:3kB, shmem-rss:0kB, UID:0 pgtables:5kB oom_score_adj:0',
    ]);
    expect(list.map((e) => e.type)).toEqual(['oom-invocation', 'oom-kill']);
    expect(kills(list)[0]?.trigger).toBeNull();
  });

  it('a kill that the open report\'s task table does not list is not pinned on that report', () => {
    const withoutKill = V3_LINES.filter((line) => line !== V3_KILLED && line !== V3_SUMMARY);
    const list = events([...withoutKill, '[  830.000000] Out of memory: Killed process 777 (other) total-vm:1kB, anon-rss:2kB, file-rss:3kB']);
    expect(kills(list)).toMatchObject([{ pid: 777, trigger: null }]);
  });

  it('dmesg stamps read back as the real ones (seconds padded to width 5 and wider)', () => {
    const lines = readDmesgLines('[    0.469629] a\n[10359910.034733] b\n');
    expect(lines.map((l) => l.uptimeUs)).toEqual([469629, 10359910034733]);
    const list = events(['[10359910.034733] bash (1): drop_caches: 3']);
    expect(list).toMatchObject([{ type: 'drop-caches', uptime: 10359910.034733 }]);
  });
});
