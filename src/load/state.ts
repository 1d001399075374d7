/**
 * What the loader accumulates while the reader walks the bundle: the Artifacts under
 * construction, large files being parsed (here or on parse workers), static captures waiting for
 * their capture time, cgroup files waiting for their directory to be complete, and per-source
 * diagnostic counts.
 */
import { DEFAULT_LIMITS, type BundleEntry } from '../bundle/types.js';
import type { Diagnostic, ParseContext, Parsed } from '../model/diagnostic.js';
import type { Artifacts, BundleKind, ProcessCapture, Sample } from '../model/artifacts.js';
import { emptyArtifacts } from './empty-artifacts.js';
import { parseCgroupMemory } from '../parsers/cgroup-memory.js';
import { orderSamples } from './order-samples.js';
import { MAX_DIAGNOSTICS_PER_SOURCE } from './diagnostic-cap.js';
import { createJob, type JobSpec } from './workers/jobs.js';
import type { JobOutcome, ParsePool } from './workers/pool.js';
import { SEGMENT_BYTES, sendSeries } from './workers/series-segments.js';
import { staticCaptureTime, UNKNOWN_CAPTURE_TIME } from './static-time.js';

const DEFAULT_PAGE_SIZE = 4096;

export interface JobSettings {
  /** Large files (at least `minBytes`) are parsed on this pool when one is given. */
  pool: ParsePool | null;
  minBytes: number;
  /** Series files go to the pool in segments of about this size (src/load/workers/series-segments.ts). */
  segmentBytes: number;
  /** The reader's line cap, for jobs that split lines themselves. */
  maxLineBytes: number;
}

interface PendingJob {
  source: string;
  outcome: Promise<JobOutcome | Error>;
  apply: (outcome: JobOutcome) => void;
}

export type Parser<T> = (text: string, ctx: ParseContext) => Parsed<T>;

export class LoadState {
  readonly artifacts: Artifacts;
  /** Files being parsed, in the order they were read: their results are applied in finish(), in that order. */
  private readonly pendingJobs: PendingJob[] = [];
  private readonly pendingStatic: Sample<unknown>[] = [];
  private readonly cgroupDirs = new Map<string, { cgroupPath: string; source: string; files: Record<string, string> }>();
  private readonly processes = new Map<number, ProcessCapture>();
  private readonly diagnosticCounts = new Map<string, number>();
  private readonly finishers: (() => void)[] = [];
  private latestSeriesTime: number | null = null;
  /** A parser used the default page size before manifest.json (and its pageSize) was read. */
  private pageSizeAssumed = false;

  constructor(
    kind: BundleKind,
    origin: string,
    readonly jobSettings: JobSettings = { pool: null, minBytes: 0, segmentBytes: SEGMENT_BYTES, maxLineBytes: DEFAULT_LIMITS.maxLineBytes },
  ) {
    this.artifacts = emptyArtifacts(kind, origin);
  }

  report(d: Diagnostic): void {
    const n = (this.diagnosticCounts.get(d.source) ?? 0) + 1;
    this.diagnosticCounts.set(d.source, n);
    if (n <= MAX_DIAGNOSTICS_PER_SOURCE) this.artifacts.diagnostics.push(d);
  }

  ctx(source: string, firstLine = 1): ParseContext {
    const pageSize = this.artifacts.manifest?.pageSize;
    if (pageSize == null) this.pageSizeAssumed = true;
    return { source, firstLine, pageSizeBytes: pageSize ?? DEFAULT_PAGE_SIZE };
  }

  /** Runs one parser; a parser that throws costs its file (a diagnostic), never the bundle. */
  parse<T>(parser: Parser<T>, text: string, source: string, firstLine = 1): T | null {
    try {
      const { data, diagnostics } = parser(text, this.ctx(source, firstLine));
      for (const d of diagnostics) this.report(d);
      return data;
    } catch (err) {
      this.report({ source, line: firstLine, severity: 'error', message: `parser failed: ${(err as Error).message}` });
      return null;
    }
  }

  /** A one-shot capture; its time is settled in finish(), once the manifest is known. */
  addStatic<T>(list: Sample<T>[], source: string, data: T): void {
    const sample: Sample<T> = { time: NaN, source, line: 1, data };
    list.push(sample);
    this.pendingStatic.push(sample);
  }

  /**
   * Parses a file with a job (src/load/workers/jobs.ts): on a parse worker when it is large
   * enough, else here. Either way `apply` runs in finish(), in the order the files were read, so
   * the result does not depend on which thread finished first.
   */
  async runJob(spec: JobSpec, entry: BundleEntry, apply: (outcome: JobOutcome) => void): Promise<void> {
    const { pool, minBytes, segmentBytes } = this.jobSettings;
    const worthAThread = pool !== null && entry.size >= minBytes;
    const sent = !worthAThread ? null : spec.job === 'series' ? await sendSeries(pool, spec, entry.chunks(), segmentBytes) : await pool.send(spec, entry.chunks());
    if (sent) {
      this.pendingJobs.push({ source: entry.path, outcome: sent.outcome, apply });
      return;
    }
    const samples: Sample<unknown>[] = [];
    const job = createJob(spec, (batch) => { for (const s of batch) samples.push(s); });
    for await (const chunk of entry.chunks()) job.push(chunk);
    this.pendingJobs.push({ source: entry.path, outcome: Promise.resolve({ samples, end: job.finish(true) }), apply });
  }

