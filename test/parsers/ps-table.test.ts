import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parsePsTable } from '../../src/parsers/ps-table.js';

const real = (path: string) => readFileSync(new URL(`../../../shared/fixtures/real/${path}`, import.meta.url), 'utf8');
const ctx = parseContext('commands/ps');
const KIB = 1024;

describe('parsePsTable on real ps output', () => {
  it('reads the baseline listing (comm and args both headed COMMAND)', () => {
    const { data, diagnostics } = parsePsTable(real('01_baseline/ps_sorted_rss_head40.txt'), ctx);
    expect(data).toHaveLength(39);
    expect(data[0]).toEqual({ pid: 1, ppid: 0, comm: 'process_api', rssBytes: 11592 * KIB, swapBytes: 0, oomScoreAdj: 0 });
    expect(data[1]?.comm).toBe('ps');
    expect(data.find((r) => r.pid === 10483)?.comm).toBe('memfd:sealed-91');
    // 15-character comms overflow procps' 14-column comm by one.
    expect(data.find((r) => r.pid === 4)?.comm).toBe('kworker/R-rcu_g');
    expect(diagnostics.map((d) => d.severity)).toEqual(['info']);
  });

  it('reads the three mmap readers, whose RSS overflows its column', () => {
    const { data, diagnostics } = parsePsTable(real('05_mmap/run2_file_fsynced_clean/ps_three_readers.txt'), ctx);
    expect(data.map((r) => [r.pid, r.comm, r.rssBytes / KIB])).toEqual([
      [12621, 'python3', 2106392],
      [12623, 'python3', 2106396],
      [12625, 'python3', 2106412],
    ]);
    // No OOMADJ column there, and ps never shows swap: two info diagnostics, values 0.
    expect(diagnostics.map((d) => d.severity)).toEqual(['info', 'info']);
    expect(data.every((r) => r.oomScoreAdj === 0)).toBe(true);
  });
});

describe('parsePsTable on a live process with a hostile comm', () => {
  // 15 bytes of comm: spaces, parentheses, quotes, markup, then half of a UTF-8 'é' (invalid).
  const title = 'We (b) "q" <i>é rest';
  let child: ChildProcess;
  beforeAll(async () => {
    child = spawn(process.execPath, ['-e', `process.title = ${JSON.stringify(title)}; console.log('ready'); setInterval(() => {}, 1000)`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await once(child.stdout!, 'data');
  });
  afterAll(() => void child.kill());

  it('keeps the comm whole next to its args', () => {
    const output = execFileSync('ps', ['-o', 'pid,ppid,rss,oomadj,comm,args', '-p', String(child.pid)], { encoding: 'utf8' });
    const { data } = parsePsTable(output, ctx);
    // procps prints the invalid byte as '?'.
    expect(data).toEqual([{ pid: child.pid, ppid: process.pid, comm: 'We (b) "q" <i>?', rssBytes: expect.any(Number), swapBytes: 0, oomScoreAdj: 0 }]);
    expect(data[0]!.rssBytes).toBeGreaterThan(0);
  });

  const psOf = (...args: string[]) => parsePsTable(execFileSync('ps', [...args, '-p', String(child.pid)], { encoding: 'utf8' }), ctx);

  it('keeps the comm when it is the last column', () => {
    expect(psOf('-o', 'pid,comm').data[0]?.comm).toBe('We (b) "q" <i>?');
  });

  it('keeps the comm before one-word columns (sosreport\'s ps axo ...,comm,cgroup)', () => {
    const output = execFileSync('ps', ['axo', 'pid,ppid,user,group,lwp,nlwp,start_time,comm,cgroup'], { encoding: 'utf8' });
    const { data, diagnostics } = parsePsTable(output, ctx);
    expect(data.find((r) => r.pid === child.pid)).toMatchObject({ ppid: process.pid, comm: 'We (b) "q" <i>?' });
    expect(data.find((r) => r.pid === 1)?.comm).not.toContain(' ');
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('takes the args as the comm in the BSD user format (sosreport\'s ps auxwww)', () => {
    const { data, diagnostics } = psOf('uwww');
    expect(data).toEqual([expect.objectContaining({ pid: child.pid, ppid: 0, comm: title })]);
    expect(diagnostics.map((d) => d.message)).toContain('ps header has no OOMADJ/OOM_SCORE_ADJ column; oomScoreAdj read as 0');
  });
});

describe('parsePsTable on damaged input', () => {
  it('skips a row with a non-numeric PID, with its line number', () => {
    const { data, diagnostics } = parsePsTable('  PID   RSS COMMAND\n    1   100 init\n    x   100 bad\n', parseContext('ps', 1));
    expect(data.map((r) => r.comm)).toEqual(['init']);
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line)).toEqual([3]);
  });

  it('refuses a header without PID', () => {
    const { data, diagnostics } = parsePsTable('USER COMMAND\nroot init\n', ctx);
    expect(data).toEqual([]);
    expect(diagnostics[0]?.severity).toBe('error');
  });

  it('never throws on arbitrary input', () => {
    const lines = real('01_baseline/ps_sorted_rss_head40.txt').split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parsePsTable(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
