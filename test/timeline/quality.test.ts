import { describe, expect, it } from 'vitest';
import { emptyArtifacts } from '../../src/load/empty-artifacts.js';
import { parseKernelLog } from '../../src/parsers/kernel-log/index.js';
import { parseContext } from '../../src/model/diagnostic.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { readFileSync } from 'node:fs';

const DMESG = new URL('../../../shared/fixtures/real/02_oom_memcg/v1_single_leaker/dmesg_oom_event.txt', import.meta.url);

describe('timeline data-quality diagnostics', () => {
  it('says when a directory has no manifest and kernel events have no wall clock', () => {
    const a = emptyArtifacts('directory', '/tmp/x');
    a.kernelEvents = parseKernelLog(readFileSync(DMESG, 'utf8'), parseContext('commands/dmesg')).data.events;
    a.kernelLogSources = ['commands/dmesg'];
    const messages = buildTimeline(a).artifacts.diagnostics.map((d) => `${d.source}: ${d.message}`);
    expect(messages).toContain('manifest.json: no manifest: host, kernel, time zone and capture times come from the files themselves where they can, or are unknown');
    expect(messages.some((m) => /^commands\/dmesg: no boot time .*: \d+ kernel event\(s\) keep only their uptime/.test(m))).toBe(true);
  });

  it('says nothing when the boot time is known', () => {
    const a = emptyArtifacts('directory', '/tmp/x');
    a.kernelEvents = parseKernelLog(readFileSync(DMESG, 'utf8'), parseContext('commands/dmesg')).data.events;
    a.procStatBootTime = 1795703978;
    expect(buildTimeline(a).artifacts.diagnostics.filter((d) => d.message.startsWith('no boot time'))).toEqual([]);
  });
});
