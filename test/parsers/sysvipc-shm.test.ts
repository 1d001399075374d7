import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSysvipcShm } from '../../src/parsers/sysvipc-shm.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('proc/sysvipc/shm');

describe('parseSysvipcShm', () => {
  it('reads the dest segment (perms 1644) and the signed-decimal key of the other', () => {
    const { data, diagnostics } = parseSysvipcShm(real('04_shm_tmpfs/A_sysv_only/proc_sysvipc_shm.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([
      { keyHex: '0x00000000', shmid: 0, perms: '644', sizeBytes: 67108864, cpid: 12375, lpid: 12380, nattch: 1, uid: 0, cuid: 0, rssBytes: 67108864, swapBytes: 0, dest: true },
      { keyHex: '0x941f1f85', shmid: 1, perms: '644', sizeBytes: 16777216, cpid: 12376, lpid: 12380, nattch: 0, uid: 0, cuid: 0, rssBytes: 8388608, swapBytes: 0, dest: false },
    ]);
  });

  it('reads the header-only files as no segments', () => {
    expect(parseSysvipcShm(real('01_baseline/proc_sysvipc_shm.txt'), ctx)).toEqual({ data: [], diagnostics: [] });
    expect(parseSysvipcShm(real('04_shm_tmpfs/C_after_cleanup/proc_sysvipc_shm.txt'), ctx).data).toEqual([]);
  });

  it('reads this machine\'s live table without complaint', () => {
    expect(parseSysvipcShm(readFileSync('/proc/sysvipc/shm', 'utf8'), ctx).diagnostics).toEqual([]);
  });

  it('leaves rss and swap null on kernels that do not print them', () => {
    const old = [
      '       key      shmid perms       size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime',
      '      4660      32769  1600       4096   100   101      2  1000  1000  1000  1000          0          0 1700000000',
    ].join('\n');
    const { data } = parseSysvipcShm(old, ctx);
    expect(data).toEqual([expect.objectContaining({ keyHex: '0x00001234', perms: '600', dest: true, uid: 1000, rssBytes: null, swapBytes: null })]);
  });

  it('reports a row with a non-octal perms or a missing column', () => {
    const header = real('04_shm_tmpfs/A_sysv_only/proc_sysvipc_shm.txt').split('\n')[0];
    const { data, diagnostics } = parseSysvipcShm(`${header}\n 0 0 1698 1 1 1 0 0 0 0 0 0 0 0 0 0\n 0 0 644 1\n`, parseContext('s', 1));
    expect(data).toEqual([]);
    expect(diagnostics.map((d) => d.line)).toEqual([2, 3]);
  });

  it('never throws on arbitrary input', () => {
    const lines = real('04_shm_tmpfs/A_sysv_only/proc_sysvipc_shm.txt').split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseSysvipcShm(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
