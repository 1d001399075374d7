import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryMaxDropIn } from '../../src/audits/remediation.js';
import { fstabField, shellQuote, unitNameOrNull } from '../../src/format/quoting.js';

/** What sh makes of `printf %s <word>`: the one argument it received. */
const shellSees = (word: string) => execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' });

describe('quoting bundle values into commands and config lines', () => {
  it.each(['/dev/shm', "/run/a b", "x'; rm -rf / #", '$(reboot)', '`id`', '\n;id', '<img src=x onerror=alert(1)>', ''])(
    'the shell receives %j as one unchanged word',
    (value) => {
      expect(shellSees(shellQuote(value))).toBe(value);
    },
  );

  it('any string survives the shell as one word (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0')), (value) => {
        expect(shellSees(shellQuote(value))).toBe(value);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('fstab fields cannot add a line or a field', () => {
    expect(fstabField('/run/a b')).toBe('/run/a\\040b');
    expect(fstabField('/x\ntmpfs / tmpfs defaults 0 0')).not.toMatch(/[\n ]/);
    expect(fstabField('a\\b')).toBe('a\\134b');
  });

  it('only real unit names become paths and shell words', () => {
    expect(unitNameOrNull('app-worker.service')).toBe('app-worker.service');
    expect(unitNameOrNull('postgresql@15-main.service')).toBe('postgresql@15-main.service');
    for (const bad of ['../../etc/passwd', 'a b.service', 'x;id.service', '.hidden', '']) expect(unitNameOrNull(bad)).toBeNull();
    const fix = memoryMaxDropIn('$(reboot).service', 2 ** 30);
    expect(fix.command).toBe("systemctl daemon-reload && systemctl restart UNIT.service");
    expect(fix.file!.path).toBe('/etc/systemd/system/UNIT.service.d/50-memory.conf');
    expect(fix.text).toContain('not a valid unit name');
  });
});
