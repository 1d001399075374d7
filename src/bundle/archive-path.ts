/**
 * Where an archive member lands inside the bundle, or why it is refused. The bundle has one top
 * directory (memtrail-<host>-<stamp>/ or sosreport-…/) that is stripped; members outside it,
 * absolute paths and '..' never become bundle paths, so nothing can name a file elsewhere.
 */

/** First path components that are layout content, not a wrapping top directory. */
const LAYOUT_TOP_NAMES = new Set([
  'manifest.json', 'proc', 'sys', 'commands', 'series', 'sos_commands', 'sos_reports', 'sos_logs', 'etc', 'var',
]);

export type PathVerdict = { path: string } | { refused: string };

export class ArchivePaths {
  /** undefined until the first member decides; null when the archive has no top directory. */
  private root: string | null | undefined;

  get rootName(): string | null {
    return this.root ?? null;
  }

  /** `rawPath` as stored in the archive; `isDirectory` for directory members. */
  resolve(rawPath: string, isDirectory: boolean): PathVerdict {
    if (rawPath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rawPath)) return { refused: 'absolute path' };
    const parts = rawPath.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..')) return { refused: "path climbs out with '..'" };
    if (this.root === undefined) this.root = decideRoot(parts, isDirectory);
    if (this.root === null) return { path: parts.join('/') };
    if (parts[0] !== this.root) return { refused: `outside the top directory '${this.root}/'` };
    return { path: parts.slice(1).join('/') };
  }
}

/**
 * Streaming means the first member decides: a directory, or a file below one, names the top
 * directory, unless its name is already part of the layout (an archive of `proc commands`).
 * `tar -C bundle .` archives start with './' and have no top directory.
 */
function decideRoot(parts: string[], isDirectory: boolean): string | null {
  const first = parts[0];
  if (first === undefined || LAYOUT_TOP_NAMES.has(first)) return null;
  return isDirectory || parts.length > 1 ? first : null;
}
