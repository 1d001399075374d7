/** `memtrail report --format json` on a real bundle, and lookups into its result. */
import { spawnSync } from 'node:child_process';
import type { DetailsTable, Finding, FindingId, ReportEvent, ReportJson } from '../../../src/model/report.js';
import { cliPath } from './env.js';

export function runReport(bundle: string): ReportJson {
  const run = spawnSync(process.execPath, [cliPath, 'report', bundle, '--format', 'json', '-o', '-'], {
    encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`memtrail report exited ${run.status ?? run.signal}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReportJson;
}

/** oom-kill events from within the capture: kills of earlier scenarios stay in the kernel log, before it. */
export function oomKillsDuringCapture(report: ReportJson): ReportEvent[] {
  const start = report.bundle.start;
  return report.events.filter((e) => e.type === 'oom-kill' && start !== null && e.time !== null && e.time >= start);
}

export function findingOf(report: ReportJson, id: FindingId): Finding {
  const f = report.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} finding; findings: ${report.findings.map((x) => `${x.id} (${x.severity})`).join(', ')}`);
  return f;
}

export function tableOf(finding: Finding, title: string): DetailsTable {
  const t = finding.details?.find((d) => d.title === title);
  if (!t) throw new Error(`${finding.id} has no "${title}" table: ${finding.details?.map((d) => d.title).join(', ')}`);
  return t;
}

export function oomKillOf(report: ReportJson, pid: number): ReportEvent | undefined {
  return report.events.find((e) => e.type === 'oom-kill' && e.pid === pid);
}

/** One line per finding, for failure messages and the test log. */
export function findingsLine(report: ReportJson): string {
  return report.findings.map((f) => `${f.id} (${f.severity})`).join(', ');
}
