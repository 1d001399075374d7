import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from './exit-codes.js';

const EXTENSIONS = { html: 'html', md: 'md', json: 'json' } as const;
export type OutputFormat = keyof typeof EXTENSIONS;

/** `<bundle name>.report.<ext>` in the current directory: the input's own folder is never written to. */
export function defaultOutputPath(input: string, format: OutputFormat, kind = 'report'): string {
  const name = basename(input.replace(/\/+$/, '')).replace(/\.(tar\.zst|tar\.gz|tgz|tar\.xz|tar|txt|log)$/, '');
  return `${name || 'memtrail'}.${kind}.${EXTENSIONS[format]}`;
}

/**
 * Writes exactly one file, the one named ('-' = stdout). Nothing else is created: no directories,
 * no temporary files beside it.
 */
export async function writeOutput(path: string, text: string): Promise<void> {
  if (path === '-') {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
    return;
  }
  try {
    await writeFile(path, text, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  process.stderr.write(`memtrail: wrote ${path}\n`);
}
