import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSadfCsv } from '../../src/parsers/sadf-csv.js';

const fixture = (name: string) => new URL(`../../../shared/fixtures/real/06_sysstat/${name}`, import.meta.url);
const csv = readFileSync(fixture('sadf_d_r_S_W_B.csv'), 'utf8');
const ctx = parseContext('commands/sadf');
const FIRST = Date.parse('2026-11-26T14:56:02Z') / 1000;

const hasSadf = (() => {
  try {
    execFileSync('sadf', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const sadf = (...args: string[]) => execFileSync('sadf', [...args, fileURLToPath(fixture('sa.bin')), '--', '-r'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

describe('parseSadfCsv', () => {
  it('merges the four sections into one row per 10 s interval', () => {
    const { data, diagnostics } = parseSadfCsv(csv, ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toHaveLength(17);
    expect(data.map((r) => r.time)).toEqual(Array.from({ length: 17 }, (_, i) => FIRST + 10 * i));
    expect(data[0]).toMatchObject({ host: 'vm', intervalS: 10 });
    // -W 2 columns, -B 9, -r 11, -S 5.
    expect(Object.keys(data[0]!.values)).toHaveLength(27);
    expect(data[0]!.values).toMatchObject({ 'pswpin/s': 0, 'pgpgin/s': 4, 'fault/s': 57.4, kbmemfree: 24241560, '%memused': 0.28, kbswpfree: 0 });
  });

  it('agrees with sadf -j on every kbmemfree', () => {
    const json = JSON.parse(readFileSync(fixture('sadf_j_r.json'), 'utf8')) as {
      sysstat: { hosts: { statistics: { memory: { memfree: number } }[] }[] };
    };
    const memfree = json.sysstat.hosts[0]!.statistics.map((s) => s.memory.memfree);
    expect(parseSadfCsv(csv, ctx).data.map((r) => r.values['kbmemfree'])).toEqual(memfree);
  });

  it.skipIf(!hasSadf)('reads live sadf -U (epoch) and -t (no zone, said once) output of the same file', () => {
    const epoch = parseSadfCsv(sadf('-d', '-U'), ctx);
    expect(epoch.diagnostics).toEqual([]);
    expect(epoch.data[0]?.time).toBe(FIRST);
    const local = parseSadfCsv(sadf('-d', '-t'), ctx);
    expect(local.data.map((r) => r.time)).toEqual(epoch.data.map((r) => r.time));
    expect(local.diagnostics).toHaveLength(1);
  });

  it('skips reboot markers, rows outside a section and reports a non-numeric column once', () => {
    const text = [
      'vm;10;2026-11-26 14:56:02 UTC;1',
      '# hostname;interval;timestamp;kbmemfree;DEV',
      'vm;-1;2026-11-26 14:55:52 UTC;LINUX-RESTART\t(2 CPU)',
      'vm;10;2026-11-26 14:56:02 UTC;12,5;sda',
      'vm;10;2026-11-26 14:56:12 UTC;13;sdb',
    ].join('\n');
    const { data, diagnostics } = parseSadfCsv(text, ctx);
    expect(data.map((r) => r.values)).toEqual([{ kbmemfree: 12.5 }, { kbmemfree: 13 }]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[1, 'warning'], [3, 'info'], [4, 'warning']]);
  });

  it('never throws on arbitrary input', () => {
    const lines = csv.split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseSadfCsv(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
