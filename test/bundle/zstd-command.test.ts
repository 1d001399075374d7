/**
 * A .tar.zst of 1 MiB or more is decompressed by the `zstd` command when it is installed, smaller
 * ones and MEMTRAIL_ZSTD=fzstd by fzstd. Both must deliver the same bytes, and damage must still
 * end in an error diagnostic after the members before it.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { baseline, collect, compress, tarOf, tempDir } from './helpers.js';

const hasZstd = spawnSync('zstd', ['-V']).status === 0;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());
afterEach(() => void delete process.env['MEMTRAIL_ZSTD']);

/** Real captures around 3 MiB of incompressible text, so the archive is well past the 1 MiB switch. */
const MEMBERS = [
  { path: 'b/proc/meminfo', body: baseline('proc_meminfo.txt') },
  { path: 'b/noise', body: randomBytes(2 * 1024 * 1024).toString('base64') },
  { path: 'b/proc/slabinfo', body: baseline('proc_slabinfo.txt') },
];
const PACKED = compress(tarOf(MEMBERS), 'zstd');

describe.skipIf(!hasZstd)('the zstd command for large archives', () => {
  it('delivers the same entries as fzstd', async () => {
    const path = join(dir, 'big.tar.zst');
    writeFileSync(path, PACKED);
    expect(PACKED.length).toBeGreaterThan(1024 * 1024);
    const native = await collect(path);
    process.env['MEMTRAIL_ZSTD'] = 'fzstd';
    const js = await collect(path);
    expect(native.texts.map(([p]) => p)).toEqual(['proc/meminfo', 'noise', 'proc/slabinfo']);
    expect(native.texts).toEqual(js.texts);
    expect(native.outcome.diagnostics).toEqual([]);
  });

  it('damage near the end: the members before it, then an error naming the zstd failure', async () => {
    const damaged = Buffer.from(PACKED);
    damaged.fill(0x5a, damaged.length - 2000, damaged.length - 1000);
    const path = join(dir, 'damaged.tar.zst');
    writeFileSync(path, damaged);
    const { outcome, texts } = await collect(path);
    expect(texts[0]).toEqual(['proc/meminfo', MEMBERS[0]!.body.toString()]);
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({
      source: 'damaged.tar.zst', severity: 'error', message: expect.stringMatching(/^zstd data corrupt or truncated near compressed byte \d+: .+/),
    }));
  });
});
