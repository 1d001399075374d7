import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import type { ProcRow } from '../../src/model/sources.js';
import { parseProcsTable } from '../../src/parsers/procs-table.js';

const HEADER = 'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ';
const ctx = parseContext('series/procs', 120);
const KIB = 1024;

/** This machine's processes, read from /proc the way the collector does; null if one exits meanwhile. */
function liveRow(pid: string): ProcRow | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return {
      pid: Number(pid),
      ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]),
      comm: readFileSync(`/proc/${pid}/comm`, 'utf8').replace(/\n$/, ''),
      rssBytes: kb('VmRSS') * KIB,
      swapBytes: kb('VmSwap') * KIB,
      oomScoreAdj: Number(readFileSync(`/proc/${pid}/oom_score_adj`, 'utf8')),
    };
  } catch {
    return null;
  }
}

const recordOf = (rows: ProcRow[]) =>
  [HEADER, ...rows.map((r) => `${r.pid} ${r.ppid} ${r.comm} ${r.rssBytes / KIB} ${r.swapBytes / KIB} ${r.oomScoreAdj}`)].join('\n');

describe('parseProcsTable', () => {
  it('reads back a record built from every process of this machine', () => {
    const rows = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(liveRow).filter((r) => r !== null);
    expect(rows.length).toBeGreaterThan(5);
    const { data, diagnostics } = parseProcsTable(`${recordOf(rows)}\n`, ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual(rows);
    expect(data.find((r) => r.pid === process.pid)?.rssBytes).toBeGreaterThan(0);
  });

  it('keeps comms with spaces, digits, parentheses, quotes, markup and replacement characters', () => {
    const text = [
      HEADER,
      '4242 1 Web Content 310000 12 200',
      '17 2 a 12 0 0 0',
      '900 1 (sd-pam) 4 0 -1000',
      '901 1 x "y" \'z\' 8 0 0',
      '902 1 <img src=x onerror=alert(1)> 16 0 0',
      '903 1 \uFFFD\uFFFDbin 32 0 0',
      '904 1  64 0 0',
    ].join('\n');
    const { data, diagnostics } = parseProcsTable(text, ctx);
    expect(diagnostics).toEqual([]);
    expect(data.map((r) => r.comm)).toEqual(['Web Content', 'a 12', '(sd-pam)', 'x "y" \'z\'', '<img src=x onerror=alert(1)>', '\uFFFD\uFFFDbin', '']);
    expect(data[0]).toEqual({ pid: 4242, ppid: 1, comm: 'Web Content', rssBytes: 310000 * KIB, swapBytes: 12 * KIB, oomScoreAdj: 200 });
    expect(data[2]?.oomScoreAdj).toBe(-1000);
  });

  it('reports a short row and a wrong header with their line numbers', () => {
    const { data, diagnostics } = parseProcsTable('PID COMM RSS\n1 0 init 10 0 0\n2 0 kthreadd 0\n', ctx);
    expect(data.map((r) => r.pid)).toEqual([1]);
    expect(diagnostics.map((d) => d.line)).toEqual([120, 122]);
  });

  it('reads a record without its header, and says so', () => {
    const { data, diagnostics } = parseProcsTable('1 0 init 10 0 0\n', ctx);
    expect(data.map((r) => r.comm)).toEqual(['init']);
    expect(diagnostics).toHaveLength(1);
  });

  it('round-trips any comm that has no newline and no whitespace at its ends', () => {
    const comm = fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => !s.includes('\n') && !/^\s|\s$/.test(s));
    fc.assert(
      fc.property(comm, fc.nat(), fc.integer({ min: -1000, max: 1000 }), (name, rssKb, adj) => {
        const { data } = parseProcsTable(`${HEADER}\n7 1 ${name} ${rssKb} 0 ${adj}`, ctx);
        expect(data).toEqual([{ pid: 7, ppid: 1, comm: name, rssBytes: rssKb * KIB, swapBytes: 0, oomScoreAdj: adj }]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reads every row as the regex it replaces would, signs, blanks and Unicode spaces included', () => {
    const ROW = /^\s*(\d+)\s+(\d+)\s+(?:(.*?)\s+)?(\d+)\s+(\d+)\s+(-?\d+)\s*$/s;
    const regexReading = (line: string) => {
      const m = ROW.exec(line);
      return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), comm: m[3] ?? '', rssBytes: Number(m[4]) * KIB, swapBytes: Number(m[5]) * KIB, oomScoreAdj: Number(m[6]) }] : [];
    };
    const blank = fc.oneof({ arbitrary: fc.constant(' '), weight: 6 }, fc.constantFrom('  ', '\t', '\u00a0', '\u3000', ''));
    const token = fc.oneof({ arbitrary: fc.nat().map(String), weight: 6 }, fc.constantFrom('-1000', '+5', '-', '007', '123456789012345678901', '9'.repeat(400), `-${'9'.repeat(400)}`, 'Web', '(sd-pam)', '\r', 'a\u2028b'));
    const row = fc.array(fc.tuple(blank, token), { minLength: 3, maxLength: 9 }).map((parts) => parts.map(([b, t]) => `${b}${t}`).join(''));
    let read = 0;
    fc.assert(
      fc.property(row, (line) => {
        const expected = regexReading(line);
        read += expected.length;
        expect(parseProcsTable(`${HEADER}\n${line}`, ctx).data).toEqual(expected);
      }),
      { seed: 42, numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => void parseProcsTable(t, ctx)), { seed: 42, numRuns: 200 });
  });
});
