import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/batch/expand-inputs.js';

describe('batch inputs', () => {
  it('a directory stands for its archives and bundle directories, sorted, not recursively', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memtrail-batch-in-'));
    for (const name of ['web-2.tar.zst', 'web-1.tgz', 'db.tar.gz', 'notes.txt', 'README.md']) await writeFile(join(dir, name), 'x');
    await mkdir(join(dir, 'unpacked', 'proc'), { recursive: true });
    await writeFile(join(dir, 'unpacked', 'manifest.json'), '{}');
    await mkdir(join(dir, 'archive-of-old', 'deeper'), { recursive: true });
    await writeFile(join(dir, 'archive-of-old', 'deeper', 'x.tar.zst'), 'x');

    expect(await expandInputs([dir])).toEqual(['db.tar.gz', 'unpacked', 'web-1.tgz', 'web-2.tar.zst'].map((n) => join(dir, n)));
  });

  it('files, bundle directories and missing paths are kept as given, in argument order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memtrail-batch-in-'));
    await writeFile(join(dir, 'manifest.json'), '{}');
    await writeFile(join(dir, 'kern.log'), 'x');
    const inputs = [join(dir, 'kern.log'), dir, '/no/such/bundle.tar.zst'];
    expect(await expandInputs(inputs)).toEqual(inputs);
  });
});
