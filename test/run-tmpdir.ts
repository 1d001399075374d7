/**
 * vitest globalSetup: the temporary files of a run (the tests', and those of the CLIs and the
 * collector they start) all go under one directory, removed when the run ends. They are made with
 * os.tmpdir(), which follows TMPDIR; without this, every run left ~27 directories (~16 MB) in /tmp.
 * The directory keeps /tmp's mode (1777): some tests run the collector as an unprivileged user.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'memtrail-tests-'));
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
