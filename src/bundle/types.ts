/**
 * The bundle reader's contract with the loader: readBundle() walks any accepted input and hands
 * each regular file to a visitor, one at a time, streaming, never extracting to disk.
 */
import type { BundleKind } from '../model/artifacts.js';
import type { Diagnostic } from '../model/diagnostic.js';

export { UnreadableInputError } from './errors.js';

const MIB = 1024 * 1024;

export interface ReadLimits {
  /**
   * Per entry, decompressed; beyond it the entry is cut (diagnostic). The default fits three weeks of
   * series/vmstat at 10 s (a week of 6.18's 192 counters is 265 MiB); text() also stops at MAX_TEXT_BYTES.
   */
  maxFileBytes: number;
  /** Whole bundle, decompressed; beyond it reading stops (diagnostic). */
  maxTotalBytes: number;
  /** Longer lines are cut, with a diagnostic naming file and line. */
  maxLineBytes: number;
  /** Archive members or directory files; beyond it reading stops (diagnostic). */
  maxEntries: number;
  /** Decompressed/compressed ratio that counts as a bomb, checked once past RATIO_CHECK_FROM_BYTES. */
  maxRatio: number;
}

/** Below this many decompressed bytes the ratio is not judged: tiny, very repetitive files are legit. */
export const RATIO_CHECK_FROM_BYTES = 64 * MIB;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 1024 * MIB,
  maxTotalBytes: 4096 * MIB,
  maxLineBytes: 1 * MIB,
  maxEntries: 200_000,
  maxRatio: 200,
};

export interface BundleEntry {
  /** Relative to the bundle's top directory, '/'-separated: 'proc/meminfo', 'series/meminfo'. */
  path: string;
  /**
   * Declared size in bytes (tar header or stat). For a compressed single kernel log the
   * decompressed size is unknown before reading, so this is its compressed size.
   */
  size: number;
  /** UTF-8 lines (invalid bytes → U+FFFD) without '\n' or '\r\n', streamed chunk by chunk. */
  lines(): AsyncIterable<string>;
  /**
   * The raw bytes, capped at maxFileBytes, for readers that split on bytes themselves (series
   * records), which bound what they hold themselves: maxLineBytes does not apply. Single use.
   */
  chunks(): AsyncIterable<Buffer>;
  /** The whole entry as text, capped at maxFileBytes and at MAX_TEXT_BYTES (streamed-entry.ts). */
  text(): Promise<string>;
}

export interface ReadOutcome {
  kind: BundleKind;
  /** Top directory name inside the archive or directory, null when there is none. */
  rootName: string | null;
  /** Every regular file delivered, with its size (a duplicate's row is the last copy's). */
  index: { path: string; bytes: number }[];
  /** source = bundle path of an entry, or the input file name for archive-level problems. */
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  /** Input bytes read so far (compressed, for archives) and the input's total, null when unknown. */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
}

export type Visitor = (entry: BundleEntry) => Promise<void>;
