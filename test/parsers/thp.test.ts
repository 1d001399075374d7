import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseThpSetting } from '../../src/parsers/thp.js';
import { expectToleratesArbitraryText, PROPERTY_RUNS, readRealFixture } from './parser-kit.js';

const ctx = parseContext('sys/kernel/mm/transparent_hugepage/enabled');
const enabled = readRealFixture('01_baseline/thp_enabled.txt');
const defrag = readRealFixture('01_baseline/thp_defrag.txt');

describe('parseThpSetting on the real baseline', () => {
  it('enabled: madvise in force of three', () => {
    expect(parseThpSetting(enabled, ctx)).toEqual({ data: { selected: 'madvise', options: ['always', 'madvise', 'never'] }, diagnostics: [] });
  });
  it('defrag: madvise in force of five, defer+madvise kept whole', () => {
    expect(parseThpSetting(defrag, ctx)).toEqual({
      data: { selected: 'madvise', options: ['always', 'defer', 'defer+madvise', 'madvise', 'never'] },
      diagnostics: [],
    });
  });
});

describe('parseThpSetting edge cases', () => {
  it('empty text: nothing known, one file warning', () => {
    expect(parseThpSetting('', ctx)).toEqual({
      data: { selected: null, options: [] },
      diagnostics: [{ source: ctx.source, severity: 'warning', message: 'empty: no THP setting' }],
    });
  });

  it('cut inside the brackets: the options read so far, no selection, both reported', () => {
    const { data, diagnostics } = parseThpSetting('always [madv', parseContext(ctx.source, 4));
    expect(data).toEqual({ selected: null, options: ['always'] });
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [4, 'expected a THP option like "madvise" or "[madvise]", got "[madv"'],
      [4, 'no option in brackets: the setting in force is unknown'],
    ]);
  });

  it('two bracketed options keep the first; extra lines and binary words are reported', () => {
    const { data, diagnostics } = parseThpSetting('\n[always] \u0000 [never]\nmadvise\n', ctx);
    expect(data).toEqual({ selected: 'always', options: ['always', 'never'] });
    expect(diagnostics.map((d) => d.line)).toEqual([2, 2, 3]);
  });
});

describe('parseThpSetting properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseThpSetting, enabled + defrag);
  });

  it('any option list with one bracketed choice reads back exactly', () => {
    const option = fc.stringMatching(/^[a-z][a-z+_-]{0,11}$/);
    fc.assert(fc.property(fc.array(option, { minLength: 1, maxLength: 6 }), fc.nat(), (options, pick) => {
      const chosen = pick % options.length;
      const text = `${options.map((o, i) => (i === chosen ? `[${o}]` : o)).join(' ')}\n`;
      expect(parseThpSetting(text, ctx)).toEqual({ data: { selected: options[chosen], options }, diagnostics: [] });
    }), PROPERTY_RUNS);
  });
});
