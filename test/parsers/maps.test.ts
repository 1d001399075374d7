import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseMaps } from '../../src/parsers/maps.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('proc/12621/maps');
const MIB = 1024 * 1024;

describe('parseMaps', () => {
  it('finds the 4 shared mappings of the same 512 MiB file', () => {
    const { data, diagnostics } = parseMaps(real('05_mmap/run2_file_fsynced_clean/proc_pid_maps.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toHaveLength(52);
    const dataBin = data.filter((r) => r.pathname === '/tmp/realcap/data.bin');
    expect(dataBin).toHaveLength(4);
    for (const region of dataBin) expect(region).toEqual({ sizeBytes: 512 * MIB, perms: 'r--s', offset: '00000000', dev: 'fe:00', inode: 2154986, pathname: '/tmp/realcap/data.bin' });
  });

  it('reads the deleted SysV mapping, anonymous regions and [vsyscall] above 2^53', () => {
    const { data } = parseMaps(real('04_shm_tmpfs/A_sysv_only/attacher_proc_pid_maps.txt'), ctx);
    expect(data).toHaveLength(54);
    expect(data.find((r) => r.pathname.startsWith('/SYSV'))).toEqual({
      sizeBytes: 64 * MIB, perms: 'rw-s', offset: '00000000', dev: '00:01', inode: 0, pathname: '/SYSV809f3314 (deleted)',
    });
    expect(data[5]).toMatchObject({ pathname: '', sizeBytes: 0xaca000 - 0xa85000 });
    expect(data.at(-1)).toMatchObject({ pathname: '[vsyscall]', sizeBytes: 4096 });
  });

  it('reads this process from /proc/self/maps', () => {
    const { data, diagnostics } = parseMaps(readFileSync('/proc/self/maps', 'utf8'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data.some((r) => r.pathname === '[stack]')).toBe(true);
  });

  it('keeps spaces in a path and reports a bad line', () => {
    const { data, diagnostics } = parseMaps('7f00-7f10 r--p 00000000 fe:00 12   /tmp/a b.so\nnot maps\n', ctx);
    expect(data).toEqual([{ sizeBytes: 0x10, perms: 'r--p', offset: '00000000', dev: 'fe:00', inode: 12, pathname: '/tmp/a b.so' }]);
    expect(diagnostics.map((d) => d.line)).toEqual([2]);
  });

  it('never throws on arbitrary input', () => {
    const lines = real('04_shm_tmpfs/A_sysv_only/attacher_proc_pid_maps.txt').split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseMaps(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
