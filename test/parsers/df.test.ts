import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseDf } from '../../src/parsers/df.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('commands/df_-kPT');
const KIB = 1024;

describe('parseDf', () => {
  it('reads the tmpfs at 79% holding 200 MiB', () => {
    const { data, diagnostics } = parseDf(real('04_shm_tmpfs/B_sysv_plus_tmpfs/df_kPT.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toHaveLength(6);
    expect(data.find((r) => r.mountpoint === '/tmp/realcap/tmpfs')).toEqual({
      filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 262144 * KIB, usedBytes: 204800 * KIB, availBytes: 57344 * KIB, usePercent: 79, mountpoint: '/tmp/realcap/tmpfs',
    });
    expect(data.find((r) => r.mountpoint === '/')).toMatchObject({ filesystem: '/dev/vda', type: 'ext4', usedBytes: 23395520 * KIB, usePercent: 22 });
  });

  it('reads the baseline without the test tmpfs', () => {
    const { data } = parseDf(real('01_baseline/df_kPT.txt'), ctx);
    expect(data.map((r) => r.mountpoint)).toEqual(['/dev', '/dev/shm', '/', '/mnt/sandboxing/model_tools_env/v1/python', '/sys/fs/cgroup']);
  });

  it('reads this machine\'s live df -kPT', () => {
    const { data, diagnostics } = parseDf(execFileSync('df', ['-kPT'], { encoding: 'utf8' }), ctx);
    expect(diagnostics).toEqual([]);
    expect(data.find((r) => r.mountpoint === '/')?.sizeBytes).toBeGreaterThan(0);
  });

  it('keeps spaces in device and mount point, reads "-", and honours the block size', () => {
    const text = [
      'Filesystem     Type  512-blocks  Used Available Capacity Mounted on',
      'my disk        ext4        100    50        50      50% /mnt/my data',
      'proc           proc          -     -         -        - /proc',
      'garbage',
    ].join('\n');
    const { data, diagnostics } = parseDf(text, ctx);
    expect(data).toEqual([
      { filesystem: 'my disk', type: 'ext4', sizeBytes: 51200, usedBytes: 25600, availBytes: 25600, usePercent: 50, mountpoint: '/mnt/my data' },
      { filesystem: 'proc', type: 'proc', sizeBytes: 0, usedBytes: 0, availBytes: 0, usePercent: null, mountpoint: '/proc' },
    ]);
    expect(diagnostics.map((d) => d.line)).toEqual([4]);
  });

  it('never throws on arbitrary input', () => {
    const lines = real('04_shm_tmpfs/B_sysv_plus_tmpfs/df_kPT.txt').split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseDf(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
