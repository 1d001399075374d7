import { describe, expect, it } from 'vitest';
import { mmapRetentionAudit } from '../../src/audits/mmap-retention.js';
import { runAudits } from '../../src/audits/runner.js';
import { parseMaps } from '../../src/parsers/maps.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { parseProcStatus } from '../../src/parsers/proc-status.js';
import { parseSmapsRollup } from '../../src/parsers/smaps-rollup.js';
import { baselineTimeline, makeTimeline, parsed, sample } from './make-timeline.js';

const RUN2 = '05_mmap/run2_file_fsynced_clean';
const reader = (pid: number) => ({
  pid, status: parsed(parseProcStatus, `${RUN2}/proc_pid_status.txt`), smapsRollup: parsed(parseSmapsRollup, `${RUN2}/proc_pid_smaps_rollup.txt`),
  maps: parsed(parseMaps, `${RUN2}/proc_pid_maps.txt`), cmdline: null, oomScoreAdj: 0, cgroup: null,
});
const meminfo = [sample(`${RUN2}/proc_meminfo.txt`, 1795704897.369, parsed(parseMeminfo, `${RUN2}/proc_meminfo.txt`))];

describe('mmap-retention', () => {
  it('names data.bin mapped 4 times in the real reader, with its clean file-backed RSS', () => {
    const f = runAudits(makeTimeline({ artifacts: { meminfo, processes: [reader(12621)] } }), [mmapRetentionAudit]).findings[0]!;
    // 2 GiB of RSS, but the three readers share 512 MiB of page cache: this one's Pss_File is 172 MiB (0.7%).
    expect(f.severity).toBe('info');
    expect(f.title).toBe('/tmp/realcap/data.bin is mapped repeatedly');
    expect(f.summary).toContain('/tmp/realcap/data.bin is mapped 4 times (4× in pid 12621): 2.0 GiB of address space; those processes show 2.0 GiB of clean file-backed RSS, and the page cache they pin (their Pss_File) is 172 MiB (0.7% of MemTotal).');
    expect(f.summary).toContain('python3 (pid 12621) has 2.0 GiB RSS of which 2.0 GiB Shared_Clean and 0 B Private_Clean');
    expect(f.summary).toContain('Pss_File, is 172 MiB');
    // Shared libraries (libc mapped 5 times, a few MiB) are not retention.
    expect(f.details![0]!.rows).toEqual([{ path: '/tmp/realcap/data.bin', pid: 12621, comm: 'python3', count: 4, size: 4 * 536870912 }]);
    expect(f.remediation[0]!.command).toBe("grep -cF -e ' /tmp/realcap/data.bin' /proc/12621/maps");
  });

  it('totals the same file across processes', () => {
    // The three readers ran the same script on the same file (ps_three_readers.txt); only the first one's maps were saved, so all three reuse them.
    const t = makeTimeline({ artifacts: { meminfo, processes: [reader(12621), reader(12623), reader(12625)] } });
    const f = runAudits(t, [mmapRetentionAudit]).findings[0]!;
    expect(f.summary).toContain('/tmp/realcap/data.bin is mapped 12 times across 3 processes (4× in pid 12621, 4× in pid 12623, 4× in pid 12625): 6.0 GiB of address space; those processes show 6.0 GiB of clean file-backed RSS, and the page cache they pin (their Pss_File) is 516 MiB (2.1% of MemTotal).');
  });

  it('needs smaps_rollup or maps', () => {
    expect(runAudits(baselineTimeline(), [mmapRetentionAudit]).audits[0]).toMatchObject({ status: 'not-enough-data', reason: 'needs proc/<pid>/smaps_rollup or proc/<pid>/maps' });
  });
});
