/**
 * A bundle directory written the way the collector writes one: series appended record by record
 * and nothing held in memory, so a week-long bundle costs no more RAM to make than a minute's.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class BundleDir {
  private readonly fds = new Map<string, number>();
  private readonly bytes = new Map<string, number>();

  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  /** Appends to `path` (relative to the bundle root), opening it on first use. */
  append(path: string, text: string): void {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      const file = join(this.root, path);
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(file, 'w');
      this.fds.set(path, fd);
    }
    this.bytes.set(path, (this.bytes.get(path) ?? 0) + writeSync(fd, text));
  }

  /** Bytes written per file, in first-write order: the manifest's artifact list. */
  sizes(): [path: string, bytes: number][] {
    return [...this.bytes.entries()];
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
