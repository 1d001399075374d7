/**
 * One generated corpus per test file, in a fresh temp dir removed afterwards
 * (MEMTRAIL_KEEP_CORPUS=1 keeps it and prints where, to replay a case by hand).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildCorpus, type Corpus, type CorpusGroup } from './build-corpus.js';

export function useCorpus(groups: readonly CorpusGroup[]): { corpus: Corpus; dir: () => string } {
  const corpus: Corpus = {};
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memtrail-hostile-'));
    Object.assign(corpus, await buildCorpus(dir, groups));
  }, 120_000);
  afterAll(() => {
    if (process.env.MEMTRAIL_KEEP_CORPUS) console.log(`hostile corpus kept in ${dir}`);
    else if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { corpus, dir: () => dir };
}

/** Every path below `root` with its size and mtime: a before/after picture of a directory tree. */
export function treeSnapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const stats = statSync(path, { throwIfNoEntry: false });
      out.push(`${relative(root, path)} ${entry.isDirectory() ? 'dir' : `${stats?.size} ${stats?.mtimeMs}`}`);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return out.sort();
}
