import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseBuddyinfo } from '../../src/parsers/buddyinfo.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('proc/buddyinfo');
const baseline = readRealFixture('01_baseline/proc_buddyinfo.txt');

describe('parseBuddyinfo on the real baseline', () => {
  it('reads three zones with eleven orders each', () => {
    const { data, diagnostics } = parseBuddyinfo(baseline, ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([
      { node: 0, zone: 'DMA', freeByOrder: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3] },
      { node: 0, zone: 'DMA32', freeByOrder: [1, 1, 4, 2, 5, 4, 3, 3, 4, 2, 752] },
      { node: 0, zone: 'Normal', freeByOrder: [761, 453, 335, 569, 663, 421, 270, 191, 134, 85, 196] },
    ]);
  });
});

describe('parseBuddyinfo edge cases', () => {
  it('empty text: no zones and one file-level warning', () => {
    expect(parseBuddyinfo('', ctx)).toEqual({
      data: [],
      diagnostics: [{ source: 'proc/buddyinfo', severity: 'warning', message: 'no zone line found' }],
    });
  });

  it('a last line cut after "zone" or with a non-number is reported; a line cut between numbers keeps what it has', () => {
    const text = [
      'Node 0, zone    DMA32      1      1      4',
      'Node 1, zone   Normal    761    4x3',
      'Node 1, zo',
    ].join('\n');
    const { data, diagnostics } = parseBuddyinfo(text, parseContext('proc/buddyinfo', 3));
    expect(data).toEqual([{ node: 0, zone: 'DMA32', freeByOrder: [1, 1, 4] }]);
    expect(diagnostics.map((d) => d.line)).toEqual([4, 5]);
  });

  it('huge counts and two-digit node numbers', () => {
    const { data } = parseBuddyinfo('Node 12, zone Normal 18446744073709551615 0\n', ctx);
    expect(data).toEqual([{ node: 12, zone: 'Normal', freeByOrder: [18446744073709551615, 0] }]);
  });
});

describe('parseBuddyinfo properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseBuddyinfo, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseBuddyinfo, baseline);
  });
});
