import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseDu } from '../../src/parsers/du.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('commands/du_-k_dev_shm');

describe('parseDu', () => {
  it('reads the 200 MiB tmpfs', () => {
    const { data, diagnostics } = parseDu(real('04_shm_tmpfs/B_sysv_plus_tmpfs/du_sk_tmpfs.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([{ path: '/tmp/realcap/tmpfs', bytes: 204800 * 1024 }]);
  });

  it('reads live du -k output with a path holding spaces and a tab', () => {
    const dir = mkdtempSync(join(tmpdir(), 'memtrail-du-'));
    try {
      const odd = join(dir, 'a b\tc');
      writeFileSync(odd, Buffer.alloc(64 * 1024, 1));
      const { data, diagnostics } = parseDu(execFileSync('du', ['-ak', dir], { encoding: 'utf8' }), ctx);
      expect(diagnostics).toEqual([]);
      expect(data.find((e) => e.path === odd)?.bytes).toBe(64 * 1024);
      expect(data.find((e) => e.path === dir)?.bytes).toBeGreaterThanOrEqual(64 * 1024);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reports a line without a size', () => {
    const { data, diagnostics } = parseDu('12\t/dev/shm/x\n/dev/shm/y\n', ctx);
    expect(data).toHaveLength(1);
    expect(diagnostics.map((d) => d.line)).toEqual([2]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => void parseDu(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
