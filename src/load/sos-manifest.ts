/**
 * `sos_reports/manifest.json` of an sosreport (sos ≥ 4.0): the sos version, the plugins that ran,
 * and per plugin the commands with their return codes and run times and the files copied. Times
 * are Python `datetime.now()` printed without a zone, i.e. the machine's local time.
 * sos 4.0 records no truncation (its size limit tails files silently); a `truncated` field, when
 * a later sos writes one, is read.
 *
 * Real sample (sos 4.0 on this machine, abridged):
 *   {"version": "4.0", "cmdline": "report --batch --tmp-dir /tmp/sosrun -o memory,kernel,...",
 *    "start_time": "2026-11-26 16:56:38.873000", "end_time": "2026-11-26 16:57:41.988393", "policy": "Debian",
 *    "components": {"report": {"plugins": {"memory": {"start_time": "2026-11-26 16:57:14.231753",
 *      "end_time": "...", "timeout_hit": false,
 *      "commands": [{"command": "free", "parameters": [], "exec": "free", "filepath": "sos_commands/memory/free",
 *                    "return_code": 0, "run_time": 0.3186, "tags": ["free"]}],
 *      "files": [{"specification": "/proc/meminfo", "files_copied": ["proc/meminfo"], "tags": ["meminfo"]}]}}}}}
 */
import type { Diagnostic, Parsed } from '../model/diagnostic.js';
import { FieldReader, isObject, parseJsonObject, type Json } from './manifest.js';

export interface SosCommand {
  exec: string;
  /** Bundle path of the output; null when sos saved none (command not found). */
  path: string | null;
  returnCode: number | null;
  runTimeS: number | null;
  truncated: boolean;
}

export interface SosPlugin {
  name: string;
  /** Epoch seconds (local time read as UTC, see above); null when absent. */
  start: number | null;
  end: number | null;
  timeoutHit: boolean;
  commands: SosCommand[];
  filesCopied: string[];
}

export interface SosManifest {
  version: string | null;
  policy: string | null;
  cmdline: string | null;
  start: number | null;
  end: number | null;
  plugins: SosPlugin[];
}

const SOS_TIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)$/;

/** `2026-11-26 16:56:38.873000` → epoch seconds, the local time read as UTC. */
export function sosTimeToEpochS(text: string | null): number | null {
  const m = text === null ? null : SOS_TIME.exec(text);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]!.slice(0, 12)}Z`);
  return Number.isNaN(ms) ? null : ms / 1000;
}

function parseCommand(value: unknown, where: string, source: string, diagnostics: Diagnostic[]): SosCommand | null {
  if (!isObject(value)) return null;
  const f = new FieldReader(value, where, source, diagnostics);
  return {
    exec: f.string('exec') ?? f.string('command') ?? '',
    path: f.string('filepath'),
    returnCode: f.number('return_code'),
    runTimeS: f.number('run_time'),
    truncated: f.boolean('truncated') ?? false,
  };
}

function parsePlugin(name: string, value: Json, source: string, diagnostics: Diagnostic[]): SosPlugin {
  const f = new FieldReader(value, `plugins.${name}.`, source, diagnostics);
  const files = (f.array('files') ?? []).flatMap((spec) => (isObject(spec) && Array.isArray(spec.files_copied) ? spec.files_copied : []));
  return {
    name,
    start: sosTimeToEpochS(f.string('start_time')),
    end: sosTimeToEpochS(f.string('end_time')),
    timeoutHit: f.boolean('timeout_hit') ?? false,
    commands: (f.array('commands') ?? [])
      .map((c, i) => parseCommand(c, `plugins.${name}.commands[${i}].`, source, diagnostics))
      .filter((c): c is SosCommand => c !== null),
    filesCopied: files.filter((p): p is string => typeof p === 'string'),
  };
}

export function parseSosManifest(text: string, source: string): Parsed<SosManifest | null> {
  const diagnostics: Diagnostic[] = [];
  const json = parseJsonObject(text, source, diagnostics);
  if (json === null) return { data: null, diagnostics };
  const f = new FieldReader(json, '', source, diagnostics);
  const report = isObject(json.components) && isObject(json.components.report) ? json.components.report : {};
  const plugins = isObject(report.plugins) ? report.plugins : {};
  return {
    data: {
      version: f.string('version'),
      policy: f.string('policy'),
      cmdline: f.string('cmdline'),
      start: sosTimeToEpochS(f.string('start_time')),
      end: sosTimeToEpochS(f.string('end_time')),
      plugins: Object.entries(plugins)
        .filter((entry): entry is [string, Json] => isObject(entry[1]))
        .map(([name, value]) => parsePlugin(name, value, source, diagnostics))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    diagnostics,
  };
}
