/**
 * One NDJSON line per bundle, `"schema": "memtrail-batch/1"` (docs/batch-ndjson.md): flat columns
 * plus arrays of structs, every field always present (null when unknown, [] for no items), so a
 * fleet store (ClickHouse, BigQuery, DuckDB) loads the file as is.
 */
import type { FindingSeverity, ReportJson } from '../model/report.js';

export const BATCH_SCHEMA = 'memtrail-batch/1';

export interface BatchFinding {
  id: string;
  severity: FindingSeverity;
  title: string;
}

export interface BatchOomKill {
  time: string | null;
  pid: number | null;
  comm: string | null;
  scope: 'global' | 'memcg' | null;
  memcg: string | null;
}

export interface BatchLine {
  schema: typeof BATCH_SCHEMA;
  bundle: string;
  status: 'ok' | 'error';
  error: string | null;
  host: string | null;
  kernel: string | null;
  span_start: string | null;
  span_end: string | null;
  span_s: number | null;
  interval_s: number | null;
  verdict_severity: FindingSeverity | 'ok' | null;
  root_cause: string | null;
  findings: BatchFinding[];
  oom_kill_count: number | null;
  oom_kills: BatchOomKill[];
  forecast_exhaustion_time: string | null;
  forecast_seconds_to_exhaustion: number | null;
  forecast_slope_mb_per_h: number | null;
  forecast_confidence: string | null;
  diagnostic_count: number | null;
  analysis_s: number;
  memtrail_version: string;
}

const epoch = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso) / 1000);
const orNull = <T>(value: unknown, type: 'string' | 'number'): T | null => (typeof value === type ? (value as T) : null);

/** MemAvailable's row in the exhaustion-forecast finding's table, when the audit produced one. */
function memAvailableForecast(report: ReportJson) {
  const finding = report.findings.find((f) => f.id === 'exhaustion-forecast');
  const row = finding?.details?.flatMap((table) => table.rows).find((r) => r.series === 'MemAvailable');
  const exhaustion = orNull<string>(row?.exhaustion, 'string');
  const end = epoch(report.bundle.end);
  const exhaustionEpoch = epoch(exhaustion);
  return {
    forecast_exhaustion_time: exhaustion,
    forecast_seconds_to_exhaustion: exhaustionEpoch !== null && end !== null ? Math.max(0, Math.round(exhaustionEpoch - end)) : null,
    forecast_slope_mb_per_h: exhaustion === null ? null : orNull<number>(row?.slope, 'number'),
    forecast_confidence: exhaustion === null ? null : orNull<string>(row?.confidence, 'string'),
  };
}

export function okLine(bundle: string, report: ReportJson, analysisS: number): BatchLine {
  const { start, end } = report.bundle;
  const startS = epoch(start);
  const endS = epoch(end);
  const kills = report.events.filter((e) => e.type === 'oom-kill');
  return {
    schema: BATCH_SCHEMA,
    bundle,
    status: 'ok',
    error: null,
    host: report.bundle.host,
    kernel: report.bundle.kernel,
    span_start: start,
    span_end: end,
    // The two ISO times carry milliseconds; their difference in float seconds would not (22.789999961853027).
    span_s: startS !== null && endS !== null ? Math.round((endS - startS) * 1000) / 1000 : null,
    interval_s: report.bundle.intervalS,
    verdict_severity: report.verdict.severity,
    root_cause: report.verdict.rootCause,
    findings: report.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    oom_kill_count: kills.length,
    oom_kills: kills.map((e) => ({
      time: e.time,
      pid: orNull<number>(e.pid, 'number'),
      comm: orNull<string>(e.comm, 'string'),
      scope: orNull<'global' | 'memcg'>(e.scope, 'string'),
      memcg: orNull<string>(e.memcg, 'string'),
    })),
    ...memAvailableForecast(report),
    diagnostic_count: report.diagnostics.length,
    analysis_s: round3(analysisS),
    memtrail_version: report.generator.version,
  };
}

export function errorLine(bundle: string, message: string, analysisS: number, version: string): BatchLine {
  return {
    schema: BATCH_SCHEMA, bundle, status: 'error', error: message.split('\n')[0]!, host: null, kernel: null, span_start: null, span_end: null,
    span_s: null, interval_s: null, verdict_severity: null, root_cause: null, findings: [], oom_kill_count: null, oom_kills: [],
    forecast_exhaustion_time: null, forecast_seconds_to_exhaustion: null, forecast_slope_mb_per_h: null, forecast_confidence: null,
    diagnostic_count: null, analysis_s: round3(analysisS), memtrail_version: version,
  };
}

function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
