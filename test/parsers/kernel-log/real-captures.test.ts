import { describe, expect, it } from 'vitest';
import type { KernelEvent, OomInvocationEvent, OomKillEvent } from '../../../src/model/kernel-events.js';
import { parseKernelLog } from '../../../src/parsers/kernel-log/index.js';
import { readRealFixture } from '../parser-kit.js';
import { ctx } from './envelope-wrap.js';

const MEMCG_ROOT = '/process_api/6e9996ed54d563ba01ba5f263b123ea5';

function eventsOf(path: string): KernelEvent[] {
  const { data, diagnostics } = parseKernelLog(readRealFixture(path), ctx());
  expect(diagnostics).toEqual([]);
  expect(data.envelopes).toEqual(['dmesg']);
  return data.events;
}

const kills = (events: KernelEvent[]): OomKillEvent[] => events.filter((e): e is OomKillEvent => e.type === 'oom-kill');
const invocations = (events: KernelEvent[]): OomInvocationEvent[] => events.filter((e): e is OomInvocationEvent => e.type === 'oom-invocation');

describe('real memcg OOM kills on 6.18 (02_oom_memcg/*/dmesg_oom_event.txt)', () => {
  it('v1: the page-cache fault kill, every Killed-line field, the summary and the trigger', () => {
    const events = eventsOf('02_oom_memcg/v1_single_leaker/dmesg_oom_event.txt');
    expect(events.map((e) => e.type)).toEqual(['oom-invocation', 'oom-kill']);
    const [kill] = kills(events);
    expect(kill).toEqual({
      source: 'commands/dmesg', line: 84, uptime: 759.018333, wallTime: null, boot: 0, type: 'oom-kill',
      text: 'Memory cgroup out of memory: Killed process 11705 (python3) total-vm:75632kB, anon-rss:64512kB, file-rss:2912kB, shmem-rss:0kB, UID:0 pgtables:184kB oom_score_adj:0',
      reason: 'Memory cgroup out of memory', pid: 11705, comm: 'python3', totalVmKb: 75632, anonRssKb: 64512, fileRssKb: 2912,
      shmemRssKb: 0, uid: 0, pgtablesKb: 184, oomScoreAdj: 0, scope: 'memcg', constraint: 'CONSTRAINT_MEMCG',
      memcg: `${MEMCG_ROOT}/realcap_v1_single_leaker`, taskMemcg: `${MEMCG_ROOT}/realcap_v1_single_leaker`,
      trigger: { comm: 'python3', pid: 11705, order: 0, gfpMask: '0x100cca' },
    });
    const [invocation] = invocations(events);
    expect(invocation).toMatchObject({
      line: 1, uptime: 759.017599, comm: 'python3', pid: 11705, gfpMask: '0x100cca', gfpFlags: ['GFP_HIGHUSER_MOVABLE'],
      order: 0, oomScoreAdj: 0, memcgUsageKb: 65536, memcgLimitKb: 65536, memcgFailcnt: 31980, freeSwapKb: null,
    });
    expect(invocation?.tasks).toEqual([{
      pid: 11705, uid: 0, tgid: 11705, totalVmPages: 18908, rssPages: 16856, rssAnonPages: 16128, rssFilePages: 728,
      rssShmemPages: 0, pgtablesBytes: 188416, swapents: 0, oomScoreAdj: 0, name: 'python3',
    }]);
  });

  it('v2: the anonymous fault kill (the -1000 write was refused, so adj stays 0)', () => {
    const events = eventsOf('02_oom_memcg/v2_oom_score_adj_minus1000_attempt/dmesg_oom_event.txt');
    expect(kills(events)).toMatchObject([{ pid: 11791, anonRssKb: 65280, fileRssKb: 5444, shmemRssKb: 0, oomScoreAdj: 0, uid: 0, pgtablesKb: 184 }]);
    expect(invocations(events)).toMatchObject([{ gfpMask: '0xcc0', gfpFlags: ['GFP_KERNEL'], memcgFailcnt: 132 }]);
  });

  it('v2b: oom_score_adj 1000 in the header, the task table and the Killed line', () => {
    const events = eventsOf('02_oom_memcg/v2b_oom_score_adj_plus1000/dmesg_oom_event.txt');
    expect(kills(events)).toMatchObject([{
      pid: 11900, comm: 'python3', anonRssKb: 65280, fileRssKb: 5500, shmemRssKb: 0, uid: 0, pgtablesKb: 188, oomScoreAdj: 1000,
      scope: 'memcg', memcg: `${MEMCG_ROOT}/realcap_v2b_oom_score_adj_plus1000`,
    }]);
    const [invocation] = invocations(events);
    expect(invocation?.oomScoreAdj).toBe(1000);
    expect(invocation?.tasks.map((t) => [t.pid, t.oomScoreAdj])).toEqual([[11900, 1000]]);
  });

  it('v3: two tasks in the table (sleep and the leaker), usage below the limit', () => {
    const events = eventsOf('02_oom_memcg/v3_two_procs_sleep_and_leaker/dmesg_oom_event.txt');
    const [invocation] = invocations(events);
    expect(invocation).toMatchObject({ pid: 12094, memcgUsageKb: 65432, memcgLimitKb: 65536, memcgFailcnt: 56 });
    expect(invocation?.tasks).toEqual([
      { pid: 12092, uid: 0, tgid: 12092, totalVmPages: 730, rssPages: 418, rssAnonPages: 0, rssFilePages: 418, rssShmemPages: 0, pgtablesBytes: 49152, swapents: 0, oomScoreAdj: 0, name: 'sleep' },
      { pid: 12094, uid: 0, tgid: 12094, totalVmPages: 19165, rssPages: 17641, rssAnonPages: 16256, rssFilePages: 1385, rssShmemPages: 0, pgtablesBytes: 192512, swapents: 0, oomScoreAdj: 0, name: 'python3' },
    ]);
    expect(kills(events)).toMatchObject([{
      pid: 12094, anonRssKb: 65024, fileRssKb: 5540, pgtablesKb: 188, scope: 'memcg',
      memcg: `${MEMCG_ROOT}/realcap_v3_two_procs_sleep_and_leaker`, taskMemcg: `${MEMCG_ROOT}/realcap_v3_two_procs_sleep_and_leaker`,
    }]);
  });
});

