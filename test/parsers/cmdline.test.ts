import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseCmdline } from '../../src/parsers/cmdline.js';

const ctx = parseContext('proc/1/cmdline');

describe('parseCmdline', () => {
  it('reads this process from /proc/self/cmdline', () => {
    const { data, diagnostics } = parseCmdline(readFileSync('/proc/self/cmdline', 'utf8'), ctx);
    expect(diagnostics).toEqual([]);
    // The kernel's argv: node as invoked, its own flags, then the script and its arguments.
    expect(data).toEqual([process.argv0, ...process.execArgv, ...process.argv.slice(1)]);
  });

  it('keeps spaces inside an argument and a final empty argument', () => {
    expect(parseCmdline('python3\0-c\0a\0b c\0\0', ctx).data).toEqual(['python3', '-c', 'a', 'b c', '']);
  });

  it('reads a kernel thread (empty) and a rewritten argv without NUL', () => {
    expect(parseCmdline('', ctx).data).toEqual([]);
    expect(parseCmdline('postgres: checkpointer ', ctx).data).toEqual(['postgres: checkpointer ']);
  });

  it('never throws, and joining the arguments gives the text back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')), { minLength: 1, maxLength: 8 }), (args) => {
        expect(parseCmdline(`${args.join('\0')}\0`, ctx).data).toEqual(args);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
