/**
 * `sysctl -a` / `sysctl vm` output → `Sysctls`: name → value as printed (trimmed; multi-value
 * settings keep their tabs). Sample (01_baseline/sysctl_vm.txt, 49 lines):
 *
 *     vm.lowmem_reserve_ratio = 256	256	32	0	0
 *     vm.min_free_kbytes = 67584
 *     vm.overcommit_memory = 0
 *     vm.page-cluster = 3
 *     vm.swappiness = 60
 *
 * When stderr was captured too, sysctl's own complaints (`sysctl: permission denied on key
 * 'kernel.cad_pid'`, `sysctl: reading key "net.ipv6.conf.all.stable_secret"`) are expected on an
 * unprivileged run: each becomes an info, not a warning.
 */
import { lineDiagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { Sysctls } from '../model/sources.js';
import { byLine, parseKeyedValues, quoteLine, splitKeyValue, splitLines, type KeyValue } from './text-lines.js';

/** Dotted names with `-` (vm.page-cluster) and `/` (VLAN interfaces such as net.ipv4.conf.eth0/10). */
const SYSCTL_NAME = /^[\w][\w./-]*$/;
const SYSCTL_COMPLAINT = 'sysctl:';

function parseSysctlLine(line: string): KeyValue | null {
  const pair = splitKeyValue(line, '=');
  return pair !== null && SYSCTL_NAME.test(pair.key) ? pair : null;
}

export function parseSysctlOutput(text: string, ctx: ParseContext): Parsed<Sysctls> {
  const lines = splitLines(text);
  const complaints = lines.flatMap((line, index) => (line.startsWith(SYSCTL_COMPLAINT)
    ? [lineDiagnostic(ctx, index, `sysctl could not read a key: ${quoteLine(line, 120)}`, 'info')]
    : []));
  // Blank the complaints rather than drop them, so every other line keeps its index (its line number).
  const settings = lines.map((line) => (line.startsWith(SYSCTL_COMPLAINT) ? '' : line)).join('\n');
  const parsed = parseKeyedValues(settings, ctx, parseSysctlLine, '"name = value"');
  return { data: parsed.data, diagnostics: [...complaints, ...parsed.diagnostics].sort(byLine) };
}
