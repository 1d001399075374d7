/**
 * sosreport input (docs/sosreport.md). proc/ and sys/ are layout-v1 paths and go through the
 * common routes; this module maps `sos_commands/<plugin>/<command>` files, reads
 * `sos_reports/manifest.json` and `version.txt`, and, once every file is read, turns what sos
 * says about itself into a Manifest: host, kernel and arch from `uname -a`, capture times from
 * the plugins' start times, one artifact entry per command (timed out, not found) and per copied
 * file, and the sos version and plugins as data-quality diagnostics.
 */
import type { Manifest, ManifestArtifact } from '../model/artifacts.js';
import { parseIpcsShm } from '../parsers/ipcs.js';
import { parsePsTable } from '../parsers/ps-table.js';
import { commandHandler } from './commands.js';
import { loadKernelLog } from './kernel-log.js';
import { parseSosManifest, type SosManifest } from './sos-manifest.js';
import type { LoadState, Parser } from './state.js';
import { wholeFile, type EntryHandler } from './whole-file.js';

interface Uname {
  host: string | null;
  kernel: string | null;
  arch: string | null;
}

/** What one sosreport has said so far; settled into a Manifest when loading finishes. */
class SosFacts {
  manifest: SosManifest | null = null;
  manifestSource = 'sos_reports/manifest.json';
  /** `version.txt`: `sosreport: 4.0`, then `<plugin>: unversioned` lines. */
  versionTxt: { version: string | null; plugins: string[] } | null = null;
  uname: Uname | null = null;
  /** Process tables by file name (ps_alxwww …), parsed once the best is known, and comms by pid (ps -o …comm…). */
  readonly psTables = new Map<string, { source: string; text: string }>();
  readonly comms = new Map<number, string>();
  readonly pluginDirs = new Set<string>();
}

const FACTS = new WeakMap<LoadState, SosFacts>();

function factsOf(state: LoadState): SosFacts {
  let facts = FACTS.get(state);
  if (!facts) {
    facts = new SosFacts();
    FACTS.set(state, facts);
    const settled = facts;
    state.atFinish(() => settle(settled, state));
  }
  return facts;
}

/** `Linux vm 6.18.44-fc-v595 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux`. */
export const parseUnameAll: Parser<Uname> = (text) => {
  const words = text.trim().split(/\s+/);
  const os = words.at(-1) === 'GNU/Linux' ? 1 : 0;
  return {
    data: { host: words[1] ?? null, kernel: words[2] ?? null, arch: words.length > 4 ? words[words.length - 1 - os]! : null },
    diagnostics: [],
  };
};

const parseVersionTxt: Parser<{ version: string | null; plugins: string[] }> = (text) => {
  let version: string | null = null;
  const plugins: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([\w.-]+): (.*)$/.exec(line.trim());
    if (!m) continue;
    if (m[1] === 'sosreport' || m[1] === 'sos') version = m[2]!.trim();
    else plugins.push(m[1]!);
  }
  return { data: { version, plugins }, diagnostics: [] };
};

/**
 * The kernel's comm from a ps args column, for rows the comm table does not cover: kernel
 * threads print `[kthreadd]`, programs their argv[0]; the kernel keeps 15 bytes of the basename.
 */
export function commFromArgs(args: string): string {
  const thread = /^\[(.+)\]$/.exec(args);
  if (thread) return thread[1]!;
  const argv0 = args.split(' ')[0] ?? '';
  return (argv0.split('/').at(-1) ?? argv0).replace(/:$/, '').slice(0, 15);
}

