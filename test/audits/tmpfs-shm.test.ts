import { describe, expect, it } from 'vitest';
import { runAudits } from '../../src/audits/runner.js';
import { tmpfsShmAudit } from '../../src/audits/tmpfs-shm.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { baselineTimeline, makeTimeline, parsed, sample } from './make-timeline.js';

const B = '04_shm_tmpfs/B_sysv_plus_tmpfs';
const KB = 1024;
// B_sysv_plus_tmpfs/ipcs_m.txt, ipcs_m_p.txt and proc_sysvipc_shm.txt, row by row.
const ipcsShm = [
  { key: '0x00000000', shmid: 0, owner: 'root', perms: '644', bytes: 67108864, nattch: 1, status: ['dest'] },
  { key: '0x941f1f85', shmid: 1, owner: 'root', perms: '644', bytes: 16777216, nattch: 0, status: [] },
];
const ipcsShmPids = [{ shmid: 0, owner: 'root', cpid: 12375, lpid: 12380 }, { shmid: 1, owner: 'root', cpid: 12376, lpid: 12380 }];
const sysvShm = [
  { keyHex: '0x00000000', shmid: 0, perms: '1644', sizeBytes: 67108864, cpid: 12375, lpid: 12380, nattch: 1, uid: 0, cuid: 0, rssBytes: 67108864, swapBytes: 0, dest: true },
  { keyHex: '0x941f1f85', shmid: 1, perms: '644', sizeBytes: 16777216, cpid: 12376, lpid: 12380, nattch: 0, uid: 0, cuid: 0, rssBytes: 8388608, swapBytes: 0, dest: false },
];
// B_sysv_plus_tmpfs/df_kPT.txt: the 256 MiB tmpfs with 200 MiB of dd output, and the RAM-sized /dev/shm.
const tmpfsRow = { filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 262144 * KB, usedBytes: 204800 * KB, availBytes: 57344 * KB, usePercent: 79, mountpoint: '/tmp/realcap/tmpfs' };
const devShm = { filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 24684084 * KB, usedBytes: 0, availBytes: 24684084 * KB, usePercent: 0, mountpoint: '/dev/shm' };

function shmTimeline(df = [devShm, tmpfsRow]) {
  return makeTimeline({
    artifacts: {
      meminfo: [sample(`${B}/proc_meminfo.txt`, 1795704868.112, parsed(parseMeminfo, `${B}/proc_meminfo.txt`))],
      ipcsShm, ipcsShmPids, sysvShm, df,
      shmFiles: [{ path: '/tmp/realcap/tmpfs/fill_00.bin', bytes: 10485760 }, { path: '/tmp/realcap/tmpfs/fill_01.bin', bytes: 10485760 }],
    },
  });
}

describe('tmpfs-shm', () => {
  it('names the orphaned and dest segments with their owners, and reconciles Shmem', () => {
    const f = runAudits(shmTimeline(), [tmpfsShmAudit]).findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.summary).toContain('SysV segment 1 (key 0x941f1f85, owner root, 16 MiB, 8.0 MiB resident) has no process attached (nattch 0)');
    expect(f.summary).toContain('created by pid 12376, last used by pid 12380');
    expect(f.summary).toContain('SysV segment 0 (key 0x00000000, owner root, 64 MiB, 64 MiB resident) is marked for deletion (dest) but still attached 1 time(s)');
    // Shmem 287340 kB = 204800 (tmpfs) + 73728 (SysV rss) + 8812 other.
    expect(f.summary).toContain('Shmem 281 MiB = tmpfs 200 MiB + SysV 72 MiB + 8.6 MiB other');
    expect(f.remediation.map((r) => r.command)).toEqual(['ps -o pid,comm,args -p 12380', 'ipcrm -m 1']);
    expect(f.details![0]!.rows).toHaveLength(2);
  });

  it('gives an fstab size= for a full tmpfs, with its largest files', () => {
    const full = { ...tmpfsRow, usedBytes: 250000 * KB, availBytes: 12144 * KB, usePercent: 96 };
    const f = runAudits(shmTimeline([full]), [tmpfsShmAudit]).findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.summary).toContain('tmpfs /tmp/realcap/tmpfs holds 244 MiB of RAM (1.0% of MemTotal), 95.4% of its 256 MiB size. Largest: /tmp/realcap/tmpfs/fill_00.bin (10 MiB)');
    expect(f.remediation[0]!.file).toEqual({ path: '/etc/fstab', content: 'tmpfs /tmp/realcap/tmpfs tmpfs defaults,size=512m,noexec,nosuid 0 0\n' });
  });

  it('passes on the baseline (empty tmpfs, no segments) and needs df or ipcs', () => {
    expect(runAudits(baselineTimeline(), [tmpfsShmAudit]).audits[0]!.status).toBe('pass');
    expect(runAudits(makeTimeline(), [tmpfsShmAudit]).audits[0]!.status).toBe('not-enough-data');
  });
});
