/**
 * /proc/mounts: `device mountpoint fstype options dump pass`. The kernel escapes space, tab,
 * newline and backslash in the first three fields as octal (`\040`, `\011`, `\012`, `\134`),
 * so fields split on whitespace and are decoded afterwards. Options become `{size: '256m'}` or
 * `{ro: true}`.
 *
 * Real sample (this machine's /proc/self/mounts, which the tests also read live):
 *
 *   tmpfs /dev/shm tmpfs rw,relatime,size=24684096k 0 0
 *   /dev/vda / ext4 rw,relatime,discard,resv_strict,resuid=65534,resgid=65534 0 0
 *   cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
 *   cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
 */
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import { lineDiagnostic } from '../model/diagnostic.js';
import type { MountEntry } from '../model/sources.js';
import { quoteLine, splitFields, splitLines } from './text-lines.js';

function decodeOctalEscapes(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_escape, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

function parseOptions(text: string): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (const option of text.split(',')) {
    if (option === '') continue;
    const at = option.indexOf('=');
    if (at < 0) options[option] = true;
    else options[option.slice(0, at)] = decodeOctalEscapes(option.slice(at + 1));
  }
  return options;
}

export function parseMounts(text: string, ctx: ParseContext): Parsed<MountEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const data: MountEntry[] = [];
  splitLines(text).forEach((line, i) => {
    const fields = splitFields(line);
    if (fields.length === 0) return;
    const [device, mountpoint, fstype, options] = fields;
    if (device === undefined || mountpoint === undefined || fstype === undefined || options === undefined) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "device mountpoint fstype options" line: ${quoteLine(line)}`));
      return;
    }
    data.push({
      device: decodeOctalEscapes(device),
      mountpoint: decodeOctalEscapes(mountpoint),
      fstype: decodeOctalEscapes(fstype),
      options: parseOptions(options),
    });
  });
  return { data, diagnostics };
}
