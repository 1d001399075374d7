/**
 * `memtrail batch` arguments → the bundles to analyse, in argument order. A file is taken as is
 * (the reader judges it by its bytes). A directory holding manifest.json is one unpacked bundle;
 * any other directory stands for the bundles directly inside it (not recursive): its archives,
 * by name, and its subdirectories that hold manifest.json, sorted by name.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const ARCHIVE_NAME = /\.(tar|tar\.zst|tzst|tar\.gz|tgz|tar\.xz|txz|tar\.bz2)$/;

const isBundleDir = (dir: string) => existsSync(join(dir, 'manifest.json'));

/** A path that does not exist is kept: it becomes that input's error line, and the batch goes on. */
export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory() || isBundleDir(arg)) {
      out.push(arg);
      continue;
    }
    const entries = (await readdir(arg, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(arg, entry.name);
      if (entry.isFile() && ARCHIVE_NAME.test(entry.name)) out.push(path);
      else if (entry.isDirectory() && isBundleDir(path)) out.push(path);
    }
  }
  return out;
}