describe('real full dmesg files', () => {
  it('dmesg after all variants: exactly the 5 kills (254 s one included), each once, each with its invocation', () => {
    const events = eventsOf('02_oom_memcg/dmesg_full_after_all_variants.txt');
    expect(kills(events).map((k) => [k.pid, k.uptime, k.memcg?.split('/').at(-1)])).toEqual([
      [7511, 254.075844, 'oomtest'],
      [11705, 759.018333, 'realcap_v1_single_leaker'],
      [11791, 778.949905, 'realcap_v2_oom_score_adj_minus1000_attempt'],
      [11900, 790.476855, 'realcap_v2b_oom_score_adj_plus1000'],
      [12094, 824.182706, 'realcap_v3_two_procs_sleep_and_leaker'],
    ]);
    expect(kills(events).map((k) => k.trigger?.pid)).toEqual([7511, 11705, 11791, 11900, 12094]);
    expect(invocations(events).map((i) => i.tasks.length)).toEqual([1, 1, 1, 1, 2]);
    expect(events.filter((e) => e.type === 'drop-caches').map((e) => e.text)).toEqual([
      'process_api (1): drop_caches: 10', 'tokio-rt-worker (69): drop_caches: 3',
    ]);
    expect(events.filter((e) => e.type === 'boot')).toEqual([]);
    expect(events).toHaveLength(12);
  });

  it('baseline dmesg: the earlier 254 s kill and the two boot-time drop_caches', () => {
    const events = eventsOf('01_baseline/dmesg.txt');
    expect(events.map((e) => [e.type, e.line])).toEqual([
      ['drop-caches', 337], ['drop-caches', 340], ['oom-invocation', 342], ['oom-kill', 420],
    ]);
    expect(kills(events)[0]).toMatchObject({ pid: 7511, comm: 'python3', memcg: '/process_api/d518b30646e7d5ae7be9fcdd19e622f2/oomtest' });
    const { data } = parseKernelLog(readRealFixture('01_baseline/dmesg.txt'), ctx());
    expect(data.lineCount).toBe(420);
  });

  it('drop_caches after the dentry growth: comm, pid and value', () => {
    expect(eventsOf('03_dentry_slab/dmesg_new_lines_drop_caches.txt')).toEqual([{
      source: 'commands/dmesg', line: 1, uptime: 859.721529, wallTime: null, boot: 0, text: 'bash (12276): drop_caches: 2',
      type: 'drop-caches', comm: 'bash', pid: 12276, value: 2,
    }]);
  });

  it('journalctl with no journal ("No journal files were found.") gives no events and no crash', () => {
    const { data, diagnostics } = parseKernelLog(readRealFixture('01_baseline/journalctl_k_tail300.txt'), ctx('commands/journalctl_k'));
    expect(data).toEqual({ events: [], lineCount: 2, envelopes: [] });
    expect(diagnostics).toEqual([{ source: 'commands/journalctl_k', line: 1, severity: 'info', message: expect.stringContaining('1 line(s) without a known envelope') }]);
  });
});
