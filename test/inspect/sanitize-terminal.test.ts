import { describe, expect, it } from 'vitest';
import { sanitizeTerminal } from '../../src/inspect/sanitize-terminal.js';

describe('sanitizeTerminal', () => {
  it.each([
    ['CSI colour and screen clear', 'evil\x1b[31m\x1b[2Jname', 'evilname'],
    ['OSC title set ended by BEL', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC 8 hyperlink ended by ST', '\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['8-bit CSI and OSC', 'a\x9b2Jb\x9d0;t\x9cc', 'abc'],
    ['unterminated OSC eats the rest', 'ok\x1b]0;never ends', 'ok'],
    ['C0 controls, DEL, newline; tab becomes a space', 'a\x00b\x07c\x7fd\ne\tf', 'abcde f'],
    ['bidi override', 'safe\u202Etxt.exe', 'safetxt.exe'],
    ['short escapes (reset, charset)', 'x\x1bcy\x1b(Bz', 'xyz'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeTerminal(input)).toBe(expected);
  });

  it('leaves ordinary names with spaces, parentheses and unicode alone', () => {
    expect(sanitizeTerminal('Web Content (x) «ü»')).toBe('Web Content (x) «ü»');
  });
});