/** Only the shared-memory section of plain `ipcs` (sos 4.0's sysvipc plugin): queues and semaphores also have a `key` header. */
function shmSection(text: string): string {
  const start = text.indexOf('------ Shared Memory Segments');
  if (start < 0) return '';
  const next = text.indexOf('\n------ ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/** Process tables sos saves, best first: alxwww has PPID and RSS, auxwww RSS only. */
const PS_PREFERENCE = ['ps_alxwww', 'ps_auxwww'];

const SOS_COMMANDS: [RegExp, EntryHandler][] = [
  [/^dmesg$/, loadKernelLog],
  // Whole journals are fine: the kernel-log parser keeps the kernel's lines and skips the rest.
  [/^journalctl_(?!--disk-usage)/, loadKernelLog],
  [/^sysctl_-a$/, commandHandler('sysctl_-a')!],
  [/^swapon_--bytes_--show$/, commandHandler('swapon_--show_--bytes')!],
  [/^ipcs_-m(_-p)?$/, (entry, state) => commandHandler(entry.path.split('/').at(-1)!)!(entry, state)],
  [/^ipcs$/, wholeFile((text, ctx) => parseIpcsShm(shmSection(text), ctx), (d, s) => void (s.artifacts.ipcsShm = d))],
  [/^df_-al(_-x_autofs)?$/, commandHandler('df_-kPT')!],
  [/^ps_(alxwww|auxwww)$/, async (entry, state) => void factsOf(state).psTables.set(entry.path.split('/').at(-1)!, { source: entry.path, text: await entry.text() })],
  // Read for its comm column only: its lack of RSS is no news, so only warnings are kept.
  [/^ps_axo_.*_comm(_|$)/, async (entry, state) => {
    const { data, diagnostics } = parsePsTable(await entry.text(), state.ctx(entry.path));
    for (const d of diagnostics) if (d.severity !== 'info') state.report(d);
    for (const row of data) factsOf(state).comms.set(row.pid, row.comm);
  }],
  [/^uname_-a$/, wholeFile(parseUnameAll, (d, s) => void (factsOf(s).uname = d))],
];

/** The handler for `sos_commands/<plugin>/<file>`, or null when memtrail reads nothing from that command. */
export function sosCommandHandler(path: string): EntryHandler | null {
  const file = path.split('/').at(-1) ?? '';
  return SOS_COMMANDS.find(([pattern]) => pattern.test(file))?.[1] ?? null;
}

export const loadSosCommand: EntryHandler = async (entry, state) => {
  factsOf(state).pluginDirs.add(entry.path.split('/')[1] ?? '');
  await sosCommandHandler(entry.path)?.(entry, state);
};

export const loadSosManifest: EntryHandler = wholeFile(
  (text, ctx) => parseSosManifest(text, ctx.source),
  (data, state, source) => {
    const facts = factsOf(state);
    facts.manifest = data;
    facts.manifestSource = source;
    // Provisional, so kernel logs read after it (var/log/*) get the capture's year; settled at the end.
    if (state.artifacts.manifest === null) state.artifacts.manifest = manifestOf(facts, new Set());
  },
);

export const loadSosVersionTxt: EntryHandler = wholeFile(parseVersionTxt, (d, s) => void (factsOf(s).versionTxt = d));

function mangledCommandPath(plugin: string, exec: string): string {
  return `sos_commands/${plugin}/${exec.replace(/\//g, '.').replace(/\s+/g, '_')}`;
}

function commandArtifacts(sos: SosManifest, presentPaths: Set<string>): ManifestArtifact[] {
  const out: ManifestArtifact[] = [];
  for (const plugin of sos.plugins) {
    const time = plugin.start ?? sos.start;
    const at = time === null ? {} : { time };
    for (const c of plugin.commands) {
      const notFound = c.returnCode === 126 || c.returnCode === 127;
      out.push({
        path: c.path ?? mangledCommandPath(plugin.name, c.exec),
        command: c.exec,
        exit: c.returnCode,
        seconds: c.runTimeS,
        bytes: null,
        truncated: c.truncated,
        timedOut: c.returnCode === 124,
        error: notFound ? `command not found: ${c.exec}` : null,
        ...at,
      });
    }
    for (const path of plugin.filesCopied) {
      // sos lists copied directories too; only files the bundle holds become artifacts.
      if (presentPaths.has(path)) out.push({ path, command: null, exit: 0, seconds: null, bytes: null, truncated: false, timedOut: false, error: null, ...at });
    }
  }
  return out;
}

function manifestOf(facts: SosFacts, presentPaths: Set<string>): Manifest {
  const sos = facts.manifest;
  const version = sos?.version ?? facts.versionTxt?.version ?? null;
  return {
    format: 'sosreport',
    collectorVersion: version === null ? 'sos' : `sos ${version}`,
    host: facts.uname?.host ?? null,
    kernel: facts.uname?.kernel ?? null,
    arch: facts.uname?.arch ?? null,
    pageSize: null,
    bootTime: null,
    start: sos?.start ?? null,
    end: sos?.end ?? null,
    timezone: null,
    interval: null,
    mode: null,
    uid: null,
    redaction: null,
    synthetic: false,
    artifacts: sos ? commandArtifacts(sos, presentPaths) : [],
  };
}

function reportSosFacts(facts: SosFacts, state: LoadState): void {
  const sos = facts.manifest;
  const source = sos ? facts.manifestSource : 'version.txt';
  const plugins = sos?.plugins.map((p) => p.name) ?? facts.versionTxt?.plugins ?? [...facts.pluginDirs].sort();
  const version = sos?.version ?? facts.versionTxt?.version ?? 'unknown';
  const policy = sos?.policy ? ` (policy ${sos.policy})` : '';
  state.report({ source, severity: 'info', message: `sos report ${version}${policy}; plugins: ${plugins.join(', ') || 'none listed'}` });
  if (sos) {
    state.report({ source, severity: 'info', message: 'sos writes its times without a zone (local time of the machine): read as UTC' });
    for (const p of sos.plugins.filter((p) => p.timeoutHit)) {
      state.report({ source, severity: 'warning', message: `sos plugin ${p.name} hit its timeout: commands it had not run yet are missing` });
    }
    for (const p of sos.plugins) {
      for (const c of p.commands) {
        if (c.returnCode === 124) state.report({ source: c.path ?? source, severity: 'warning', message: `timed out under sos: ${c.exec}` });
        if (c.truncated) state.report({ source: c.path ?? source, severity: 'warning', message: `cut at sos's size limit: ${c.exec}` });
      }
    }
  } else {
    state.report({ source, severity: 'info', message: 'no sos_reports/manifest.json (sos before 4.0?): capture times unknown' });
  }
}

/** Best ps table, with the comm table's names; df types from the mounts when df had no Type column. */
function settleTables(facts: SosFacts, state: LoadState): void {
  const a = state.artifacts;
  const table = PS_PREFERENCE.map((name) => facts.psTables.get(name)).find((t) => t !== undefined);
  const rows = table ? state.parse(parsePsTable, table.text, table.source) : null;
  if (table && rows) {
    for (const row of rows) row.comm = facts.comms.get(row.pid) ?? commFromArgs(row.comm);
    state.addStatic(a.procs, table.source, rows);
  }
  if (a.df && a.mounts) {
    const typeAt = new Map(a.mounts.map((m) => [m.mountpoint, m.fstype]));
    for (const row of a.df) if (row.type === '') row.type = typeAt.get(row.mountpoint) ?? '';
  }
}

const LINK_SKIPPED = 'skipped: SymbolicLink entry (only regular files are read)';

/**
 * sos links top-level names (ps, free, uname …) and proc/mounts to files it also holds: the
 * reader's one warning per link becomes one info line.
 */
function summariseLinks(state: LoadState): void {
  const a = state.artifacts;
  const links = a.diagnostics.filter((d) => d.message === LINK_SKIPPED).map((d) => d.source);
  if (links.length === 0) return;
  a.diagnostics = a.diagnostics.filter((d) => d.message !== LINK_SKIPPED);
  a.diagnostics.push({
    source: links[0]!,
    severity: 'info',
    message: `${links.length} symbolic link(s) not followed (${links.slice(0, 6).join(', ')}${links.length > 6 ? ', …' : ''}): sos links names to files it holds too; proc/mounts is read from proc/<pid>/mounts`,
  });
}

function settle(facts: SosFacts, state: LoadState): void {
  settleTables(facts, state);
  const a = state.artifacts;
  if (a.kind !== 'sosreport' || (a.manifest !== null && a.manifest.format !== 'sosreport')) return;
  a.manifest = manifestOf(facts, new Set(a.index.map((e) => e.path)));
  reportSosFacts(facts, state);
  summariseLinks(state);
}
