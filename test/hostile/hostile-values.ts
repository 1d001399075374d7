/**
 * Attacker-chosen strings, one per place a bundle's text reaches the report, so a test can tell
 * which field leaked. Each is something a process, a cgroup or a file can really be named:
 * a comm is any 15 bytes, a cmdline anything, a path anything but NUL.
 */
export const HOSTILE = {
  /** Replaces the leaking worker's comm (series/procs, status, smaps_rollup, the kernel log). */
  comm: '<img src=x onerror=alert(1)>',
  /** Replaces its script path in proc/<pid>/cmdline. */
  cmdline: '</script><script>alert(1)</script>',
  /** Replaces its systemd unit in cgroup paths (proc/<pid>/cgroup, the OOM memcg). */
  cgroup: '{{constructor}}"><svg onload=alert(1)>',
  /** A tmpfs mount point (no spaces: /proc/mounts would escape them as \040). */
  mountPoint: '/run/"><svg/onload=alert(1)>',
  /** A file on that tmpfs (du output). */
  fileName: '{{constructor.constructor(\'alert(1)\')()}}<iframe src=javascript:alert(1)>',
  /** The manifest's host. */
  host: '<script>alert("host")</script>',
} as const;

/** Terminal control sequences as a process name can carry them: OSC title, clear screen, 8-bit CSI. */
export const TERMINAL_COMM = 'evil\x1b]0;pwned\x07\x1b[2J\u009b31mred\x1b[0m\x07';

/** Bytes that are not UTF-8: a lone continuation byte, 0xff, a cut 3-byte sequence. */
export const NON_UTF8_COMM = Buffer.from([0x62, 0x61, 0x64, 0x80, 0xff, 0xfe, 0xe2, 0x82]);

/** A very long name: far beyond any comm, inside maxLineBytes. */
export const LONG_STRING = `${'A'.repeat(100_000)}<b>long</b>`;
