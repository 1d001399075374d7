import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/bundle/line-splitter.js';
import { baseline } from './helpers.js';

function split(chunks: Buffer[], maxLineBytes = 1024) {
  const cuts: [number, number][] = [];
  const splitter = new LineSplitter(maxLineBytes, (line, bytes) => cuts.push([line, bytes]));
  const lines = chunks.flatMap((chunk) => [...splitter.push(chunk)]);
  lines.push(...splitter.flush());
  return { lines, cuts };
}

describe('LineSplitter', () => {
  it('gives the same lines whatever the chunk boundaries (real meminfo, 1-byte chunks)', () => {
    const meminfo = baseline('proc_meminfo.txt');
    const whole = split([meminfo]).lines;
    const bytewise = split([...meminfo].map((byte) => Buffer.from([byte]))).lines;
    expect(whole[0]).toBe('MemTotal:       24684084 kB');
    expect(whole).toHaveLength(meminfo.toString().split('\n').length - 1);
    expect(bytewise).toEqual(whole);
  });

  it('strips CRLF, keeps a last line without newline, keeps empty lines', () => {
    expect(split([Buffer.from('a\r\n\nb')]).lines).toEqual(['a', '', 'b']);
  });

  it('decodes a multi-byte character split across chunks, and turns invalid bytes into U+FFFD', () => {
    const text = Buffer.from('comm é ok\n');
    const at = text.indexOf(0xc3) + 1;
    expect(split([text.subarray(0, at), text.subarray(at)]).lines).toEqual(['comm é ok']);
    expect(split([Buffer.from([0x62, 0xff, 0xfe, 0x0a])]).lines).toEqual(['b\uFFFD\uFFFD']);
  });

  it('cuts a long line to the limit and reports its number and full length', () => {
    const long = Buffer.alloc(5000, 'x');
    const { lines, cuts } = split([Buffer.from('first\n'), long.subarray(0, 3000), long.subarray(3000), Buffer.from('\nlast\n')], 1024);
    expect(lines).toEqual(['first', 'x'.repeat(1024), 'last']);
    expect(cuts).toEqual([[2, 5000]]);
  });

  it('cuts a long line that sits inside one chunk', () => {
    const { lines, cuts } = split([Buffer.from(`${'y'.repeat(2000)}\nz`)], 100);
    expect(lines).toEqual(['y'.repeat(100), 'z']);
    expect(cuts).toEqual([[1, 2000]]);
  });
});
