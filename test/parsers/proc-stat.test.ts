import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseProcStat } from '../../src/parsers/proc-stat.js';
import { expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/stat');
const baseline = readRealFixture('01_baseline/proc_stat.txt');

describe('parseProcStat on real captures', () => {
  it('reads btime from the full baseline /proc/stat', () => {
    expect(parseProcStat(baseline, ctx)).toEqual({ data: { bootTime: 1795703978 }, diagnostics: [] });
  });

  it('every OOM variant saw the same boot (their one-line btime captures)', () => {
    const variants = readdirSync(new URL('../../../shared/fixtures/real/02_oom_memcg/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => parseProcStat(readRealFixture(`02_oom_memcg/${entry.name}/proc_stat_btime.txt`), ctx));
    expect(variants).toHaveLength(5);
    expect(variants).toEqual(Array(5).fill({ data: { bootTime: 1795703978 }, diagnostics: [] }));
  });
});

describe('parseProcStat edge cases', () => {
  it('empty text or no btime line: null with one file warning', () => {
    for (const text of ['', 'cpu  2739 0 2022 123641 174 0 45 7 0 0\nctxt 553623\n']) {
      expect(parseProcStat(text, ctx)).toEqual({
        data: { bootTime: null },
        diagnostics: [{ source: 'proc/stat', severity: 'warning', message: 'no btime line: uptime stamps cannot be put on the wall clock from this file' }],
      });
    }
  });

  it('a btime line cut short, negative or with extra words is reported on its line, not guessed', () => {
    for (const line of ['btime', 'btime 17957x', 'btime -5', 'btime 1795703978 1']) {
      const { data, diagnostics } = parseProcStat(`ctxt 553623\n${line}\nprocesses 11070`, parseContext('proc/stat', 7));
      expect(data.bootTime).toBeNull();
      expect(diagnostics.map((d) => d.line)).toEqual([8]);
    }
  });

  it('a repeated btime: the later wins, with a warning; binary lines elsewhere are not read', () => {
    const { data, diagnostics } = parseProcStat('btime 1\n\u0000\u0001garbage\nbtime 1795703978\n', ctx);
    expect(data.bootTime).toBe(1795703978);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'btime repeated; the later value wins']]);
  });
});

describe('parseProcStat properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseProcStat, baseline);
  });
});
