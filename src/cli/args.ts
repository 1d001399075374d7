import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes: the reader's size caps and quiet mode. */
export const COMMON_OPTIONS = {
  'max-file-mb': { type: 'string' },
  'max-total-mb': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** node:util parseArgs in strict mode; its errors become usage errors (exit 2). */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number, got '${value}'`);
  return n;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got '${value}'`);
  }
  return value as T;
}

/** Reader caps from --max-file-mb / --max-total-mb, in bytes. */
export function limitsFrom(values: { 'max-file-mb'?: string; 'max-total-mb'?: string }) {
  const MiB = 1024 * 1024;
  const file = positiveNumber(values['max-file-mb'], '--max-file-mb');
  const total = positiveNumber(values['max-total-mb'], '--max-total-mb');
  return {
    ...(file !== undefined ? { maxFileBytes: Math.round(file * MiB) } : {}),
    ...(total !== undefined ? { maxTotalBytes: Math.round(total * MiB) } : {}),
  };
}
