import { describe, expect, it } from 'vitest';
import { accountMeminfo, ACCOUNTING_CATEGORIES, computeAccounting } from '../../src/computed/accounting.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { makeTimeline, parsed, sample } from '../audits/make-timeline.js';

const KB = 1024;

describe('accountMeminfo', () => {
  it('splits the baseline meminfo and leaves a small remainder', () => {
    const m = parsed(parseMeminfo, '01_baseline/proc_meminfo.txt');
    const a = accountMeminfo(m)!;
    expect(a.pageCache).toBe((58220 - 8872 + 1960) * KB);
    expect(a.shmem).toBe(8872 * KB);
    // 24684084 − (8964 + 51308 + 8872 + 28344 + 21632 + 1352 + 1528 + 14172 + 0 + 24519000) kB
    expect(a.unexplained).toBe(28912 * KB);
    const sum = ACCOUNTING_CATEGORIES.reduce((s, c) => s + a[c], 0);
    expect(sum).toBe(m.MemTotal);
  });

  it('follows the dentry growth into reclaimable slab over the 03 stages', () => {
    const stages: [string, number][] = [['1_before', 1795704828.747], ['3_after', 1795704832.202]];
    const t = makeTimeline({
      artifacts: { meminfo: stages.map(([s, time]) => sample(s, time, parsed(parseMeminfo, `03_dentry_slab/snapshots/${s}_proc_meminfo.txt`))) },
    });
    const [first, last] = computeAccounting(t);
    expect(last!.bytes.sReclaimable - first!.bytes.sReclaimable).toBe((315676 - 29956) * KB);
    expect(accountMeminfo({ MemTotal: 1 })).toBeNull();
  });
});
