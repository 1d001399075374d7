/**
 * `commands/<name>` files, routed by the command line they hold (spaces became '_').
 * Longer prefixes come first: `ipcs_-m_-p` before `ipcs_-m`.
 */
import type { BundleEntry } from '../bundle/types.js';
import { parseDf } from '../parsers/df.js';
import { parseDu } from '../parsers/du.js';
import { parseIpcsShm, parseIpcsShmPids } from '../parsers/ipcs.js';
import { parsePsTable } from '../parsers/ps-table.js';
import { parseSadfCsv } from '../parsers/sadf-csv.js';
import { parseSwaponShow } from '../parsers/swapon.js';
import { parseSysctlOutput } from '../parsers/sysctl.js';
import { parseSystemctlShow } from '../parsers/systemctl-show.js';
import { parseVmstatTable } from '../parsers/vmstat-table.js';
import { loadKernelLog } from './kernel-log.js';
import type { LoadState, Parser } from './state.js';

type CommandHandler = (entry: BundleEntry, state: LoadState) => Promise<void>;

/** Parses the whole file and hands the result to `store` (skipped when the parser failed). */
function whole<T>(parser: Parser<T>, store: (data: T, state: LoadState, source: string) => void): CommandHandler {
  return async (entry, state) => {
    const data = state.parse(parser, await entry.text(), entry.path);
    if (data !== null) store(data, state, entry.path);
  };
}

/** Appends rows, for commands that may be captured in several files (one per unit, per day …). */
function append<T>(rows: T[], more: T[]): T[] {
  for (const row of more) rows.push(row);
  return rows;
}

const COMMANDS: [RegExp, CommandHandler][] = [
  [/^ipcs_-m_-p/, whole(parseIpcsShmPids, (d, s) => void (s.artifacts.ipcsShmPids = d))],
  [/^ipcs_-m/, whole(parseIpcsShm, (d, s) => void (s.artifacts.ipcsShm = d))],
  [/^df_-kPT/, whole(parseDf, (d, s) => void (s.artifacts.df = d))],
  [/^swapon/, whole(parseSwaponShow, (d, s, src) => s.addStatic(s.artifacts.swaps, src, d))],
  [/^vmstat/, whole(parseVmstatTable, (d, s, src) => s.addStatic(s.artifacts.vmstatTable, src, d))],
  [/^sysctl/, whole(parseSysctlOutput, (d, s) => void Object.assign(s.artifacts.sysctl, d))],
  [/^(dmesg|journalctl)/, loadKernelLog],
  [/^du_/, whole(parseDu, (d, s) => void append(s.artifacts.shmFiles, d))],
  [/^systemctl_show/, whole(parseSystemctlShow, (d, s) => void (s.artifacts.systemd = append(s.artifacts.systemd ?? [], d)))],
  [/^sadf/, whole(parseSadfCsv, (d, s) => void append(s.artifacts.sadf, d))],
  [/^ps(_|$)/, whole(parsePsTable, (d, s, src) => s.addStatic(s.artifacts.procs, src, d))],
];

/** The handler for a command name, or null when memtrail does not parse that command. */
export function commandHandler(name: string): CommandHandler | null {
  return COMMANDS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
