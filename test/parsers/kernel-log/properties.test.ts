import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KernelLogParser, parseKernelLog } from '../../../src/parsers/kernel-log/index.js';
import { expectToleratesArbitraryText, kitContext, PROPERTY_RUNS } from '../parser-kit.js';
import { ENVELOPES, readDmesgLines, realDmesg, wrapAll } from './envelope-wrap.js';

const V3 = realDmesg('02_oom_memcg/v3_two_procs_sleep_and_leaker/dmesg_oom_event.txt');
const V3_LINES = readDmesgLines(V3);
/** Real report lines in every envelope, so the arbitrary texts start from every prefix shape. */
const ALL_ENVELOPES = [V3, ...Object.keys(ENVELOPES).map((envelope) => wrapAll(V3_LINES, envelope))].join('');

const PREFIXES = ['', '[  824.182706] ', '<4>', '[Thu Nov 26 14:52:37 2026] ', 'Nov 26 14:52:37 vm kernel: ', '4,1,2,-;', '{"MESSAGE":', '> ', ' ', ',', '-- Boot 1 --', '[  +0.000001] ', 'kern  :warn  : '];
const MESSAGES = ['Killed process 1 (', 'oom-kill:constraint=CONSTRAINT_MEMCG,', ' invoked oom-killer: gfp_mask=0x', '[  pid  ]   uid name', '[ 1] 2 x', 'SLUB: Unable to allocate memory on node -1, gfp=0x', ': page allocation failure: order:'];

describe('kernel-log parser on arbitrary input (fast-check, fixed seed)', () => {
  it('real lines of every envelope, cut and mixed with binary strings: never throws, diagnostics stay in the text', () => {
    expectToleratesArbitraryText(parseKernelLog, ALL_ENVELOPES);
  });

  it('envelope prefixes + report fragments + arbitrary tails: never throws, every event points at a line of the text', () => {
    const line = fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...MESSAGES, ''), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([prefix, message, tail]) => prefix + message + tail);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const parser = new KernelLogParser(kitContext(), { yearHint: 2026 });
        for (const text of lines) parser.pushLine(text);
        const { data } = parser.finish();
        expect(data.lineCount).toBe(lines.length);
        for (const event of data.events) {
          expect(event.line).toBeGreaterThanOrEqual(kitContext().firstLine);
          expect(event.line).toBeLessThan(kitContext().firstLine + lines.length);
        }
      }),
      PROPERTY_RUNS,
    );
  });
});
