/**
 * Bundle values (process names, mount points, cgroup paths, file names) come from a machine an
 * attacker may control, and remediation commands are meant to be pasted into a root shell. Every
 * such value goes through one of these before it becomes part of a command or a config line.
 */

/** A single shell word: bare when it is only safe characters, else single-quoted. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\/.,:=@%+-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** An fstab field: space, tab, newline and backslash as the octal escapes mount(8) reads. */
export function fstabField(value: string): string {
  return value.replace(/[\\ \t\n]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

/** A systemd unit name (systemd.unit(5): ASCII letters, digits, ":-_.\@"), or null when it is not one. */
export function unitNameOrNull(name: string): string | null {
  return /^[A-Za-z0-9:_.\\@-]{1,255}$/.test(name) && !name.startsWith('.') ? name : null;
}
