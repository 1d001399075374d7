/**
 * Path helpers for bundle layout v1 (docs/bundle-format.md): where a cgroup file sits below the
 * memory controller, and which command a `sos_commands/<plugin>/<file>` of an sosreport stands for.
 */

/** `sys/fs/cgroup/memory/app/x` (v1) or `sys/fs/cgroup/app/x` (v2) → `/app/x`. */
export function cgroupPathOf(dir: string): string {
  const parts = dir.split('/').slice(3);
  const top = parts[0] ?? '';
  // v1 mounts each controller in its own dir (memory, or a comanaged pair); hybrid v2 sits in unified/.
  if (top.split(',').includes('memory') || top === 'unified') parts.shift();
  return '/' + parts.join('/');
}

/**
 * sosreport command files that match a collector command (commands/<name>) closely enough to use
 * the same parser. Only the obvious ones; other sos_commands files are indexed, not parsed.
 */
const SOS_COMMANDS: Record<string, string> = {
  dmesg: 'dmesg',
  'sysctl_-a': 'sysctl_-a',
  'swapon_--bytes_--show': 'swapon_--show_--bytes',
  ps_alxwww: 'ps_alxwww',
  'ipcs_-m': 'ipcs_-m',
  'ipcs_-m_-p': 'ipcs_-m_-p',
  'df_-kPT': 'df_-kPT',
};

export function sosCommandName(file: string): string | null {
  if (file in SOS_COMMANDS) return SOS_COMMANDS[file]!;
  // journalctl files of the kernel ring only (sos also saves the whole journal and its disk usage).
  if (file.startsWith('journalctl') && /(^|_)(-k|--dmesg)(_|$)/.test(file)) return file;
  return null;
}
