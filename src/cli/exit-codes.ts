/** The exit-code contract (docs/cli.md). Only src/cli/ decides how the process ends. */
export const EXIT = {
  ok: 0,
  /** `--fail-on` found a finding at or above the threshold. */
  findingsGate: 1,
  usage: 2,
  /** Nothing usable could be read: not a bundle, a corrupt archive, a missing file. */
  unreadable: 3,
  /** A bug in memtrail: one line on stderr, never a stack trace (MEMTRAIL_DEBUG=1 shows it). */
  internal: 4,
} as const;

/** A wrong command line: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}
