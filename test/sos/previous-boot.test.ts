/**
 * Logs from before the last reboot: the real 02_oom_memcg kill (v1_single_leaker's dmesg lines)
 * re-wrapped as the previous boot's journal (`journalctl -k -b -1 -o short-iso-precise`, as the
 * collector captures it, and as the lines of a kern.log that spans the reboot), beside the real
 * current-boot dmesg and btime of 01_baseline. The earlier kill keeps its real date and a `reboot`
 * event marks the restart.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/load/load-bundle.js';
import type { OomKillEvent } from '../../src/model/kernel-events.js';
import type { Timeline, TimelineEvent } from '../../src/model/timeline.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { real } from '../audits/make-timeline.js';

/** btime of the current boot (01_baseline/proc_stat.txt). */
const BTIME = 1795703978;
/** The previous boot started a day and a bit earlier. */
const PREVIOUS_BOOT = 1795600000;
const STAMP = /^\[\s*(\d+\.\d+)\] (.*)$/;

/** `[  759.017599] msg` → `2026-11-25T05:59:19.017599+0000 vm kernel: msg` (journalctl short-iso-precise). */
function asJournal(dmesg: string, bootEpoch: number): string {
  return dmesg.split('\n').filter((l) => STAMP.test(l)).map((line) => {
    const [, uptime, text] = STAMP.exec(line)!;
    const at = bootEpoch + Number(uptime);
    const micros = String(Math.round((at % 1) * 1e6)).padStart(6, '0');
    return `${new Date(Math.floor(at) * 1000).toISOString().slice(0, 19)}.${micros}+0000 vm kernel: ${text}`;
  }).join('\n') + '\n';
}

async function bundle(files: Record<string, string>): Promise<Timeline> {
  const root = path.join(await mkdtemp(path.join(tmpdir(), 'memtrail-reboot-')), 'memtrail-vm-20261126T145023Z');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return buildTimeline(await loadBundle(root));
}

const kills = (events: TimelineEvent[]) => events.filter((e): e is OomKillEvent & { time: number | null } => e.type === 'oom-kill');
const reboots = (events: TimelineEvent[]) => events.filter((e) => e.type === 'reboot');
const oomLines = () => real('02_oom_memcg/v1_single_leaker/dmesg_oom_event.txt');

describe('OOM kills from before the last reboot', () => {
  it('journalctl -k -b -1 beside this boot\'s dmesg: the old kill at its date, a reboot at btime between', async () => {
    const t = await bundle({
      'proc/stat': real('01_baseline/proc_stat.txt'),
      'commands/dmesg': real('01_baseline/dmesg.txt'),
      'commands/journalctl_-k_-b_-1_-o_short-iso-precise_--no-pager': asJournal(oomLines(), PREVIOUS_BOOT),
    });
    const [kill] = kills(t.events);
    expect(kill).toMatchObject({ pid: 11705, comm: 'python3', source: 'commands/journalctl_-k_-b_-1_-o_short-iso-precise_--no-pager' });
    // `Killed process 11705` was printed 759.018333 s into the previous boot.
    expect(kill!.time).toBeCloseTo(PREVIOUS_BOOT + 759.018333, 5);
    expect(reboots(t.events)).toEqual([expect.objectContaining({ type: 'reboot', time: BTIME, source: 'commands/journalctl_-k_-b_-1_-o_short-iso-precise_--no-pager' })]);
    // The baseline dmesg has a kill of its own (pid 7511), after the reboot.
    const order = t.events.filter((e) => e.type === 'oom-kill' || e.type === 'reboot').map((e) => ('pid' in e ? e.pid : e.type));
    expect(order).toEqual([11705, 'reboot', 7511]);
    // The current boot's dmesg still converts with btime, after the reboot.
    const first = t.events.find((e) => e.source === 'commands/dmesg' && e.time !== null);
    expect(first?.time).toBeGreaterThanOrEqual(BTIME);
  });

  it('a kern.log spanning the reboot: the kill of the first boot keeps its date, the new boot is a reboot', async () => {
    const newBoot = real('01_baseline/dmesg.txt').split('\n').slice(0, 3).join('\n');
    const log = asJournal(oomLines(), PREVIOUS_BOOT) + asJournal(newBoot, BTIME);
    const t = await bundle({ 'proc/stat': real('01_baseline/proc_stat.txt'), 'var/log/kern.log': log });
    expect(kills(t.events).map((k) => [k.pid, k.boot, Math.round(k.time!)])).toEqual([[11705, 0, Math.round(PREVIOUS_BOOT + 759.018333)]]);
    // The second `Linux version` starts boot 1; btime places the reboot (the boot marker agrees within a second).
    expect(t.events.some((e) => e.type === 'boot' && e.boot === 1)).toBe(true);
    expect(reboots(t.events).map((r) => r.time)).toEqual([BTIME]);
  });

  it('no reboot without an earlier boot', async () => {
    const t = await bundle({ 'proc/stat': real('01_baseline/proc_stat.txt'), 'commands/dmesg': real('01_baseline/dmesg.txt') });
    expect(reboots(t.events)).toEqual([]);
  });
});
