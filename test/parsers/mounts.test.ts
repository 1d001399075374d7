import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseMounts } from '../../src/parsers/mounts.js';

const ctx = parseContext('proc/mounts');

describe('parseMounts', () => {
  it('reads this machine\'s /proc/self/mounts', () => {
    const text = readFileSync('/proc/self/mounts', 'utf8');
    const { data, diagnostics } = parseMounts(text, ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toHaveLength(text.trim().split('\n').length);
    const root = data.find((m) => m.mountpoint === '/');
    expect(root?.options['rw'] ?? root?.options['ro']).toBe(true);
    expect(data.find((m) => m.fstype === 'proc')?.mountpoint).toBe('/proc');
  });

  it('decodes octal escapes and splits options', () => {
    const { data } = parseMounts('tmpfs /mnt/my\\040shm\\011x tmpfs rw,nosuid,size=262144k,mode=1777 0 0\n', ctx);
    expect(data).toEqual([{ device: 'tmpfs', mountpoint: '/mnt/my shm\tx', fstype: 'tmpfs', options: { rw: true, nosuid: true, size: '262144k', mode: '1777' } }]);
  });

  it('reports a short line', () => {
    const { data, diagnostics } = parseMounts('proc /proc\nsysfs /sys sysfs rw 0 0\n', ctx);
    expect(data.map((m) => m.fstype)).toEqual(['sysfs']);
    expect(diagnostics.map((d) => d.line)).toEqual([1]);
  });

  it('never throws on arbitrary input', () => {
    const lines = readFileSync('/proc/self/mounts', 'utf8').split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseMounts(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
