/**
 * /proc/PID/cmdline: the arguments, each ended by a NUL byte. Kernel threads have an empty
 * file. A process that rewrote its argv (setproctitle) may print one string with spaces and
 * no NUL: that string is its single argument, as `ps` shows it.
 *
 * Real sample (captured on this machine from `python3 -c '…' a 'b c' ''`; `\0` = NUL). The last
 * argument is empty, so the file ends with two NULs:
 *
 *   /root/.pyenv/versions/3.11.7/bin/python3\0-c\0import sys; print(open("/proc/self/cmdline","rb").read())\0a\0b c\0\0
 *
 * Tests also read /proc/self/cmdline of the test process itself.
 */
import type { ParseContext, Parsed } from '../model/diagnostic.js';

export function parseCmdline(text: string, _ctx: ParseContext): Parsed<string[]> {
  if (text === '') return { data: [], diagnostics: [] };
  const args = text.split('\0');
  // The terminating NUL leaves one empty string behind; empty arguments before it are real.
  if (args[args.length - 1] === '') args.pop();
  return { data: args, diagnostics: [] };
}
