import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../src/bundle/errors.js';
import { runDiff } from '../../src/cli/commands/diff.js';
import { UsageError } from '../../src/cli/exit-codes.js';
import { defaultOutputPath } from '../../src/cli/output.js';
import { DIFF_SCHEMA, type DiffJson } from '../../src/diff/types.js';
import { samplePath } from './sample-diffs.js';

describe('memtrail diff', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'memtrail-diff-'));
  });

  it('writes memtrail-diff/1 JSON to the file named, and nothing else', async () => {
    const out = join(work, 'pair.json');
    const code = await runDiff([samplePath('tmpfs-shm'), samplePath('tmpfs-shm-fixed'), '--format', 'json', '-o', out, '-q']);
    expect(code).toBe(0);
    const diff = JSON.parse(await readFile(out, 'utf8')) as DiffJson;
    expect(diff.schema).toBe(DIFF_SCHEMA);
    expect(diff.findings.resolved).toContain('tmpfs-shm');
    expect(Object.keys(diff)).toEqual(['schema', 'generator', 'before', 'after', 'warnings', 'findings', 'metrics', 'accounting', 'slabs', 'processes', 'config', 'fragmentation', 'charts']);
    for (const m of diff.metrics) expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'before', 'after', 'ratio', 'flagged']));
    expect(await readdir(work)).toEqual(['pair.json']);
  }, 30_000);

  it('names its default output after the "after" bundle, kind diff', () => {
    expect(defaultOutputPath('/data/app-01-fixed.tar.zst', 'html', 'diff')).toBe('app-01-fixed.diff.html');
  });

  it('takes exactly two bundles and a known format', async () => {
    await expect(runDiff([samplePath('tmpfs-shm')])).rejects.toThrow(UsageError);
    await expect(runDiff([samplePath('tmpfs-shm'), samplePath('tmpfs-shm'), samplePath('tmpfs-shm')])).rejects.toThrow(UsageError);
    await expect(runDiff([samplePath('tmpfs-shm'), samplePath('tmpfs-shm'), '--format', 'pdf'])).rejects.toThrow(/--format must be one of html, md, json/);
  });

  it('reports an unreadable input as such', async () => {
    await expect(runDiff([samplePath('tmpfs-shm'), join(work, 'missing.tar.gz'), '-o', join(work, 'x.html')])).rejects.toThrow(UnreadableInputError);
  }, 30_000);
});

describe('memtrail diff on bare kernel logs', () => {
  it('compares what there is and says what is missing', async () => {
    const real = (rel: string) => new URL(`../../../shared/fixtures/real/${rel}`, import.meta.url).pathname;
    const work = await mkdtemp(join(tmpdir(), 'memtrail-diff-'));
    const out = join(work, 'logs.md');
    await runDiff([real('01_baseline/dmesg.txt'), real('02_oom_memcg/dmesg_full_after_all_variants.txt'), '--format', 'md', '-o', out, '-q']);
    const md = await readFile(out, 'utf8');
    expect(md).toContain('Neither bundle holds /proc/meminfo.');
    expect(md).toContain('Neither bundle holds /proc/slabinfo.');
    expect(md).toContain('No metric changed by 2× or more.');
  }, 30_000);
});
