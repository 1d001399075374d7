import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseIpcsShm, parseIpcsShmPids } from '../../src/parsers/ipcs.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('commands/ipcs_-m');

describe('parseIpcsShm', () => {
  it('reads the dest segment and the detached one', () => {
    const { data, diagnostics } = parseIpcsShm(real('04_shm_tmpfs/A_sysv_only/ipcs_m.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([
      { key: '0x00000000', shmid: 0, owner: 'root', perms: '644', bytes: 67108864, nattch: 1, status: ['dest'] },
      { key: '0x941f1f85', shmid: 1, owner: 'root', perms: '644', bytes: 16777216, nattch: 0, status: [] },
    ]);
  });

  it('reads no segments from the empty listings', () => {
    for (const path of ['01_baseline/ipcs_m.txt', '04_shm_tmpfs/C_after_cleanup/ipcs_m.txt']) {
      expect(parseIpcsShm(real(path), ctx)).toEqual({ data: [], diagnostics: [] });
    }
  });

  it('reports a damaged row and a row before the header', () => {
    const { data, diagnostics } = parseIpcsShm('0x1 2 root 600 10 0\nkey shmid owner perms bytes nattch status\n0xzz 1 root 600 x 0\n', ctx);
    expect(data).toEqual([]);
    expect(diagnostics.map((d) => d.line)).toEqual([1, 3]);
  });
});

describe('parseIpcsShmPids', () => {
  it('reads creator and last-op pids', () => {
    const { data, diagnostics } = parseIpcsShmPids(real('04_shm_tmpfs/B_sysv_plus_tmpfs/ipcs_m_p.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([
      { shmid: 0, owner: 'root', cpid: 12375, lpid: 12380 },
      { shmid: 1, owner: 'root', cpid: 12376, lpid: 12380 },
    ]);
    expect(parseIpcsShmPids(real('01_baseline/ipcs_m_p.txt'), ctx).data).toEqual([]);
  });
});

describe('ipcs parsers on arbitrary input', () => {
  it('never throw', () => {
    const lines = [...real('04_shm_tmpfs/A_sysv_only/ipcs_m.txt').split('\n'), ...real('04_shm_tmpfs/A_sysv_only/ipcs_m_p.txt').split('\n')];
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, (t) => {
        parseIpcsShm(t, ctx);
        parseIpcsShmPids(t, ctx);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
