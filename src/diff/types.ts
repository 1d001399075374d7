/**
 * The comparison of two bundles, `"schema": "memtrail-diff/1"` (docs/diff-json.md): a capture
 * before and after a fix, or a known-good baseline against today. The HTML and Markdown diff
 * renderers read only this. Times are ISO 8601 UTC strings, except chart points (epoch seconds).
 */
import type { AuditStatus, ChartData, FindingId, FindingSeverity, Verdict } from '../model/report.js';

export const DIFF_SCHEMA = 'memtrail-diff/1';

export type Side = 'before' | 'after';

/** Who each capture is, from its report. */
export interface DiffSide {
  /** The path as given on the command line. */
  input: string;
  host: string | null;
  kernel: string | null;
  arch: string | null;
  start: string | null;
  end: string | null;
  timezone: string | null;
  intervalS: number | null;
  synthetic: boolean | null;
  verdict: Verdict;
}

export type DiffWarningKind =
  | 'different-host'
  | 'different-kernel'
  | 'different-arch'
  | 'same-capture'
  | 'after-precedes-before'
  | 'one-side-only';

/** Something the reader must know before trusting the comparison; the comparison is made anyway. */
export interface DiffWarning {
  kind: DiffWarningKind;
  text: string;
}

/**
 * What became of one check. `resolved`: raised (warning or critical) before, passes after.
 * `new`: raises after but not before. `persisting`: raises on both. `unverified`: raised before,
 * but the after capture lacks the data to re-check it (not-enough-data or error). `clear`: raises
 * on neither.
 */
export type FindingChange = 'resolved' | 'new' | 'persisting' | 'unverified' | 'clear';

export interface FindingComparison {
  id: FindingId;
  title: string;
  change: FindingChange;
  beforeStatus: AuditStatus | null;
  afterStatus: AuditStatus | null;
  /** Severity of the finding on each side, null when the audit gave none. */
  beforeSeverity: FindingSeverity | null;
  afterSeverity: FindingSeverity | null;
  beforeSummary: string | null;
  afterSummary: string | null;
}

export interface SeverityChange {
  id: FindingId;
  before: FindingSeverity;
  after: FindingSeverity;
}

export interface DiffFindings {
  resolved: FindingId[];
  new: FindingId[];
  persisting: FindingId[];
  unverified: FindingId[];
  /** Findings present on both sides whose severity differs (info included: critical → info is here too). */
  severityChanges: SeverityChange[];
  /** One row per audit that ran on either side, in audit order. */
  checks: FindingComparison[];
}

export type MetricValue = number | 'never' | null;

export type MetricGroup = 'rate' | 'pressure' | 'peak' | 'slope' | 'exhaustion' | 'state';
export type MetricUnit = 'per-second' | 'per-hour' | 'percent' | 'bytes' | 'MB/h' | 'hours' | 'count';

/**
 * One number on each side, compared as pmdiff compares averages: `ratio` = after ÷ before, and a
 * change is `flagged` at ≥ 2× either way (ratio ≥ 2 or ≤ 0.5, a sign reversal included). A side at
 * zero (|value| below `floorAbs`, the metric's noise floor) has no ratio: `zeroSide` names it and
 * the change is flagged, like pmdiff's |+| and |-|. Both at zero: nothing to flag.
 * null = no data on that side. `"never"` (time-to-exhaustion metrics only): the series is not
 * heading to exhaustion; a number against "never" is flagged.
 */
export interface DiffMetric {
  name: string;
  group: MetricGroup;
  unit: MetricUnit;
  before: MetricValue;
  after: MetricValue;
  ratio: number | null;
  flagged: boolean;
  zeroSide: Side | 'both' | null;
  /** Values with a smaller magnitude count as zero. */
  floorAbs: number;
  /** Where the number comes from (`series/vmstat pswpout` …). */
  source: string;
}

/** Mean bytes per accounting category over each capture (src/computed/accounting.ts). */
export interface AccountingRow {
  category: string;
  label: string;
  beforeBytes: number | null;
  afterBytes: number | null;
  changeBytes: number | null;
}

export type PresenceStatus = 'both' | 'new' | 'gone';

/** One slab cache on each side: peak size and growth rate. */
export interface SlabRow {
  name: string;
  status: PresenceStatus;
  beforePeakBytes: number | null;
  afterPeakBytes: number | null;
  /** after − before peak, with an absent side counted as 0. */
  changeBytes: number;
  beforeSlopeMBPerHour: number | null;
  afterSlopeMBPerHour: number | null;
  /** The peak or the growth rate changed by 2× or more, or the cache appeared or vanished. */
  flagged: boolean;
}

/** One command (comm) on each side, matched by name because pids change across restarts. */
export interface ProcessRow {
  comm: string;
  status: PresenceStatus;
  /** RSS at the track's last sample. */
  beforeRssBytes: number | null;
  afterRssBytes: number | null;
  /** Largest RSS + swap of any pid of the command. */
  beforePeakBytes: number | null;
  afterPeakBytes: number | null;
  /** RSS + swap growth of the latest pid (src/computed/process-growth.ts). */
  beforeSlopeMBPerHour: number | null;
  afterSlopeMBPerHour: number | null;
  beforePids: number[];
  afterPids: number[];
  beforeRestarts: number;
  afterRestarts: number;
  /** after − before peak, with an absent side counted as 0. */
  changeBytes: number;
  /** The peak or the growth rate changed by 2× or more, or the command appeared or vanished. */
  flagged: boolean;
}

export type ConfigArea = 'sysctl' | 'thp' | 'systemd' | 'swap' | 'tmpfs' | 'sysv-shm';

/** A setting that differs; null = absent on that side (the area itself was captured on both). */
export interface ConfigChange {
  area: ConfigArea;
  key: string;
  before: string | null;
  after: string | null;
}

/** Highest order with a free block in a zone, at the last buddyinfo sample; -1 = no free block. */
export interface FragmentationRow {
  zone: string;
  beforeHighestOrder: number | null;
  afterHighestOrder: number | null;
}

/** A chart of the diff: `side` says whose time axis and zone a time chart uses ('both' = bars). */
export interface DiffChart extends ChartData {
  side: Side | 'both';
}

export interface DiffJson {
  schema: typeof DIFF_SCHEMA;
  generator: { name: 'memtrail'; version: string };
  before: DiffSide;
  after: DiffSide;
  warnings: DiffWarning[];
  findings: DiffFindings;
  metrics: DiffMetric[];
  accounting: AccountingRow[];
  slabs: SlabRow[];
  processes: ProcessRow[];
  config: ConfigChange[];
  fragmentation: FragmentationRow[];
  charts: DiffChart[];
}
