import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSmapsRollup } from '../../src/parsers/smaps-rollup.js';
import { forEachLine, parseKeyValueKb } from '../../src/parsers/text-lines.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('proc/12621/smaps_rollup');
const KIB = 1024;

describe('parseSmapsRollup', () => {
  it('reads the clean shared file pages of the mmap reader (run2)', () => {
    const { data, diagnostics } = parseSmapsRollup(real('05_mmap/run2_file_fsynced_clean/proc_pid_smaps_rollup.txt'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data['Shared_Clean']).toBe(2102792 * KIB);
    expect(data['Shared_Dirty']).toBe(0);
    expect(data['Rss']).toBe(2106392 * KIB);
    expect(data['Pss']).toBe(179869 * KIB);
    expect(Object.keys(data)).toHaveLength(22);
  });

  it('reads the dirty shared pages of run1', () => {
    const { data } = parseSmapsRollup(real('05_mmap/run1_file_freshly_written_dirty/proc_pid_smaps_rollup.txt'), ctx);
    expect(data['Shared_Dirty']).toBe(2097152 * KIB);
    expect(data['Pss_Dirty']).toBe(178366 * KIB);
  });

  it('reads Pss_Shmem of the SysV attacher', () => {
    const { data } = parseSmapsRollup(real('04_shm_tmpfs/A_sysv_only/attacher_proc_pid_smaps_rollup.txt'), ctx);
    expect(data['Pss_Shmem']).toBe(65536 * KIB);
  });

  it('follows the v1 leaker sample by sample', () => {
    const samples = real('02_oom_memcg/v1_single_leaker/proc_pid_smaps_rollup.samples.txt').split(/^=== .*\n/m).slice(1);
    const rss = samples.map((s) => parseSmapsRollup(s, ctx).data['Rss']! / KIB);
    expect(rss[0]).toBe(8160);
    expect(rss[2]).toBe(11440);
    expect(rss[13]).toBe(64940);
  });

  it('reads this process from /proc/self/smaps_rollup', () => {
    const { data, diagnostics } = parseSmapsRollup(readFileSync('/proc/self/smaps_rollup', 'utf8'), ctx);
    expect(diagnostics).toEqual([]);
    expect(data['Rss']).toBeGreaterThan(0);
  });

  it('reports a bad line and keeps the others', () => {
    const { data, diagnostics } = parseSmapsRollup('Rss: 4 kB\nPss: x kB\nSwap: 8 kB\n', parseContext('s', 5));
    expect(data).toEqual({ Rss: 4 * KIB, Swap: 8 * KIB });
    expect(diagnostics.map((d) => d.line)).toEqual([6]);
  });

  it('reads every line as the line reader and the range regex it replaces would', () => {
    // The reading before the in-place scan: a string per line, a regex for the range line.
    const lineReading = (text: string) => {
      const data: Record<string, number> = {};
      const bad: number[] = [];
      forEachLine(text, (line, i) => {
        if (line.trim() === '' || /^[0-9a-f]+-[0-9a-f]+\s/.test(line)) return;
        const q = parseKeyValueKb(line);
        if (q === null || q.unit !== 'bytes') bad.push(i);
        else data[q.key] = q.value;
      });
      return { data, bad };
    };
    const line = fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom('Rss', 'Pss', 'Pss_Anon', 'Swap', 'Rss', '_x', '9a', 'Pss Dirty', ''), fc.constantFrom(':', ': ', ':\t', ' : ', ''),
        fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '+2', '1e3', '12345678901234567890', '')), fc.constantFrom(' kB', ' kB ', '', ' MB', ' kB\r'))
        .map((parts) => parts.join('')), weight: 6 },
      fc.constantFrom('00400000-7ffd56d57000 ---p 00000000 00:00 0 [rollup]', 'abc-def\t[rollup]', 'ABC-DEF x', '0-1', '12-', '', '  ', '\r', 'x-y z'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, newlineAtEnd) => {
        const text = lines.join('\n') + (newlineAtEnd ? '\n' : '');
        const { data, diagnostics } = parseSmapsRollup(text, ctx);
        const expected = lineReading(text);
        expect(data).toEqual(expected.data);
        expect(diagnostics.map((d) => d.line)).toEqual(expected.bad.map((i) => ctx.firstLine + i));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('never throws on arbitrary input', () => {
    const lines = real('05_mmap/run2_file_fsynced_clean/proc_pid_smaps_rollup.txt').split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseSmapsRollup(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
