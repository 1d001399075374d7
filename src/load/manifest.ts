/**
 * manifest.json of bundle layout v1, validated field by field: a field of the wrong type becomes
 * null plus a diagnostic, never a throw, so one bad field cannot hide the rest of the manifest.
 *
 * Sample (collector output, abridged):
 *   {"format": "memtrail-bundle/1", "collector": {"version": "0.1.0"}, "host": "vm",
 *    "kernel": "6.18.44-fc-v669", "pageSize": 4096, "bootTime": 1795703978, "start": 1795704730.058,
 *    "artifacts": [{"path": "proc/slabinfo", "command": null, "exit": 1, "error": "Permission denied", ...}]}
 */
import type { Diagnostic, Parsed } from '../model/diagnostic.js';
import type { Manifest, ManifestArtifact } from '../model/artifacts.js';
import { isPlausibleEpoch } from '../time/epoch.js';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads typed fields out of one JSON object, noting every field whose type is wrong. */
export class FieldReader {
  constructor(
    private readonly obj: Json,
    private readonly where: string,
    private readonly source: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private read<T>(key: string, expected: string, accept: (v: unknown) => v is T): T | null {
    const value = this.obj[key];
    if (value === undefined || value === null) return null;
    if (accept(value)) return value;
    this.diagnostics.push({
      source: this.source,
      severity: 'warning',
      message: `${this.where}${key}: expected ${expected}, got ${JSON.stringify(value).slice(0, 60)}; ignored`,
    });
    return null;
  }

  string(key: string): string | null {
    return this.read(key, 'a string', (v): v is string => typeof v === 'string');
  }

  number(key: string): number | null {
    return this.read(key, 'a number', (v): v is number => typeof v === 'number' && Number.isFinite(v));
  }

  /** A time in epoch seconds; beyond year 9999 it is corruption (see epoch.ts). */
  epochSeconds(key: string): number | null {
    return this.read(key, 'epoch seconds up to year 9999', (v): v is number => typeof v === 'number' && isPlausibleEpoch(v));
  }

  boolean(key: string): boolean | null {
    return this.read(key, 'a boolean', (v): v is boolean => typeof v === 'boolean');
  }

  object(key: string): Json | null {
    return this.read(key, 'an object', isObject);
  }

  array(key: string): unknown[] | null {
    return this.read(key, 'an array', (v): v is unknown[] => Array.isArray(v));
  }
}

function parseArtifact(value: unknown, index: number, source: string, diagnostics: Diagnostic[]): ManifestArtifact | null {
  if (!isObject(value)) {
    diagnostics.push({ source, severity: 'warning', message: `artifacts[${index}]: not an object; ignored` });
    return null;
  }
  const f = new FieldReader(value, `artifacts[${index}].`, source, diagnostics);
  const path = f.string('path');
  if (path === null) {
    diagnostics.push({ source, severity: 'warning', message: `artifacts[${index}]: no path; ignored` });
    return null;
  }
  const time = f.epochSeconds('time');
  return {
    path,
    command: f.string('command'),
    exit: f.number('exit'),
    seconds: f.number('seconds'),
    bytes: f.number('bytes'),
    truncated: f.boolean('truncated') ?? false,
    timedOut: f.boolean('timedOut') ?? false,
    error: f.string('error'),
    ...(time !== null ? { time } : {}),
  };
}

/** The text as one JSON object, or null with an error diagnostic (not JSON, or not an object). */
export function parseJsonObject(text: string, source: string, diagnostics: Diagnostic[]): Json | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    diagnostics.push({ source, severity: 'error', message: `not valid JSON: ${(err as Error).message}` });
    return null;
  }
  if (isObject(json)) return json;
  diagnostics.push({ source, severity: 'error', message: 'not a JSON object' });
  return null;
}

/** Parses manifest.json; `data` is null only when the text is not a JSON object at all. */
export function parseManifest(text: string, source = 'manifest.json'): Parsed<Manifest | null> {
  const diagnostics: Diagnostic[] = [];
  const json = parseJsonObject(text, source, diagnostics);
  if (json === null) return { data: null, diagnostics };
  const f = new FieldReader(json, '', source, diagnostics);
  const format = f.string('format');
  if (format === null) {
    diagnostics.push({ source, severity: 'warning', message: 'no "format" field; read as memtrail-bundle/1' });
  } else if (!format.startsWith('memtrail-bundle/')) {
    diagnostics.push({ source, severity: 'warning', message: `unknown format "${format}"; read as memtrail-bundle/1` });
  }
  const collector = f.object('collector');
  const collectorVersion = collector ? new FieldReader(collector, 'collector.', source, diagnostics).string('version') : null;
  const artifacts = (f.array('artifacts') ?? [])
    .map((a, i) => parseArtifact(a, i, source, diagnostics))
    .filter((a): a is ManifestArtifact => a !== null);
  return {
    data: {
      format: format ?? 'memtrail-bundle/1',
      collectorVersion,
      host: f.string('host'),
      kernel: f.string('kernel'),
      arch: f.string('arch'),
      pageSize: f.number('pageSize'),
      bootTime: f.epochSeconds('bootTime'),
      start: f.epochSeconds('start'),
      end: f.epochSeconds('end'),
      timezone: f.string('timezone'),
      interval: f.number('interval'),
      mode: f.string('mode'),
      uid: f.number('uid'),
      redaction: f.boolean('redaction'),
      synthetic: f.boolean('synthetic'),
      artifacts,
    },
    diagnostics,
  };
}
