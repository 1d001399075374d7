import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../../src/model/kernel-events.js';
import { KernelLogParser, parseKernelLog } from '../../../src/parsers/kernel-log/index.js';
import { BOOT_EPOCH_S, ctx, ENVELOPES, OPTIONS, readDmesgLines, realDmesg, wrapAll } from './envelope-wrap.js';

const FULL = realDmesg('02_oom_memcg/dmesg_full_after_all_variants.txt');
const LINES = readDmesgLines(FULL);
const reference = parseKernelLog(FULL, ctx(), OPTIONS).data.events;

/** The events minus their clock, which each envelope shows differently. */
const withoutClock = (events: KernelEvent[]): unknown[] => events.map(({ uptime: _u, wallTime: _w, ...rest }) => rest);

const UPTIME_ENVELOPES = new Set(['dmesg-caller', 'dmesg-prio', 'android-printk', 'dmesg-delta', 'dmesg-facility', 'bsd-syslog', 'bsd-syslog-no-host', 'journal-short-monotonic', 'journal-json', 'journal-json-bytes', 'kmsg', 'mail-quoted']);
const WALL_ENVELOPES = new Set(['dmesg-ctime', 'dmesg-iso', 'bsd-syslog', 'bsd-syslog-no-host', 'bsd-syslog-no-uptime', 'rsyslog-rfc3339', 'rfc5424', 'journal-short', 'journal-short-precise', 'journal-short-iso', 'journal-short-iso-precise', 'journal-json', 'talos-dmesg']);
/** Envelopes that print whole seconds only, or milliseconds (talos). */
const WALL_PRECISION_S: Record<string, number> = { 'dmesg-ctime': 1, 'bsd-syslog': 1, 'bsd-syslog-no-host': 1, 'bsd-syslog-no-uptime': 1, 'journal-short': 1, 'journal-short-iso': 1, 'talos-dmesg': 0.001 };

describe('every envelope yields the events of the real 6.18 dmesg', () => {
  expect(reference.filter((e) => e.type === 'oom-kill')).toHaveLength(5);

  it.each(Object.keys(ENVELOPES))('%s', (envelope) => {
    const { data, diagnostics } = parseKernelLog(wrapAll(LINES, envelope), ctx(), OPTIONS);
    expect(withoutClock(data.events)).toEqual(withoutClock(reference));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(data.lineCount).toBe(LINES.length);
    const kill = data.events.find((e) => e.type === 'oom-kill' && e.pid === 11705);
    expect(kill?.uptime).toBe(UPTIME_ENVELOPES.has(envelope) ? 759.018333 : null);
    if (WALL_ENVELOPES.has(envelope)) {
      const precision = WALL_PRECISION_S[envelope] ?? 1e-6;
      expect(Math.abs((kill?.wallTime ?? 0) - (BOOT_EPOCH_S + 759.018333))).toBeLessThan(precision + 1e-6);
    } else {
      expect(kill?.wallTime).toBeNull();
    }
  });

  it('dmesg -e (reltime): minute headers then +deltas still give the events, with approximate wall times', () => {
    const text = LINES.map((line, index) => {
      if (index === 0) return `[Nov26 14:39] ${line.message}`;
      const deltaS = (line.uptimeUs - (LINES[index - 1]?.uptimeUs ?? 0)) / 1e6;
      return `[  +${deltaS.toFixed(6)}] ${line.message}`;
    }).join('\n');
    const { data } = parseKernelLog(text, ctx(), OPTIONS);
    expect(data.envelopes).toEqual(['dmesg-reltime']);
    expect(withoutClock(data.events)).toEqual(withoutClock(reference));
    const kill = data.events.find((e) => e.type === 'oom-kill' && e.pid === 11705);
    // The header has minute precision, so the wall time is exact only to within that minute.
    expect(Math.abs((kill?.wallTime ?? 0) - (BOOT_EPOCH_S + 759.018333))).toBeLessThan(60);
  });

  it('names the envelope it saw', () => {
    expect(parseKernelLog(wrapAll(LINES, 'rfc5424'), ctx()).data.envelopes).toEqual(['rfc5424']);
    expect(parseKernelLog(wrapAll(LINES, 'journal-short-iso'), ctx()).data.envelopes).toEqual(['journal-short-iso']);
    expect(parseKernelLog(wrapAll(LINES, 'kmsg'), ctx()).data.envelopes).toEqual(['kmsg']);
  });

  it('the incremental parser, fed line by line, equals parseKernelLog', () => {
    const parser = new KernelLogParser(ctx(), OPTIONS);
    for (const line of FULL.split('\n').slice(0, -1)) parser.pushLine(line);
    expect(parser.finish().data.events).toEqual(reference);
  });
});

