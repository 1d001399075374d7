/**
 * `systemctl show -p Id,MemoryMax,MemoryHigh,MemorySwapMax,OOMPolicy,RuntimeMaxSec UNIT...`:
 * `Key=Value` lines, one block per unit, blocks separated by a blank line; `Id=` names the unit.
 * Memory limits are bytes or `infinity` (null). systemd names the runtime limit `RuntimeMaxUSec`
 * in its output even when asked for `RuntimeMaxSec`; both are read, the value kept as printed.
 *
 * Sample in the documented shape (hand-written: this machine's PID 1 is not systemd, so
 * `systemctl show` fails here with "System has not been booted with systemd"):
 *
 *   Id=app.service
 *   MemoryHigh=infinity
 *   MemoryMax=536870912
 *   MemorySwapMax=infinity
 *   OOMPolicy=stop
 *   RuntimeMaxUSec=infinity
 *
 *   Id=cron.service
 *   MemoryMax=infinity
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { SystemdUnit } from '../model/sources.js';
import { parseDecimal, quoteLine, splitKeyValue, splitLines } from './text-lines.js';

interface Block {
  firstIndex: number;
  props: Record<string, string>;
  propLine: Record<string, number>;
}

function blocksOf(lines: string[], ctx: ParseContext, diagnostics: Diagnostic[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    const pair = splitKeyValue(line, '=');
    if (pair === null) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "Key=Value" line: ${quoteLine(line)}`));
      return;
    }
    if (current === null) {
      current = { firstIndex: i, props: {}, propLine: {} };
      blocks.push(current);
    }
    current.props[pair.key] = pair.value;
    current.propLine[pair.key] = i;
  });
  return blocks;
}

export function parseSystemctlShow(text: string, ctx: ParseContext): Parsed<SystemdUnit[]> {
  const diagnostics: Diagnostic[] = [];
  const data = blocksOf(splitLines(text), ctx, diagnostics).map(({ firstIndex, props, propLine }): SystemdUnit => {
    const bytes = (key: string): number | null => {
      const value = props[key];
      if (value === undefined || value === 'infinity' || value === '') return null;
      const parsed = parseDecimal(value);
      if (parsed === null) diagnostics.push(lineDiagnostic(ctx, propLine[key] ?? firstIndex, `${key}: not bytes or "infinity": ${quoteLine(value)}`));
      return parsed;
    };
    const unit = props['Id'];
    if (unit === undefined) diagnostics.push(lineDiagnostic(ctx, firstIndex, 'unit block without "Id="; unit name left empty'));
    return {
      unit: unit ?? '',
      memoryMaxBytes: bytes('MemoryMax'),
      memoryHighBytes: bytes('MemoryHigh'),
      memorySwapMaxBytes: bytes('MemorySwapMax'),
      oomPolicy: props['OOMPolicy'] ?? null,
      runtimeMaxSec: props['RuntimeMaxUSec'] ?? props['RuntimeMaxSec'] ?? null,
      props,
    };
  });
  return { data, diagnostics };
}
