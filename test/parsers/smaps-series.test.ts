import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSmapsRollupRecord } from '../../src/parsers/smaps-series.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const KIB = 1024;

describe('parseSmapsRollupRecord', () => {
  // A record in the layout v1 shape around real smaps_rollup files; the second comm has a space.
  const attacher = real('04_shm_tmpfs/A_sysv_only/attacher_proc_pid_smaps_rollup.txt');
  const reader = real('05_mmap/run2_file_fsynced_clean/proc_pid_smaps_rollup.txt');
  const record = `--- pid 12380 python3\n${attacher}--- pid 12621 Web (Content)\n${reader}--- pid 99 exited\n`;

  it('splits the record per process and reads each rollup in bytes', () => {
    const { data, diagnostics } = parseSmapsRollupRecord(record, parseContext('series/smaps_rollup', 2));
    expect(data.map((e) => [e.pid, e.comm])).toEqual([
      [12380, 'python3'],
      [12621, 'Web (Content)'],
    ]);
    expect(data[0]?.rollup['Pss_Shmem']).toBe(65536 * KIB);
    expect(data[1]?.rollup['Shared_Clean']).toBe(2102792 * KIB);
    // The exited process is skipped, at its header line (the 49th line of the record).
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'info', line: 2 + 48 })]);
  });

  it('reads a record built from this process', () => {
    const comm = readFileSync('/proc/self/comm', 'utf8').trimEnd();
    const { data, diagnostics } = parseSmapsRollupRecord(`--- pid ${process.pid} ${comm}\n${readFileSync('/proc/self/smaps_rollup', 'utf8')}`, parseContext('s'));
    expect(diagnostics).toEqual([]);
    expect(data[0]).toMatchObject({ pid: process.pid, comm });
    expect(data[0]?.rollup['Rss']).toBeGreaterThan(0);
  });

  it('names the file line of a bad content line and of stray lines', () => {
    const { data, diagnostics } = parseSmapsRollupRecord('stray\n--- pid 1 init\nRss: 4 kB\nbad line\n--- pid x\n', parseContext('s', 10));
    expect(data).toEqual([{ pid: 1, comm: 'init', rollup: { Rss: 4 * KIB } }]);
    expect(diagnostics.map((d) => d.line).sort()).toEqual([10, 13, 14]);
  });

  it('never throws on arbitrary input', () => {
    const lines = record.split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseSmapsRollupRecord(t, parseContext('s'))), { seed: 42, numRuns: 200 });
  });
});
