/**
 * The whole-bundle limits on decompressed bytes: an absolute total, and for compressed input a
 * ratio that marks a decompression bomb. Once tripped, every later take() refuses.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { formatBytes } from '../format/bytes.js';
import { RATIO_CHECK_FROM_BYTES, type ReadLimits } from './types.js';

export class ByteBudget {
  /** Decompressed bytes handed on so far. */
  total = 0;
  tripped = false;

  constructor(
    private readonly limits: ReadLimits,
    private readonly diagnostics: Diagnostic[],
    /** Input file name, the diagnostics' source. */
    private readonly source: string,
  ) {}

  /**
   * How many of `bytes` more may be read (0 once a limit is passed). `compressedBytes` is the
   * compressed input consumed so far, null for uncompressed input (no ratio to judge).
   */
  take(bytes: number, compressedBytes: number | null): number {
    if (this.tripped) return 0;
    const next = this.total + bytes;
    if (compressedBytes !== null && next > RATIO_CHECK_FROM_BYTES && next / compressedBytes > this.limits.maxRatio) {
      const ratio = Math.round(next / compressedBytes);
      return this.trip(
        0,
        `decompression ratio ${ratio}:1 after ${formatBytes(next)} passed the ${this.limits.maxRatio}:1 limit (maxRatio): ` +
          'treated as a decompression bomb, reading stopped here',
      );
    }
    if (next > this.limits.maxTotalBytes) {
      return this.trip(
        this.limits.maxTotalBytes - this.total,
        `decompressed bundle passed ${formatBytes(this.limits.maxTotalBytes)} (maxTotalBytes): reading stopped here, later entries were not read`,
      );
    }
    this.total = next;
    return bytes;
  }

  private trip(allowed: number, message: string): number {
    this.tripped = true;
    this.total += allowed;
    this.diagnostics.push({ source: this.source, severity: 'error', message });
    return allowed;
  }
}
