/**
 * The JSON result, `"schema": "memtrail-report/1"` (docs/report-json.md). The HTML and Markdown
 * renderers read only this. Times are ISO 8601 UTC strings, except chart points (epoch seconds).
 */
import type { Diagnostic } from './diagnostic.js';

export const REPORT_SCHEMA = 'memtrail-report/1';

/** Stable finding ids: users and tools depend on them. */
export const ROOT_CAUSE_IDS = [
  'process-leak',
  'slab-growth',
  'fragmentation',
  'oom-killer-neutered',
  'swap-misconfigured',
  'tmpfs-shm',
  'mmap-retention',
] as const;
export const CROSS_CUTTING_IDS = ['memory-accounting', 'exhaustion-forecast', 'oom-events', 'prevention'] as const;
export type FindingId = (typeof ROOT_CAUSE_IDS)[number] | (typeof CROSS_CUTTING_IDS)[number];

export type FindingSeverity = 'critical' | 'warning' | 'info';

export interface Evidence {
  /** Bundle-relative file. */
  source: string;
  line?: number;
  /** ISO 8601 UTC. */
  time?: string;
  text: string;
}

export interface Remediation {
  text: string;
  /** A shell command to copy. */
  command?: string;
  /** A file to create or edit, with its full content. */
  file?: { path: string; content: string };
}

/** A closed set of detail shapes the renderers know (Lighthouse's details types). */
export interface DetailsTable {
  type: 'table';
  title: string;
  headings: { key: string; label: string; unit?: 'bytes' | 'percent' | 'count' | 'MB/h' | 'per-second' | 'time' | 'text' }[];
  rows: Record<string, string | number | null>[];
}

export interface Finding {
  id: FindingId;
  severity: FindingSeverity;
  title: string;
  summary: string;
  evidence: Evidence[];
  remediation: Remediation[];
  details?: DetailsTable[];
}

export type AuditStatus = 'fail' | 'pass' | 'not-enough-data' | 'error';

/** Every audit that ran, including those that passed or lacked data, so silence is never ambiguous. */
export interface AuditSummary {
  id: FindingId;
  title: string;
  status: AuditStatus;
  /** For not-enough-data / error: which input was missing or what failed. */
  reason?: string;
}

export interface ReportEvent {
  type: string;
  time: string | null;
  uptime: number | null;
  source: string;
  line: number | null;
  text: string;
  /** Type-specific fields (oom-kill: pid, comm, anonRssKb, … scope, constraint, memcg, taskMemcg). */
  [field: string]: unknown;
}

export interface ChartSeries {
  name: string;
  /** [epoch seconds, value] pairs, downsampled (LTTB) for long series. */
  points: [number, number][];
  /** Where this series came from (`series/meminfo`, `sadf -d` …). */
  source: string;
  /** Coarse = from a lower-resolution history (sysstat). */
  coarse?: boolean;
}

export interface ChartData {
  id: string;
  title: string;
  /** Text alternative for the chart. */
  description: string;
  kind: 'stacked-area' | 'line' | 'bars';
  unit: 'bytes' | 'percent' | 'per-second' | 'count';
  series: ChartSeries[];
  /** Vertical markers on the shared time axis (OOM kills …). */
  markers: { time: number; label: string; type: string }[];
  /** A dashed projection, e.g. the MemAvailable forecast to exhaustion. */
  forecast?: { name: string; points: [number, number][] };
  /** For `bars` charts (buddyinfo by order): category labels on the x axis. */
  categories?: string[];
  /** For `bars` charts: the x axis title (`order (block size)`). */
  categoryTitle?: string;
}

export interface ReportBundle {
  host: string | null;
  kernel: string | null;
  arch: string | null;
  kind: string;
  bootTime: string | null;
  start: string | null;
  end: string | null;
  timezone: string | null;
  intervalS: number | null;
  synthetic: boolean | null;
  collectorVersion: string | null;
  /** Number of samples per series (`meminfo`: 720 …). */
  samples: Record<string, number>;
  artifacts: { path: string; bytes: number; status: 'ok' | 'missing' | 'error' | 'timed-out' | 'truncated'; note?: string }[];
}

export interface Verdict {
  /** Two or three sentences: what died, when, the root cause, the fix. */
  text: string;
  rootCause: FindingId | null;
  severity: FindingSeverity | 'ok';
}

export interface KeyNumber {
  label: string;
  value: string;
}

export interface ReportJson {
  schema: typeof REPORT_SCHEMA;
  generator: { name: 'memtrail'; version: string };
  bundle: ReportBundle;
  verdict: Verdict;
  keyNumbers: KeyNumber[];
  findings: Finding[];
  audits: AuditSummary[];
  events: ReportEvent[];
  charts: ChartData[];
  diagnostics: Diagnostic[];
}
