/**
 * Reads an unpacked bundle, a partial layout or a sosreport directory: every regular file below
 * it, in sorted order, streamed one at a time. Symlinks are never followed (a bundle from a
 * stranger must not read the analyst's own files); other non-regular files are skipped.
 */
import type { Dirent } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ByteBudget } from './byte-budget.js';
import type { ReadContext } from './read-context.js';
import { SkipLog } from './skip-log.js';

interface FoundFile {
  path: string;
  absolutePath: string;
}

export async function readDirectory(
  directory: string,
  ctx: ReadContext,
  budget: ByteBudget,
  onProgress: (bytesRead: number, totalBytes: number | null) => void,
): Promise<void> {
  const skips = new SkipLog(ctx.diagnostics, 'info', ctx.inputName);
  const files: FoundFile[] = [];
  await walk(directory, '', files, ctx, skips);
  let bytesRead = 0;
  for (const file of files) {
    if (budget.tripped) break;
    await readOneFile(file, ctx, budget, (bytes) => onProgress((bytesRead += bytes), null));
  }
  skips.finish();
}

/** Collects regular files depth-first; returns false once maxEntries stops the walk. */
async function walk(absolute: string, relative: string, files: FoundFile[], ctx: ReadContext, skips: SkipLog): Promise<boolean> {
  let children: Dirent[];
  try {
    children = await readdir(absolute, { withFileTypes: true });
  } catch (err) {
    skips.skip(relative || '.', `directory not readable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return true;
  }
  // manifest.json first: the loader needs its page size, year and zone before parsing the rest.
  const rank = (name: string) => (relative === '' && name === 'manifest.json' ? 0 : 1);
  children.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    const path = relative ? `${relative}/${child.name}` : child.name;
    if (!ctx.countEntry()) return false;
    if (child.isSymbolicLink()) skips.skip(path, 'symlink (not followed)');
    else if (child.isDirectory()) {
      if (!(await walk(join(absolute, child.name), path, files, ctx, skips))) return false;
    } else if (child.isFile()) files.push({ path, absolutePath: join(absolute, child.name) });
    else skips.skip(path, 'not a regular file');
  }
  return true;
}

async function readOneFile(file: FoundFile, ctx: ReadContext, budget: ByteBudget, onRead: (bytes: number) => void): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file.absolutePath, 'r');
  } catch (err) {
    ctx.diagnostics.push({ source: file.path, severity: 'warning', message: `not readable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return;
  }
  try {
    const { size } = await handle.stat();
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const chunk of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
        const allowed = budget.take(chunk.length, null);
        onRead(chunk.length);
        if (allowed > 0) yield allowed < chunk.length ? chunk.subarray(0, allowed) : chunk;
        if (allowed < chunk.length) return;
      }
    }
    await ctx.deliver(file.path, size, chunks());
  } finally {
    await handle.close();
  }
}
