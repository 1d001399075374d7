/**
 * State shared by every input kind while one bundle is read: limits, diagnostics, the entry
 * count, the index of delivered files, and the hand-off of each file to the visitor.
 */
import type { BundleKind } from '../model/artifacts.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { StreamedEntry } from './streamed-entry.js';
import type { ReadLimits, ReadOutcome, Visitor } from './types.js';

export class ReadContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly bytesByPath = new Map<string, number>();
  private entriesSeen = 0;

  constructor(
    /** The input's file name: the source of archive-level diagnostics. */
    readonly inputName: string,
    readonly limits: ReadLimits,
    private readonly visit: Visitor,
  ) {}

  get filesDelivered(): number {
    return this.bytesByPath.size;
  }

  /** Counts one entry (of any type) against maxEntries; false, with a diagnostic, once past it. */
  countEntry(): boolean {
    this.entriesSeen += 1;
    if (this.entriesSeen === this.limits.maxEntries + 1) {
      this.diagnostics.push({
        source: this.inputName,
        severity: 'error',
        message: `more than ${this.limits.maxEntries} entries (maxEntries): reading stopped here, later entries were not read`,
      });
    }
    return this.entriesSeen <= this.limits.maxEntries;
  }

  /** Hands one regular file to the visitor and waits for it. */
  async deliver(path: string, size: number, chunks: AsyncIterable<Buffer>): Promise<void> {
    if (this.bytesByPath.has(path)) {
      // Tar semantics: a later copy of a member replaces the earlier one.
      this.bytesByPath.delete(path);
      this.diagnostics.push({
        source: path,
        severity: 'warning',
        message: 'duplicate entry in the archive: the later copy replaces the earlier one',
      });
    }
    this.bytesByPath.set(path, size);
    await this.visit(new StreamedEntry(path, size, chunks, this.limits, this.diagnostics));
  }

  /** Corrects an index row once the real size is known (a compressed single log). */
  setIndexBytes(path: string, bytes: number): void {
    if (this.bytesByPath.has(path)) this.bytesByPath.set(path, bytes);
  }

  outcome(kind: BundleKind | null, rootName: string | null): ReadOutcome {
    const paths = [...this.bytesByPath.keys()];
    return {
      kind: kind ?? bundleKindOf(paths),
      rootName,
      index: paths.map((path) => ({ path, bytes: this.bytesByPath.get(path)! })),
      diagnostics: this.diagnostics,
    };
  }
}

/** sosreport by its own directories, collector by its manifest, else a (partial) layout directory. */
function bundleKindOf(paths: string[]): BundleKind {
  if (paths.some((path) => path.startsWith('sos_commands/') || path.startsWith('sos_reports/'))) return 'sosreport';
  if (paths.includes('manifest.json')) return 'collector';
  return 'directory';
}
