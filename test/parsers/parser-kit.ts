/**
 * Shared test kit for the text parsers: real fixtures from ../shared (beside the repo root) and
 * the two fast-check properties every parser must hold, run with a fixed seed so failures replay.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseContext, type ParseContext, type Parsed } from '../../src/model/diagnostic.js';

const REAL_FIXTURES = new URL('../../../shared/fixtures/real/', import.meta.url);

export function readRealFixture(relativePath: string): string {
  return readFileSync(new URL(relativePath, REAL_FIXTURES), 'utf8');
}

export type TextParser<T> = (text: string, ctx: ParseContext) => Parsed<T>;

export const PROPERTY_RUNS = { seed: 42, numRuns: 200 } as const;

/** Not 1, so a parser that forgets ctx.firstLine reports the wrong lines. */
export const KIT_FIRST_LINE = 11;
export const KIT_SOURCE = 'bundle/some-artifact';

export function kitContext(pageSizeBytes = 4096): ParseContext {
  return parseContext(KIT_SOURCE, KIT_FIRST_LINE, pageSizeBytes);
}

/** Text made of real lines, truncated real lines and arbitrary (binary) strings, or one arbitrary string. */
function arbitraryTextAround(realText: string): fc.Arbitrary<string> {
  const realLines = realText.split('\n');
  const realLine = fc.constantFrom(...realLines);
  const truncatedRealLine = fc.tuple(realLine, fc.nat()).map(([line, cut]) => line.slice(0, cut % (line.length + 1)));
  const binary = fc.string({ unit: 'binary' });
  const line = fc.oneof(realLine, truncatedRealLine, binary);
  const lineBreak = fc.constantFrom('\n', '\r\n');
  const joinedLines = fc.array(fc.tuple(line, lineBreak), { maxLength: 40 })
    .map((parts) => parts.map(([text, end]) => text + end).join(''));
  return fc.oneof(binary, joinedLines);
}

/** Arbitrary text never throws, and every diagnostic names ctx.source and a line inside the text. */
export function expectToleratesArbitraryText<T>(parse: TextParser<T>, realText: string): void {
  fc.assert(
    fc.property(arbitraryTextAround(realText), (text) => {
      const { diagnostics } = parse(text, kitContext());
      const lastLine = KIT_FIRST_LINE + text.split('\n').length - 1;
      for (const diagnostic of diagnostics) {
        expect(diagnostic.source).toBe(KIT_SOURCE);
        if (diagnostic.line === undefined) continue;
        expect(diagnostic.line).toBeGreaterThanOrEqual(KIT_FIRST_LINE);
        expect(diagnostic.line).toBeLessThanOrEqual(lastLine);
      }
    }),
    PROPERTY_RUNS,
  );
}

/** Lines no format of ours accepts: no whitespace, no digit, no separator. */
const garbageLine = fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\ufffd', 'x', '~'), minLength: 1 });

/**
 * One garbage line inserted anywhere in a clean real text gives exactly one diagnostic, on that
 * line, and the same data as the clean text: a bad line never costs its neighbours.
 */
export function expectGarbageLineIsolated<T>(parse: TextParser<T>, cleanText: string): void {
  const clean = parse(cleanText, kitContext());
  expect(clean.diagnostics).toEqual([]);
  const lines = cleanText.split('\n');
  const lastInsertAt = cleanText.endsWith('\n') ? lines.length - 1 : lines.length;
  fc.assert(
    fc.property(fc.nat({ max: lastInsertAt }), garbageLine, (insertAt, garbage) => {
      const withGarbage = [...lines.slice(0, insertAt), garbage, ...lines.slice(insertAt)].join('\n');
      const parsed = parse(withGarbage, kitContext());
      expect(parsed.diagnostics.map((d) => [d.source, d.line])).toEqual([[KIT_SOURCE, KIT_FIRST_LINE + insertAt]]);
      expect(parsed.data).toEqual(clean.data);
    }),
    PROPERTY_RUNS,
  );
}