  /** Work that must land in read order with the jobs' results (a file parsed here but stored like a job's). */
  inReadOrder(source: string, work: () => void): void {
    this.pendingJobs.push({ source, outcome: Promise.resolve({ samples: [], end: { diagnostics: [], diagnosticCount: 0, lines: 0 } }), apply: work });
  }

  /** Samples of a series file, appended to `list` (see runJob). */
  addSeriesSamples(list: Sample<unknown>[], samples: Sample<unknown>[]): void {
    for (const sample of samples) {
      list.push(sample);
      if (this.latestSeriesTime === null || sample.time > this.latestSeriesTime) this.latestSeriesTime = sample.time;
    }
  }

  process(pid: number): ProcessCapture {
    let p = this.processes.get(pid);
    if (!p) {
      p = { pid, status: null, smapsRollup: null, maps: null, cmdline: null, oomScoreAdj: null, cgroup: null };
      this.processes.set(pid, p);
    }
    return p;
  }

  addCgroupFile(dir: string, cgroupPath: string, name: string, text: string): void {
    let group = this.cgroupDirs.get(dir);
    if (!group) {
      group = { cgroupPath, source: dir, files: {} };
      this.cgroupDirs.set(dir, group);
    }
    group.files[name] = text;
  }

  /** Work that needs every file read first (an sosreport's manifest comes last); runs first in finish(). */
  atFinish(work: () => void): void {
    this.finishers.push(work);
  }

  async finish(): Promise<Artifacts> {
    const a = this.artifacts;
    await this.applyJobs();
    for (const work of this.finishers) work();
    this.parseCgroupDirs();
    a.processes = [...this.processes.values()].sort((x, y) => x.pid - y.pid);
    this.settleStaticTimes();
    const report = (d: Diagnostic) => this.report(d);
    a.meminfo = orderSamples(a.meminfo, report);
    a.vmstat = orderSamples(a.vmstat, report);
    a.vmstatTable = orderSamples(a.vmstatTable, report);
    a.buddyinfo = orderSamples(a.buddyinfo, report);
    a.slabinfo = orderSamples(a.slabinfo, report);
    a.zoneinfo = orderSamples(a.zoneinfo, report);
    a.pressure = orderSamples(a.pressure, report);
    a.swaps = orderSamples(a.swaps, report);
    a.procs = orderSamples(a.procs, report);
    a.smapsRollup = orderSamples(a.smapsRollup, report);
    a.cgroups = orderSamples(a.cgroups, report, (cg) => cg.path);
    this.noteSuppressedDiagnostics();
    this.notePageSizeAssumption();
    return a;
  }

  private async applyJobs(): Promise<void> {
    for (const { source, outcome, apply } of this.pendingJobs) {
      const result = await outcome;
      if (result instanceof Error) {
        this.report({ source, severity: 'error', message: `could not read: ${result.message}` });
        continue;
      }
      apply(result);
      for (const d of result.end.diagnostics) this.report(d);
      const unshown = result.end.diagnosticCount - result.end.diagnostics.length;
      if (unshown > 0) this.diagnosticCounts.set(source, (this.diagnosticCounts.get(source) ?? 0) + unshown);
    }
    this.pendingJobs.length = 0;
  }

  private parseCgroupDirs(): void {
    for (const { cgroupPath, source, files } of this.cgroupDirs.values()) {
      const cg = this.parse((_text, ctx) => parseCgroupMemory(files, cgroupPath, ctx), '', source);
      if (cg) this.addStatic(this.artifacts.cgroups, source, cg);
    }
  }

  private settleStaticTimes(): void {
    if (this.pendingStatic.length === 0) return;
    let unknown = 0;
    for (const sample of this.pendingStatic) {
      const time = staticCaptureTime(this.artifacts.manifest, sample.source, this.latestSeriesTime);
      if (time === null) unknown += 1;
      sample.time = time ?? UNKNOWN_CAPTURE_TIME;
    }
    if (unknown > 0) {
      this.report({
        source: 'manifest.json',
        severity: 'info',
        message: `capture time unknown for ${unknown} one-shot file(s) (no manifest times, no series): they carry time ${UNKNOWN_CAPTURE_TIME} (unknown)`,
      });
    }
  }

  private noteSuppressedDiagnostics(): void {
    for (const [source, n] of this.diagnosticCounts) {
      if (n > MAX_DIAGNOSTICS_PER_SOURCE) {
        this.artifacts.diagnostics.push({
          source,
          severity: 'warning',
          message: `${n - MAX_DIAGNOSTICS_PER_SOURCE} more diagnostics from this file not shown`,
        });
      }
    }
  }

  private notePageSizeAssumption(): void {
    const pageSize = this.artifacts.manifest?.pageSize;
    if (this.pageSizeAssumed && pageSize != null && pageSize !== DEFAULT_PAGE_SIZE) {
      this.report({
        source: 'manifest.json',
        severity: 'warning',
        message: `files read before manifest.json were parsed with a ${DEFAULT_PAGE_SIZE}-byte page, but the machine's page is ${pageSize} bytes`,
      });
    }
  }
}