describe('envelope details', () => {
  const victim = '[  824.182706] Memory cgroup out of memory: Killed process 12094 (python3) total-vm:76660kB, anon-rss:65024kB, file-rss:5540kB, shmem-rss:0kB, UID:0 pgtables:188kB oom_score_adj:0';
  const killMessage = victim.slice(victim.indexOf('] ') + 2);

  it('localized dmesg -T month names, in either day/month order', () => {
    for (const stamp of ['[dim. 19 avril 18:03:30 2026]', '[So 19 Apr 18:03:30 2026]', '[dom 19 abr 18:03:30 2026]', '[Sun Apr 19 18:03:30 2026]']) {
      const { data, diagnostics } = parseKernelLog(`${stamp} ${killMessage}\n`, ctx());
      expect(data.events[0]?.wallTime).toBe(Date.UTC(2026, 3, 19, 18, 3, 30) / 1000);
      expect(diagnostics.map((d) => d.severity)).toEqual(['info']);
    }
  });

  it('an unknown month name leaves the wall time empty, keeps the event and says so once', () => {
    const line = `[xyz 19 qqq 18:03:30 2026] ${killMessage}`;
    const { data, diagnostics } = parseKernelLog(`${line}\n${line}\n`, ctx());
    expect(data.events.map((e) => [e.type, e.wallTime])).toEqual([['oom-kill', null]]);
    expect(diagnostics).toEqual([{ source: 'commands/dmesg', line: 1, severity: 'warning', message: expect.stringContaining('"qqq"') }]);
  });

  it('syslog year: Dec→Jan rollover inside the file, the last line in yearHint; utcOffsetMinutes applied', () => {
    const text = [
      `Dec 31 23:59:58 vm kernel: ${killMessage}`,
      `Jan  1 00:00:03 vm kernel: ${killMessage.replace('12094', '12095')}`,
    ].join('\n');
    const { data, diagnostics } = parseKernelLog(text, ctx('var/log/kern.log'), { yearHint: 2027, utcOffsetMinutes: 60 });
    expect(data.events.map((e) => e.wallTime)).toEqual([Date.UTC(2026, 11, 31, 22, 59, 58) / 1000, Date.UTC(2026, 11, 31, 23, 0, 3) / 1000]);
    expect(diagnostics).toEqual([
      { source: 'var/log/kern.log', line: 1, severity: 'info', message: expect.stringContaining('UTC+01:00') },
      { source: 'var/log/kern.log', line: 1, severity: 'info', message: expect.stringContaining('2027 (1 Dec→Jan rollover') },
    ]);
  });

  it('syslog lines of other programs are skipped; localized journal month (`jun`)', () => {
    const text = [
      'Jun 07 10:00:00 vm systemd[1]: Started Session 3 of user root.',
      `jun 07 10:00:01 vm kernel: ${killMessage}`,
      'Jun 07 10:00:02 vm sshd[812]: Accepted publickey for root',
    ].join('\n');
    const { data } = parseKernelLog(text, ctx(), { yearHint: 2026 });
    expect(data.events.map((e) => [e.type, e.line, e.wallTime])).toEqual([['oom-kill', 2, Date.UTC(2026, 5, 7, 10, 0, 1) / 1000]]);
  });

  it('kmsg dictionary lines are skipped and `\\x0a` splits a multi-line record', () => {
    const text = [
      '6,1001,759018140,-;memory: usage 65536kB, limit 65536kB, failcnt 31980',
      ' SUBSYSTEM=memory',
      ' DEVICE=+memory:x',
      `3,1002,759018333,-;${killMessage}`,
      '4,1003,759100000,-;Mem-Info:\\x0aactive_anon:1 inactive_anon:2',
    ].join('\n');
    const { data } = parseKernelLog(text, ctx());
    expect(data.events.map((e) => [e.type, e.line, e.uptime])).toEqual([['oom-kill', 4, 759.018333]]);
  });

  it('journal JSON: other transports skipped, non-UTF-8 byte-array MESSAGE decoded', () => {
    const text = [
      JSON.stringify({ _TRANSPORT: 'stdout', MESSAGE: 'Killed process 1 (x)' }),
      JSON.stringify({ _TRANSPORT: 'kernel', MESSAGE: [...Buffer.from('bash (12276): drop_caches: 2')], __REALTIME_TIMESTAMP: '1795704837882000' }),
      '{"_TRANSPORT":"kernel","MESSAGE":',
    ].join('\n');
    const { data } = parseKernelLog(text, ctx());
    expect(data.events).toMatchObject([{ type: 'drop-caches', comm: 'bash', pid: 12276, wallTime: 1795704837.882, line: 2 }]);
  });

  it('journalctl continuation lines (indented, no prefix) join their record; `-- Boot … --` starts a boot', () => {
    const text = [
      'Nov 26 14:52:37 vm kernel: Memory cgroup stats for /a:',
      '                           anon 49160192',
      '                           file 0',
      `Nov 26 14:52:37 vm kernel: ${killMessage}`,
      '-- Boot 0c5ba2f3b5c24f0f8cfc7ab1e1bd1d74 --',
      'Nov 26 15:10:00 vm kernel: Linux version 6.18.44',
      `Nov 26 15:20:00 vm kernel: ${killMessage}`,
    ].join('\n');
    const { data } = parseKernelLog(text, ctx(), OPTIONS);
    expect(data.events.map((e) => [e.type, e.line, e.boot])).toEqual([['oom-kill', 4, 0], ['boot', 6, 1], ['oom-kill', 7, 1]]);
  });

  it('a hard wrap inside a memcg path (pasted into a ticket) is re-joined', () => {
    const summary = '[  824.182691] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/kubepods/burstable/pod1234,task_memcg=/kubepods/burstable/pod1234/abcdef,task=python3,pid=12094,uid=0';
    const wrapAt = summary.indexOf('/abcdef') + 4;
    const { data, diagnostics } = parseKernelLog([summary.slice(0, wrapAt), summary.slice(wrapAt), victim].join('\n'), ctx());
    expect(data.events).toMatchObject([{ type: 'oom-kill', taskMemcg: '/kubepods/burstable/pod1234/abcdef', memcg: '/kubepods/burstable/pod1234' }]);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, severity: 'info' })]);
  });
});
