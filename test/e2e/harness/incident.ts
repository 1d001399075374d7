/**
 * One real incident: a scratch directory on disk, the recorder around it, and every process,
 * cgroup and file it creates registered for cleanup. `describeIncident` provokes it once in
 * beforeAll (the report is what the tests then assert on) and cleans up in a finally, so a
 * failure anywhere leaves nothing behind; where it cannot run, the suite is skipped and says why.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../../src/model/report.js';
import { createCgroup, removeCgroup, type Cgroup } from './cgroup.js';
import { CleanupStack } from './cleanup.js';
import { bundleRecording, startRecorder, type RecordOptions, type Recorder } from './collector.js';
import { skipReason } from './env.js';
import { startProcess, type Proc } from './processes.js';
import { findingsLine, runReport } from './report.js';
import { printScenarioTime } from './timing.js';

/** Under /var/tmp: disk-backed here, and the collector refuses to write to tmpfs. */
const scratchBase = '/var/tmp';

export class Incident {
  readonly dir: string;
  private readonly cleanup = new CleanupStack();

  constructor(readonly name: string) {
    this.dir = mkdtempSync(path.join(scratchBase, `memtrail-e2e-${name}-`));
    this.cleanup.defer(`remove ${this.dir}`, () => rmSync(this.dir, { recursive: true, force: true }));
  }

  defer(what: string, run: () => unknown): void {
    this.cleanup.defer(what, run);
  }

  cgroup(name: string, limitBytes: number, options: { oomKillDisable?: boolean } = {}): Cgroup {
    const cg = createCgroup(`memtrail-e2e-${name}`, limitBytes, options);
    this.defer(`remove cgroup ${cg.dir}`, () => removeCgroup(cg));
    return cg;
  }

  start(argv: string[], options: { cgroup?: Cgroup } = {}): Proc {
    const proc = startProcess(argv, { cgroupDir: options.cgroup?.dir, cwd: this.dir });
    this.defer(`kill pid ${proc.pid} (${argv.join(' ')})`, () => proc.kill());
    return proc;
  }

  async record(options: RecordOptions = {}): Promise<Recorder> {
    const recorder = await startRecorder(path.join(this.dir, 'record'), options);
    this.defer('stop the recorder', () => recorder.stop());
    return recorder;
  }

  /** Stops the recorder and bundles; keeps a copy in $MEMTRAIL_E2E_SAMPLES_DIR as `real-<name>` when set. */
  async bundle(recorder: Recorder): Promise<string> {
    await recorder.stop();
    const out = path.join(this.dir, 'out');
    mkdirSync(out);
    const bundle = bundleRecording(path.join(this.dir, 'record'), out);
    const keep = process.env.MEMTRAIL_E2E_SAMPLES_DIR;
    if (keep) copyFileSync(bundle, path.join(keep, `real-${this.name}${bundle.slice(bundle.indexOf('.tar'))}`));
    return bundle;
  }

  async close(): Promise<void> {
    await this.cleanup.runAll();
  }
}

/**
 * Provokes the incident with `provoke` (which returns the bundle path), runs `memtrail report` on it
 * and hands the result to `body`, whose tests assert on it.
 */
export function describeIncident(
  name: string,
  title: string,
  options: { tools?: string[] },
  provoke: (incident: Incident) => Promise<string>,
  body: (report: () => ReportJson) => void,
): void {
  const reason = skipReason(options.tools);
  if (reason !== null) process.stderr.write(`[e2e] SKIPPED ${name} (${title}): ${reason}\n`);
  describe.skipIf(reason !== null)(title, () => {
    let report: ReportJson | null = null;
    const started = Date.now();
    beforeAll(async () => {
      const incident = new Incident(name);
      let result: ReportJson;
      try {
        result = runReport(await provoke(incident));
      } finally {
        await incident.close();
      }
      report = result;
      console.log(`[e2e] ${name}: findings ${findingsLine(result)}; verdict: ${result.verdict.text}`);
    });
    afterAll(() => printScenarioTime(name, (Date.now() - started) / 1000));
    const get = () => {
      if (!report) throw new Error('the incident did not produce a report');
      return report;
    };
    it('runs every audit on the real bundle without an error', () => {
      expect(get().audits.filter((a) => a.status === 'error')).toEqual([]);
      expect(get().bundle).toMatchObject({ kind: 'collector', synthetic: false });
    });
    body(get);
  });
}
