/**
 * The line helpers and the procs row reader scan characters instead of running regexes (they
 * read every line of a week of series). These properties hold them to the regex definitions they
 * replaced, on strings made of exactly the characters those definitions care about.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProcsTable } from '../../src/parsers/procs-table.js';
import {
  isBlank, KeyLayout, keyValueKbLine, parseDecimal, parseKeyedValues, parseKeyValueKb, parseNameNumbers, scanKeyedLines, splitFields, splitLines,
} from '../../src/parsers/text-lines.js';
import { kitContext } from './parser-kit.js';

const KEY_PATTERN = /^[A-Za-z_][\w().-]*$/;
const reference = {
  splitLines: (text: string) => {
    if (text === '') return [];
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  },
  splitFields: (line: string) => (line.trim() === '' ? [] : line.trim().split(/\s+/)),
  parseDecimal: (text: string) => (/^[-+]?\d+$/.test(text) ? Number(text) : null),
  parseNameNumber(line: string) {
    const fields = reference.splitFields(line);
    if (fields.length !== 2 || !KEY_PATTERN.test(fields[0]!)) return null;
    const value = reference.parseDecimal(fields[1]!);
    return value === null ? null : { key: fields[0], value };
  },
  parseKeyValueKb(line: string) {
    const at = line.indexOf(':');
    if (at < 0) return null;
    const key = line.slice(0, at).trim();
    if (!KEY_PATTERN.test(key)) return null;
    const fields = reference.splitFields(line.slice(at + 1));
    const n = fields.length === 1 || (fields.length === 2 && fields[1] === 'kB') ? reference.parseDecimal(fields[0]!) : null;
    if (n === null) return null;
    return fields.length === 2 ? { key, value: n * 1024, unit: 'bytes' } : { key, value: n, unit: 'count' };
  },
  procsRow(line: string) {
    const m = /^\s*(\d+)\s+(\d+)\s+(?:(.*?)\s+)?(\d+)\s+(\d+)\s+(-?\d+)\s*$/s.exec(line);
    if (!m) return null;
    const [, pid, ppid, comm = '', rss, swap, adj] = m;
    return { pid: Number(pid), ppid: Number(ppid), comm, rssBytes: Number(rss) * 1024, swapBytes: Number(swap) * 1024, oomScoreAdj: Number(adj) };
  },
};

const pieces = ['0', '7', '42', '-', '+', 'a', 'Z', '_', '(', ')', '.', ':', 'kB', 'k', ' ', '  ', '\t', '\r', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', 'é', 'x'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));
const line = text.map((t) => t.replace(/\n/g, ''));
const runs = { numRuns: 3000 };
const keyed = fc.tuple(fc.constantFrom('', ' ', 'nr_x', 'Active(anon)', '9a', 'a b'), line).map(([k, rest]) => k + rest);
/** Several such lines, some of them repeating a name, some blank or with CRLF. */
const keyedText = fc.array(fc.oneof(keyed, fc.constantFrom('nr_x 1', 'nr_y 2', '', ' \r')), { maxLength: 8 }).map((ls) => ls.join('\n'));

describe('character scans match the regexes they replaced', () => {
  it('splitLines, splitFields, isBlank, parseDecimal', () => {
    fc.assert(fc.property(text, (t) => { expect(splitLines(t)).toEqual(reference.splitLines(t)); }), runs);
    fc.assert(fc.property(line, (l) => {
      expect(splitFields(l)).toEqual(reference.splitFields(l));
      expect(isBlank(l)).toBe(l.trim() === '');
      expect(parseDecimal(l)).toEqual(reference.parseDecimal(l));
    }), runs);
  });

  it('parseKeyValueKb', () => {
    fc.assert(fc.property(keyed, (l) => { expect(parseKeyValueKb(l)).toEqual(reference.parseKeyValueKb(l)); }), runs);
  });

  it('parseNameNumbers reads a whole text as parseKeyedValues does with the regex line reader', () => {
    const ctx = kitContext();
    fc.assert(fc.property(keyedText, (t) => {
      expect(parseNameNumbers(t, ctx)).toEqual(parseKeyedValues(t, ctx, reference.parseNameNumber, '"name <integer>"'));
    }), runs);
  });

  it('scanKeyedLines with keyValueKbLine reads a whole text as parseKeyedValues does with the regex line reader', () => {
    const ctx = kitContext();
    const kbText = fc.array(fc.oneof(keyed, fc.constantFrom('Rss: 4 kB', 'Rss:  8 kB', 'HugePages_Total: 0', 'x: 1 MB')), { maxLength: 8 }).map((ls) => ls.join('\n'));
    fc.assert(fc.property(kbText, (t) => {
      expect(scanKeyedLines(t, ctx, keyValueKbLine, 'a kB line')).toEqual(parseKeyedValues(t, ctx, reference.parseKeyValueKb, 'a kB line'));
    }), runs);
  });

  it('a KeyLayout carried from text to text changes no result', () => {
    const ctx = kitContext();
    fc.assert(fc.property(fc.array(keyedText, { minLength: 1, maxLength: 4 }), (texts) => {
      const layout = new KeyLayout();
      for (const t of texts) expect(parseNameNumbers(t, ctx, undefined, layout)).toEqual(parseNameNumbers(t, ctx));
    }), runs);
  });

  it('parseNameNumbers with keep: the kept names only, and every malformed line still reported', () => {
    const ctx = kitContext();
    const keep = (name: string) => name !== 'nr_x';
    fc.assert(fc.property(keyedText, (t) => {
      const full = parseNameNumbers(t, ctx);
      const kept = parseNameNumbers(t, ctx, keep);
      expect(kept.data).toEqual(Object.fromEntries(Object.entries(full.data).filter(([k]) => keep(k))));
      expect(kept.diagnostics).toEqual(full.diagnostics.filter((d) => !d.message.startsWith('nr_x repeated')));
    }), runs);
  });

  it('procs rows', () => {
    const row = fc.tuple(fc.constantFrom('1 0 ', ' 12 3\t', '4 ', ''), line, fc.constantFrom(' 5 6 7', ' 5 6 -7', '5 6', ' 1 2 3 \r', '')).map(([a, b, c]) => a + b + c);
    fc.assert(fc.property(row, (l) => {
      const header = 'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ\n';
      const expected = reference.procsRow(l);
      expect(parseProcsTable(header + l, kitContext()).data).toEqual(expected && l.trim() !== '' ? [expected] : []);
    }), runs);
  });
});
