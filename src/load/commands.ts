/**
 * `commands/<name>` files, routed by the command line they hold (spaces became '_').
 * Longer prefixes come first: `ipcs_-m_-p` before `ipcs_-m`.
 */
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
import { wholeFile, type EntryHandler } from './whole-file.js';

/** Appends rows, for commands that may be captured in several files (one per unit, per day …). */
function append<T>(rows: T[], more: T[]): T[] {
  for (const row of more) rows.push(row);
  return rows;
}

/** `sadf -d` output: one file per sysstat data file, rows tagged with their file for the report. */
export const loadSadf: EntryHandler = wholeFile(parseSadfCsv, (rows, s, source) => {
  for (const row of rows) row.source = source;
  append(s.artifacts.sadf, rows);
});

const COMMANDS: [RegExp, EntryHandler][] = [
  [/^ipcs_-m_-p/, wholeFile(parseIpcsShmPids, (d, s) => void (s.artifacts.ipcsShmPids = d))],
  [/^ipcs_-m/, wholeFile(parseIpcsShm, (d, s) => void (s.artifacts.ipcsShm = d))],
  [/^df_-kPT/, wholeFile(parseDf, (d, s) => void (s.artifacts.df = d))],
  [/^swapon/, wholeFile(parseSwaponShow, (d, s, src) => s.addStatic(s.artifacts.swaps, src, d))],
  [/^vmstat/, wholeFile(parseVmstatTable, (d, s, src) => s.addStatic(s.artifacts.vmstatTable, src, d))],
  [/^sysctl/, wholeFile(parseSysctlOutput, (d, s) => void Object.assign(s.artifacts.sysctl, d))],
  [/^(dmesg|journalctl)/, loadKernelLog],
  [/^du_/, wholeFile(parseDu, (d, s) => void append(s.artifacts.shmFiles, d))],
  [/^systemctl_show/, wholeFile(parseSystemctlShow, (d, s) => void (s.artifacts.systemd = append(s.artifacts.systemd ?? [], d)))],
  [/^sadf/, loadSadf],
  [/^ps(_|$)/, wholeFile(parsePsTable, (d, s, src) => s.addStatic(s.artifacts.procs, src, d))],
];

/** The handler for a command name, or null when memtrail does not parse that command. */
export function commandHandler(name: string): EntryHandler | null {
  return COMMANDS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
