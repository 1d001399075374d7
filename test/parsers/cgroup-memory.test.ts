import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseCgroupMemory } from '../../src/parsers/cgroup-memory.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const V1_FILES = ['memory.usage_in_bytes', 'memory.failcnt', 'memory.oom_control', 'memory.stat'];
const ctx = parseContext('sys/fs/cgroup/memory/realcap');

/** The fixture keeps one series per file; sample `n` of each, keyed by file name, is one cgroup read. */
function v1Sample(variant: string, n: number): Record<string, string> {
  return Object.fromEntries(
    V1_FILES.map((name) => [name, real(`02_oom_memcg/${variant}/cgroup_${name}.samples.txt`).split(/^=== .*\n/m).slice(1)[n] ?? '']),
  );
}

describe('parseCgroupMemory, cgroup v1', () => {
  it('reads the leaker cgroup before, at and after the memcg OOM kill', () => {
    const first = parseCgroupMemory(v1Sample('v1_single_leaker', 0), '/realcap_v1', ctx);
    expect(first.diagnostics).toEqual([]);
    expect(first.data).toMatchObject({ path: '/realcap_v1', version: 1, usageBytes: 10719232, failcnt: 0, oomKills: 0, underOom: false, oomKillDisable: false, events: {} });
    expect(first.data.stat['hierarchical_memory_limit']).toBe(67108864);
    expect(first.data.stat['rss']).toBe(2891776);
    expect(parseCgroupMemory(v1Sample('v1_single_leaker', 13), '/x', ctx).data).toMatchObject({ usageBytes: 66895872, failcnt: 9945, oomKills: 0 });
    // The final sample, about 1 s after the kill.
    expect(parseCgroupMemory(v1Sample('v1_single_leaker', 14), '/x', ctx).data).toMatchObject({ usageBytes: 876544, failcnt: 31981, oomKills: 1 });
  });

  it('shows the oom_kill_disable cgroup stuck under OOM', () => {
    const states = Array.from({ length: 26 }, (_, n) => parseCgroupMemory(v1Sample('v2c_oom_kill_disable_hang', n), '/x', ctx).data);
    expect(states.every((s) => s.oomKillDisable === true)).toBe(true);
    expect(states.findIndex((s) => s.underOom === true)).toBe(14);
    expect(states.at(-1)?.oomKills).toBe(0);
  });

  it('reads "no limit" as null and derives swap from memsw', () => {
    const { data } = parseCgroupMemory(
      {
        'memory.usage_in_bytes': '1000\n',
        'memory.limit_in_bytes': '9223372036854771712\n',
        'memory.memsw.usage_in_bytes': '1500\n',
        'memory.memsw.limit_in_bytes': '9223372036854771712\n',
      },
      '/',
      ctx,
    );
    expect(data).toMatchObject({ limitBytes: null, swapUsageBytes: 500, swapLimitBytes: null });
    const capped = parseCgroupMemory({ 'memory.limit_in_bytes': '67108864', 'memory.memsw.limit_in_bytes': '100663296' }, '/', ctx);
    expect(capped.data).toMatchObject({ limitBytes: 67108864, swapLimitBytes: 33554432 });
  });

  it('names the file and line of a bad value', () => {
    const { data, diagnostics } = parseCgroupMemory({ 'memory.failcnt': 'lots', 'memory.oom_control': 'oom_kill_disable 0\nunder_oom\n' }, '/', ctx);
    expect(data.failcnt).toBeNull();
    expect(data.underOom).toBeNull();
    expect(diagnostics.map((d) => [d.source, d.line])).toEqual([
      ['sys/fs/cgroup/memory/realcap/memory.oom_control', 2],
      ['sys/fs/cgroup/memory/realcap/memory.failcnt', 1],
    ]);
  });
});

describe('parseCgroupMemory, cgroup v2', () => {
  it('reads the v2 files in their documented shape', () => {
    const { data, diagnostics } = parseCgroupMemory(
      {
        'memory.current': '66895872\n',
        'memory.max': '67108864\n',
        'memory.high': 'max\n',
        'memory.swap.current': '0\n',
        'memory.swap.max': 'max\n',
        'memory.events': 'low 0\nhigh 0\nmax 9945\noom 1\noom_kill 1\noom_group_kill 0\n',
        'memory.stat': 'anon 62902272\nfile 3784704\nshmem 0\n',
      },
      '/system.slice/app.service',
      ctx,
    );
    expect(diagnostics).toEqual([]);
    expect(data).toEqual({
      path: '/system.slice/app.service', version: 2, usageBytes: 66895872, limitBytes: 67108864, highBytes: null,
      swapUsageBytes: 0, swapLimitBytes: null, failcnt: null, oomKillDisable: null, underOom: null, oomKills: 1,
      events: { low: 0, high: 0, max: 9945, oom: 1, oom_kill: 1, oom_group_kill: 0 },
      stat: { anon: 62902272, file: 3784704, shmem: 0 },
    });
  });

  it('tells the version from memory.stat alone', () => {
    expect(parseCgroupMemory({ 'memory.stat': 'anon 1\nfile 2\n' }, '/', ctx).data.version).toBe(2);
    expect(parseCgroupMemory({ 'memory.stat': 'cache 1\nrss 2\n' }, '/', ctx).data.version).toBe(1);
  });
});

describe('parseCgroupMemory on this machine', () => {
  // The memory cgroup of this test process: a v1 `N:memory:/path` line, else the v2 `0::/path` one.
  const lines = readFileSync('/proc/self/cgroup', 'utf8').split('\n');
  const v1 = lines.find((l) => /^\d+:([^:]*,)?memory(,[^:]*)?:/.test(l));
  const path = (v1 ?? lines.find((l) => l.startsWith('0::')) ?? '').replace(/^[^:]*:[^:]*:/, '');
  const dir = v1 ? `/sys/fs/cgroup/memory${path}` : `/sys/fs/cgroup${path}`;
  const readable = existsSync(dir) && readdirSync(dir).some((f) => f === 'memory.usage_in_bytes' || f === 'memory.current');

  it.skipIf(!readable)('reads its own memory cgroup', () => {
    const files = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.startsWith('memory.') && !f.endsWith('event_control') && !f.endsWith('force_empty'))
        .flatMap((f) => {
          try {
            return [[f, readFileSync(`${dir}/${f}`, 'utf8')]];
          } catch {
            return [];
          }
        }),
    );
    const { data, diagnostics } = parseCgroupMemory(files, path, parseContext(dir.slice(1)));
    expect(diagnostics).toEqual([]);
    expect(data.version).toBe(v1 ? 1 : 2);
    expect(data.usageBytes).toBeGreaterThan(0);
    expect(Object.keys(data.stat).length).toBeGreaterThan(10);
  });
});

describe('parseCgroupMemory on arbitrary input', () => {
  it('never throws', () => {
    const names = [...V1_FILES, 'memory.current', 'memory.max', 'memory.events', 'memory.memsw.usage_in_bytes', 'memory.memsw.limit_in_bytes'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), fc.string({ unit: 'binary' })), (files) => void parseCgroupMemory(files, '/', ctx)),
      { seed: 42, numRuns: 200 },
    );
  });
});
