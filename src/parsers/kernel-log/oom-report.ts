/**
 * Assembles OOM reports (reference §1–§2) into `oom-invocation` and `oom-kill` events.
 * A report opens at `invoked oom-killer:` and collects the trigger PID, memcg counters, free swap and
 * the task table; `Killed process` is the record of truth and becomes a kill even when the header was
 * rate-limited away. The `oom-kill:` summary (5.0+) or the `Task in … limit of …` line (≤4.19) gives the
 * scope and memcgs. A victim logged twice (memory.oom.group) is one kill. Lines of other CPUs in
 * between are ignored because each line is matched by shape.
 */
import type { ParseContext } from '../../model/diagnostic.js';
import type { OomInvocationEvent, OomKillEvent, OomTaskRow } from '../../model/kernel-events.js';
import { dumpStackPid, eventBase, type Emit, type EventBase, type RecordHandler } from './event-base.js';
import {
  isVictimExiting, parseFreeSwapKb, parseGroupKill, parseKilledLine, parseMemcgContext, parseMemcgCounters,
  parseOomHeader, parseOomSummary, parseReaperLine, parseSelectionLine, scopeOfReason,
  type KilledLine, type OomSummary, type SelectionLine,
} from './oom-lines.js';
import { parseTaskRow, parseTaskTableHeader } from './task-table.js';
import type { KernelRecord } from './types.js';

/** Two logs of one pid this close together are the same kill (memory.oom.group logs the victim twice). */
const DUPLICATE_KILL_WINDOW_S = 5;
/** A kill this long after a header whose table cannot vouch for it belongs to a later, rate-limited OOM. */
const REPORT_KILL_WINDOW_S = 60;
const RECENT_KILLS_KEPT = 32;

interface OpenReport {
  invocation: OomInvocationEvent;
  columns: string[] | null;
  summary: OomSummary | null;
  memcgContext: { taskMemcg: string | null; oomMemcg: string } | null;
  /** memory.oom.group: kills after the first one still belong to this report. */
  groupMemcg: string | null;
}

function secondsBetween(earlier: EventBase, later: EventBase): number | null {
  if (earlier.uptime !== null && later.uptime !== null) return later.uptime - earlier.uptime;
  if (earlier.wallTime !== null && later.wallTime !== null) return later.wallTime - earlier.wallTime;
  return null;
}

export class OomReportHandler implements RecordHandler {
  private report: OpenReport | null = null;
  /** The report whose kill was logged; memory.oom.group kills that follow still belong to it. */
  private killedReport: OpenReport | null = null;
  private selection: SelectionLine | null = null;
  private strandedSummary: OomSummary | null = null;
  private readonly recentKills: OomKillEvent[] = [];

  constructor(
    private readonly ctx: ParseContext,
    private readonly emit: Emit,
  ) {}

  take(record: KernelRecord): boolean {
    const { text } = record;
    const header = parseOomHeader(text);
    if (header !== null) {
      this.flush();
      const invocation: OomInvocationEvent = {
        ...eventBase(record, this.ctx), type: 'oom-invocation', comm: header.comm, pid: null, gfpMask: header.gfpMask,
        gfpFlags: header.gfpFlags, order: header.order, oomScoreAdj: header.oomScoreAdj, memcgUsageKb: null,
        memcgLimitKb: null, memcgFailcnt: null, freeSwapKb: null, tasks: [],
      };
      this.report = { invocation, columns: null, summary: null, memcgContext: null, groupMemcg: null };
      return true;
    }
    const killed = parseKilledLine(text);
    if (killed !== null) {
      this.takeKill(killed, record);
      return true;
    }
    return this.takeReporting(record) || this.takeReportLine(text);
  }

  flush(): void {
    if (this.report !== null) this.emit(this.report.invocation);
    this.report = null;
    this.killedReport = null;
    this.selection = null;
    this.strandedSummary = null;
  }

  /** Lines that matter with or without an open report. */
  private takeReporting(record: KernelRecord): boolean {
    const { text } = record;
    const summary = parseOomSummary(text);
    if (summary !== null) {
      if (this.report === null) this.strandedSummary = summary;
      else this.report.summary = summary;
      return true;
    }
    const selection = parseSelectionLine(text);
    if (selection !== null) {
      this.selection = selection;
      return true;
    }
    const reaper = parseReaperLine(text);
    if (reaper !== null) {
      this.emit({ ...eventBase(record, this.ctx), type: 'oom-reaper', ...reaper });
      return true;
    }
    const groupMemcg = parseGroupKill(text);
    const groupReport = this.report ?? this.killedReport;
    if (groupMemcg !== null && groupReport !== null) {
      groupReport.groupMemcg = groupMemcg;
      return true;
    }
    return false;
  }

