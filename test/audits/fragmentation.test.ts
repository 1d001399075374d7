import { describe, expect, it } from 'vitest';
import { fragmentationAudit } from '../../src/audits/fragmentation.js';
import { runAudits } from '../../src/audits/runner.js';
import type { AllocFailureEvent } from '../../src/model/kernel-events.js';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseBuddyinfo } from '../../src/parsers/buddyinfo.js';
import { baselineTimeline, makeTimeline, sample } from './make-timeline.js';

const RUNBOOK = '../shared/reference/linux-memory-leak-runbook.txt';
// The runbook's fragmented buddyinfo (Root Cause 3): Normal has nothing at orders 7–10.
const fragmented = parseBuddyinfo([
  'Node 0, zone      DMA      1      0      0      0      0      0      0      0      0      1      3',
  'Node 0, zone    DMA32    840    628    312    189     94     42     18      7      2      0      0',
  'Node 0, zone   Normal   1024    512    256    128     32      4      1      0      0      0      0',
].join('\n'), parseContext(RUNBOOK)).data;
const order4: AllocFailureEvent & { time: number } = {
  type: 'alloc-failure', source: RUNBOOK, line: 1, uptime: null, wallTime: 1775790862, boot: 0, time: 1775790862,
  text: 'kworker/u8:2: page allocation failure: order:4, mode:0x40c0(GFP_KERNEL|__GFP_COMP), nodemask=(null)',
  comm: 'kworker/u8:2', pid: null, order: 4, mode: '0x40c0', modeFlags: ['GFP_KERNEL', '__GFP_COMP'], cpuset: null,
};

describe('fragmentation', () => {
  it('names the zones without large blocks and the order-4 failure, with the compaction fixes', () => {
    const t = makeTimeline({ artifacts: { buddyinfo: [sample(RUNBOOK, 1775790862, fragmented)] }, events: [order4] });
    const f = runAudits(t, [fragmentationAudit]).findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.summary).toContain('1 page allocation failure(s) in the kernel log, up to order 4 (64 KiB contiguous), by kworker/u8:2.');
    expect(f.summary).toContain('zone Normal has 19 MiB free but no block above order 6 (256 KiB)');
    expect(f.summary).toContain('zone DMA32 has');
    expect(f.remediation.map((r) => r.command)).toEqual(expect.arrayContaining(['echo 1 > /proc/sys/vm/compact_memory', 'sysctl -w vm.compaction_proactiveness=20']));
    expect(f.details![0]!.rows[2]).toMatchObject({ zone: 'Node 0 Normal', o0: 1024, o6: 1, o7: 0 });
  });

  it('flags THP always and confirms a failure buddyinfo cannot serve', () => {
    const t = makeTimeline({
      artifacts: { buddyinfo: [sample(RUNBOOK, 1, fragmented)], thpEnabled: { selected: 'always', options: ['always', 'madvise', 'never'] } },
      events: [{ ...order4, order: 7 }],
    });
    const f = runAudits(t, [fragmentationAudit]).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain('buddyinfo confirms it: the Normal zone has nothing above order 6.');
    expect(f.remediation.map((r) => r.command)).toContain('echo madvise > /sys/kernel/mm/transparent_hugepage/enabled');
  });

  it('passes on the real baseline (order-10 blocks free, THP madvise)', () => {
    const { audits, findings } = runAudits(baselineTimeline(), [fragmentationAudit]);
    expect(audits[0]!.status).toBe('pass');
    expect(findings).toEqual([]);
    expect(runAudits(makeTimeline(), [fragmentationAudit]).audits[0]!.status).toBe('not-enough-data');
  });
});
