import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseProcStatus } from '../../src/parsers/proc-status.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
/** The fixture files hold several samples, each after a `=== <epoch>` line. */
const samplesOf = (path: string) => real(path).split(/^=== .*\n/m).slice(1);
const ctx = parseContext('proc/11705/status');
const KIB = 1024;

describe('parseProcStatus', () => {
  it('follows the real v1 leaker from 8 MiB to the memcg limit', () => {
    const parsed = samplesOf('02_oom_memcg/v1_single_leaker/proc_pid_status.samples.txt').map((s) => parseProcStatus(s, ctx));
    expect(parsed).toHaveLength(14);
    expect(parsed.flatMap((p) => p.diagnostics)).toEqual([]);
    expect(parsed.map((p) => p.data.vmRssBytes! / KIB)).toEqual([
      8160, 8160, 11440, 16580, 21720, 26860, 32000, 37140, 42280, 47420, 52560, 57700, 62840, 64940,
    ]);
    const first = parsed[0]!.data;
    expect(first).toMatchObject({
      name: 'python3', pid: 11705, ppid: 11697, state: 'S', uid: 0,
      vmSizeBytes: 13952 * KIB, rssAnonBytes: 2824 * KIB, rssFileBytes: 5336 * KIB, rssShmemBytes: 0, vmSwapBytes: 0,
    });
    expect(first.raw['CapEff']).toBe('000001fffeffffff');
    expect(first.raw['Threads']).toBe('1');
  });

  it('shows the v2c leaker stuck in D state under the memcg OOM wait', () => {
    const states = samplesOf('02_oom_memcg/v2c_oom_kill_disable_hang/proc_pid_status.samples.txt').map(
      (s) => parseProcStatus(s, ctx).data.state,
    );
    expect(states.filter((s) => s === 'D')).toHaveLength(11);
    expect(states.filter((s) => s === 'S')).toHaveLength(14);
  });

  it('reads RssShmem of the SysV attacher', () => {
    const { data } = parseProcStatus(real('04_shm_tmpfs/A_sysv_only/attacher_proc_pid_status.txt'), ctx);
    expect(data.rssShmemBytes).toBe(65536 * KIB);
    expect(data.vmRssBytes).toBe(75376 * KIB);
    expect(data.pid).toBe(12380);
  });

  it('reads this process from /proc/self/status', () => {
    const { data, diagnostics } = parseProcStatus(readFileSync('/proc/self/status', 'utf8'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data.pid).toBe(process.pid);
    expect(data.ppid).toBe(process.ppid);
    expect(data.vmRssBytes).toBeGreaterThan(0);
  });

  it('keeps a comm with spaces, parentheses and a trailing space', () => {
    const { data } = parseProcStatus('Name:\tWeb (Content) "x" \nPid:\t7\n', ctx);
    expect(data.name).toBe('Web (Content) "x" ');
    expect(data.pid).toBe(7);
  });

  it('reports bad lines with their line number and keeps the rest', () => {
    const { data, diagnostics } = parseProcStatus('Name:\tx\ngarbage\nVmRSS:\tlots kB\nVmSwap:\t  12 kB\n', parseContext('s', 10));
    expect(data.vmSwapBytes).toBe(12 * KIB);
    expect(data.vmRssBytes).toBeNull();
    expect(diagnostics.map((d) => d.line)).toEqual([11, 12]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseProcStatus(text, ctx);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