  /** Lines that only mean something inside an open report. */
  private takeReportLine(text: string): boolean {
    const report = this.report;
    if (report === null) return false;
    const invocation = report.invocation;
    const pid = invocation.pid === null ? dumpStackPid(text, invocation.comm) : null;
    const row = report.columns === null ? null : parseTaskRow(text, report.columns, this.ctx.pageSizeBytes);
    const counters = invocation.memcgUsageKb === null ? parseMemcgCounters(text) : null;
    if (pid !== null) invocation.pid = pid;
    else if (row !== null) invocation.tasks.push(row);
    else if (counters !== null) {
      invocation.memcgUsageKb = counters.usageKb;
      invocation.memcgLimitKb = counters.limitKb;
      invocation.memcgFailcnt = counters.failcnt;
    } else return this.takeReportDetail(report, text);
    return true;
  }

  private takeReportDetail(report: OpenReport, text: string): boolean {
    const columns = parseTaskTableHeader(text);
    const freeSwapKb = columns === null ? parseFreeSwapKb(text) : null;
    const context = columns === null && freeSwapKb === null ? parseMemcgContext(text) : null;
    if (columns !== null) report.columns = columns;
    else if (freeSwapKb !== null) report.invocation.freeSwapKb = freeSwapKb;
    else if (context !== null) report.memcgContext = context;
    else if (isVictimExiting(text)) this.flush();
    else return false;
    return true;
  }

  private takeKill(killed: KilledLine, record: KernelRecord): void {
    const base = eventBase(record, this.ctx);
    const report = this.reportFor(killed, base);
    const summaries = [report?.summary, this.strandedSummary].filter((s): s is OomSummary => s !== null && s !== undefined);
    const summary = summaries.find((s) => s.pid === killed.pid) ?? null;
    const row = report?.invocation.tasks.find((task) => task.pid === killed.pid) ?? null;
    const reason = killed.reason ?? this.selection?.reason ?? null;
    const kill = this.killEvent(base, killed, reason, report, summary, row);
    this.selection = null;
    this.strandedSummary = null;
    if (report !== null && report === this.report) {
      this.emit(report.invocation);
      this.report = null;
      this.killedReport = report;
    }
    this.record(kill);
  }

  private killEvent(base: EventBase, killed: KilledLine, reason: string | null, report: OpenReport | null, summary: OomSummary | null, row: OomTaskRow | null): OomKillEvent {
    const context = report?.memcgContext ?? null;
    const memcg = summary?.oomMemcg ?? context?.oomMemcg ?? report?.summary?.oomMemcg ?? null;
    // 5.0 printed the selected task in the summary even when a child was killed instead.
    const anySummary = summary ?? report?.summary ?? null;
    const summaryScope = anySummary === null ? null : anySummary.constraint === 'CONSTRAINT_MEMCG' || anySummary.oomMemcg !== null ? 'memcg' : anySummary.globalOom ? 'global' : null;
    const trigger = report === null ? null : report.invocation;
    return {
      ...base,
      type: 'oom-kill',
      ...killed,
      uid: killed.uid ?? summary?.uid ?? row?.uid ?? null,
      oomScoreAdj: killed.oomScoreAdj ?? row?.oomScoreAdj ?? null,
      scope: summaryScope ?? (context !== null || memcg !== null ? 'memcg' : scopeOfReason(reason)),
      constraint: anySummary?.constraint ?? null,
      memcg,
      taskMemcg: summary?.taskMemcg ?? context?.taskMemcg ?? report?.groupMemcg ?? null,
      reason,
      trigger: trigger === null ? null : { comm: trigger.comm, pid: trigger.pid, order: trigger.order, gfpMask: trigger.gfpMask },
    };
  }

  /** The report a kill closes: the open one when it can vouch for the victim, else a memory.oom.group report. */
  private reportFor(killed: KilledLine, base: EventBase): OpenReport | null {
    const open = this.report;
    if (open !== null && open.invocation.boot === base.boot) {
      const { tasks } = open.invocation;
      const vouched = open.summary?.pid === killed.pid || this.selection !== null || tasks.some((task) => task.pid === killed.pid);
      const gap = secondsBetween(open.invocation, base);
      if (vouched || (tasks.length === 0 && (gap === null || gap <= REPORT_KILL_WINDOW_S))) return open;
    }
    const grouped = this.killedReport;
    return grouped !== null && grouped.groupMemcg !== null && grouped.invocation.boot === base.boot ? grouped : null;
  }

  /** Emits a kill, or completes the earlier log of the same victim. */
  private record(kill: OomKillEvent): void {
    const earlier = this.recentKills.find((seen) => {
      if (seen.pid !== kill.pid || seen.boot !== kill.boot) return false;
      const gap = secondsBetween(seen, kill);
      return gap === null || Math.abs(gap) <= DUPLICATE_KILL_WINDOW_S;
    });
    if (earlier === undefined) {
      this.emit(kill);
      this.recentKills.push(kill);
      if (this.recentKills.length > RECENT_KILLS_KEPT) this.recentKills.shift();
      return;
    }
    for (const key of Object.keys(kill) as (keyof OomKillEvent)[]) {
      if (earlier[key] === null) Object.assign(earlier, { [key]: kill[key] });
    }
  }
}
