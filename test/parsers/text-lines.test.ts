import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import {
  decodeOctalEscapes, locateColumns, parseDecimal, parseDecimalFraction, parseKeyedValues, parseKeyValueKb,
  parseLineRecords, parseNameNumbers, splitFields, splitKeyValue, splitLines,
} from '../../src/parsers/text-lines.js';
import { PROPERTY_RUNS } from './parser-kit.js';

describe('splitLines', () => {
  it('drops the terminators and only the one empty line a final newline makes', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb')).toEqual(['a', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('\n')).toEqual(['']);
  });

  it('joining the lines back gives the text, minus CRs and one final newline (fixed seed)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '\u0000') }), (text) => {
      const normalised = text.replaceAll('\r\n', '\n');
      expect(splitLines(text).join('\n')).toBe(normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised);
    }), PROPERTY_RUNS);
  });
});

describe('field and number helpers', () => {
  it('splitFields splits on runs of blanks and tabs', () => {
    expect(splitFields('  Filename\t\t\t\tType  ')).toEqual(['Filename', 'Type']);
    expect(splitFields(' \t ')).toEqual([]);
  });

  it('parseDecimal takes what the kernel prints and nothing Number() would also take', () => {
    expect(['0', '-2', '+5', '24684084'].map(parseDecimal)).toEqual([0, -2, 5, 24684084]);
    expect(['', ' 1', '0x1f', '1e3', '1.5', '-', '12a'].map(parseDecimal)).toEqual(Array(7).fill(null));
    expect(parseDecimal('18446744073709551615')).toBe(18446744073709551615);
  });

  it('parseDecimalFraction reads PSI averages', () => {
    expect(['0.00', '12.5', '7'].map(parseDecimalFraction)).toEqual([0, 12.5, 7]);
    expect(['.5', '1.', '1,5'].map(parseDecimalFraction)).toEqual([null, null, null]);
  });

  it('splitKeyValue splits at the first separator only', () => {
    expect(splitKeyValue('Name:\tpython3: worker')).toEqual({ key: 'Name', value: 'python3: worker' });
    expect(splitKeyValue('vm.swappiness = 60', '=')).toEqual({ key: 'vm.swappiness', value: '60' });
    expect(splitKeyValue(': 5')).toBeNull();
    expect(splitKeyValue('no separator')).toBeNull();
  });

  it('parseKeyValueKb: kB → bytes, unitless → count, anything else → null', () => {
    expect(parseKeyValueKb('MemTotal:       24684084 kB')).toEqual({ key: 'MemTotal', value: 24684084 * 1024, unit: 'bytes' });
    expect(parseKeyValueKb('Active(anon):       1520 kB')).toEqual({ key: 'Active(anon)', value: 1520 * 1024, unit: 'bytes' });
    expect(parseKeyValueKb('HugePages_Total:       0')).toEqual({ key: 'HugePages_Total', value: 0, unit: 'count' });
    for (const bad of ['MemTotal: 12 MB', 'MemTotal:', 'MemTotal: kB', 'Mem Total: 1 kB', '\u0000: 1 kB', 'MemTotal: 1 kB extra']) {
      expect(parseKeyValueKb(bad)).toBeNull();
    }
  });

  it('parseNameNumbers: exactly a name and an integer per line', () => {
    const { data, diagnostics } = parseNameNumbers('nr_free_pages 1128650\nnr_free_pages\na b c\n9lives 3\n', parseContext('proc/vmstat', 1));
    expect(data).toEqual({ nr_free_pages: 1128650 });
    expect(diagnostics.map((d) => d.line)).toEqual([2, 3, 4]);
  });

  it('decodeOctalEscapes undoes the kernel\'s \\040, \\011, \\012 and \\134 only', () => {
    expect(decodeOctalEscapes('/tmp/swap\\040file\\011x\\012y\\134z')).toBe('/tmp/swap file\tx\ny\\z');
    expect(decodeOctalEscapes('/tmp/\\04x')).toBe('/tmp/\\04x');
  });

  it('locateColumns finds each column under any of its names, or gives up', () => {
    const wanted = { name: ['Filename', 'NAME'], size: ['Size', 'SIZE'] };
    expect(locateColumns(['NAME', 'TYPE', 'SIZE'], wanted)).toEqual({ name: 0, size: 2 });
    expect(locateColumns(['NAME', 'TYPE'], wanted)).toBeNull();
  });
});

describe('whole-text readers', () => {
  const ctx = parseContext('proc/x', 10);

  it('parseLineRecords keeps each line\'s index and reports rejected lines with the expected shape', () => {
    const { records, diagnostics } = parseLineRecords('1\n\nx\n3', ctx, parseDecimal, 'a number');
    expect(records).toEqual([{ index: 0, record: 1 }, { index: 3, record: 3 }]);
    expect(diagnostics).toEqual([{ source: 'proc/x', line: 12, severity: 'warning', message: 'expected a number, got "x"' }]);
  });

  it('parseKeyedValues: later repeat wins with a warning, diagnostics in line order, __proto__ is a plain key', () => {
    const { data, diagnostics } = parseKeyedValues('a 1\nbad\na 2\n__proto__ 3\nworse', ctx, (l) => splitKeyValue(l, ' '), '"name value"');
    expect(data).toEqual({ a: '2', ['__proto__']: '3' });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(diagnostics.map((d) => d.line)).toEqual([11, 12, 14]);
  });
});
