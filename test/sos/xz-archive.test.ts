/**
 * .tar.xz bundles (sos's default archive) stream through the reader like .tar.zst: same entries,
 * damage reported where it starts, the ratio limit applies, and a stream abandoned early does not
 * block the next one (xz-decompress decodes one stream at a time per process).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../src/bundle/index.js';
import { BUNDLE_NAME, collect, compress, messages, packDirectory, realBundleFiles, tarOf, tempDir, writeTree } from '../bundle/helpers.js';

describe('xz archives', () => {
  let dir: string;
  let cleanup: () => void;
  let xzArchive: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(join(dir, BUNDLE_NAME), realBundleFiles());
    xzArchive = packDirectory(dir, BUNDLE_NAME, join(dir, 'b.tar.xz'), 'xz');
  });
  afterAll(() => cleanup());

  it('delivers the same entries and bytes as the zstd archive of the same tree', async () => {
    const zst = await collect(packDirectory(dir, BUNDLE_NAME, join(dir, 'b.tar.zst'), 'zstd'));
    const xz = await collect(xzArchive);
    expect(xz.texts.map(([path]) => path)).toContain('proc/meminfo');
    expect(xz.texts).toEqual(zst.texts);
    expect(messages(xz.outcome)).toEqual([]);
  });

  it('a truncated .tar.xz: entries before the cut, then an xz error naming the offset', async () => {
    const whole = compress(tarOf([
      { path: 'b/proc/meminfo', body: 'MemTotal: 1 kB\n'.repeat(2000) },
      { path: 'b/commands/dmesg', body: Buffer.from(Array.from({ length: 400_000 }, (_, i) => 32 + ((i * 7919) % 90))) },
    ]), 'xz');
    const cut = join(dir, 'cut.tar.xz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));
    const { outcome, texts } = await collect(cut);
    expect(texts[0]?.[0]).toBe('proc/meminfo');
    expect(messages(outcome).join('\n')).toMatch(/xz data corrupt or truncated near compressed byte \d+/);
  });

  it('the ratio limit stops an xz bomb', async () => {
    const bomb = join(dir, 'bomb.tar.xz');
    execFileSync('sh', ['-c', `head -c ${70 * 2 ** 20} /dev/zero > "$1/zeros" && tar cf - -C "$1" zeros | xz -1 -c > "$2"; rm "$1/zeros"`, 'sh', dir, bomb]);
    const { outcome } = await collect(bomb, { maxRatio: 50 });
    expect(messages(outcome).join('\n')).toMatch(/ratio/i);
  });

  it('a read stopped early by its visitor releases the decoder for the next read', async () => {
    await expect(readBundle(xzArchive, async () => {
      throw new Error('visitor gave up');
    })).rejects.toThrow('visitor gave up');
    const again = await collect(xzArchive);
    expect(again.texts.length).toBe(Object.keys(realBundleFiles()).length);
  }, 20_000);
});
