import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle, UnreadableInputError } from '../../src/bundle/index.js';
import { baseline, collect, compress, messages, tarOf, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Five real captures; slabinfo (25 KiB) is big enough to cut through the middle of it. */
const MEMBERS = [
  { path: 'b/manifest.json', body: '{"format":"memtrail-bundle/1"}' },
  { path: 'b/proc/meminfo', body: baseline('proc_meminfo.txt') },
  { path: 'b/proc/slabinfo', body: baseline('proc_slabinfo.txt') },
  { path: 'b/proc/vmstat', body: baseline('proc_vmstat.txt') },
  { path: 'b/commands/dmesg', body: baseline('dmesg.txt') },
];
const TAR = tarOf(MEMBERS);
/** Compressed, TAR alone fits in one 128 KiB zstd block; a cut must fall after a whole block. */
const SERIES = {
  path: 'b/series/slabinfo',
  body: Array.from({ length: 40 }, (_, i) => {
    let n = i;
    // Every number moves a little from record to record, as in a real recording.
    return `=== ${1795704623 + i * 5}\n${MEMBERS[2]!.body.toString().replace(/\d+/g, (d) => String(Number(d) + ((n = (n * 1103515245 + 12345) % 65536) % 7)))}`;
  }).join(''),
};
const BIG_TAR = tarOf([...MEMBERS, SERIES]);
/** Byte offset where each member's header starts in TAR. */
const HEADER_AT = MEMBERS.reduce<number[]>((starts, member, i) => {
  const previous = i === 0 ? 0 : starts[i - 1]! + 512 + Math.ceil(Buffer.byteLength(MEMBERS[i - 1]!.body) / 512) * 512;
  return [...starts, previous];
}, []);

function write(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('truncated archives: everything before the cut, then a diagnostic', () => {
  const slabinfoBodyAt = HEADER_AT[2]! + 512;
  it.each([
    ['inside slabinfo', slabinfoBodyAt + 10_000, ['manifest.json', 'proc/meminfo', 'proc/slabinfo'], /member 'b\/proc\/slabinfo' after 10000 of its 25408 bytes/],
    ['inside the vmstat header', HEADER_AT[3]! + 100, ['manifest.json', 'proc/meminfo', 'proc/slabinfo'], /without tar's end-of-archive blocks/],
    ['at a member boundary', HEADER_AT[4]!, ['manifest.json', 'proc/meminfo', 'proc/slabinfo', 'proc/vmstat'], /without tar's end-of-archive blocks/],
    ['inside the first member', 600, ['manifest.json'], /member 'b\/manifest.json' after 30 of its 30 bytes|without tar's end-of-archive/],
  ])('a plain tar cut %s', async (_label, cut, delivered, diagnostic) => {
    const { outcome, texts } = await collect(write(`cut-${cut}.tar`, TAR.subarray(0, cut)));
    expect(texts.map(([path]) => path)).toEqual(delivered);
    // What was delivered is exactly the archive's bytes, never garbage.
    for (const [path, text] of texts) expect(MEMBERS.find((m) => m.path === `b/${path}`)!.body.toString().startsWith(text)).toBe(true);
    expect(outcome.diagnostics.some((d) => d.source === `cut-${cut}.tar` && d.severity === 'error' && diagnostic.test(d.message))).toBe(true);
  });

  it.each(['zstd', 'gzip'] as const)('a %s archive cut at half and at nine tenths: earlier members intact, the offset named', async (compressor) => {
    const packed = compress(BIG_TAR, compressor);
    for (const share of [0.5, 0.9]) {
      const name = `cut-${share}.tar.${compressor}`;
      const { outcome, texts } = await collect(write(name, packed.subarray(0, Math.floor(packed.length * share))));
      expect(texts.length).toBeGreaterThan(0);
      expect(texts[0]).toEqual(['manifest.json', MEMBERS[0]!.body]);
      for (const [path, text] of texts) expect([...MEMBERS, SERIES].find((m) => m.path === `b/${path}`)!.body.toString().startsWith(text)).toBe(true);
      expect(messages(outcome).join('\n')).toMatch(new RegExp(`${name}: ${compressor} data corrupt or truncated near compressed byte \\d+: .+ \\(after \\d+ decompressed bytes\\)`));
    }
  });

  it('a tar cut before its first full header is unreadable', async () => {
    await expect(readBundle(write('tiny.tar', TAR.subarray(0, 300)), async () => {})).rejects.toBeInstanceOf(UnreadableInputError);
  });
});

describe('corrupt compressed data in the middle', () => {
  it.each(['zstd', 'gzip'] as const)('%s: members before the damage are read, then an error diagnostic', async (compressor) => {
    const packed = Buffer.from(compress(TAR, compressor));
    const at = Math.floor(packed.length * 0.6);
    packed.fill(0x5a, at, at + 64);
    const name = `corrupt.tar.${compressor}`;
    const { outcome, texts } = await collect(write(name, packed));
    expect(texts[0]).toEqual(['manifest.json', MEMBERS[0]!.body]);
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error' && d.source === name);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a damaged header inside a plain tar is skipped with a diagnostic; later members still read', async () => {
    const damaged = Buffer.from(TAR);
    damaged.fill(0x41, HEADER_AT[3]!, HEADER_AT[3]! + 100);
    const { outcome, texts } = await collect(write('damaged.tar', damaged));
    expect(texts.map(([path]) => path)).toEqual(['manifest.json', 'proc/meminfo', 'proc/slabinfo', 'commands/dmesg']);
    expect(messages(outcome).join('\n')).toMatch(/damaged.tar: \d+ damaged tar header block\(s\) skipped \(checksum failure\)/);
  });
});
