/**
 * Broken time series through the CLI: duplicate and out-of-order records, a clock stepped back,
 * counters reset by a reboot, a pid reused by another program, records with fields missing.
 * Each is named (file and line) in the diagnostics; none poisons the charts or the findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/model/report.js';
import { useCorpus } from './corpus-dir.js';
import { ABSURD_EPOCH_S } from './build-corpus.js';
import { expectNoCrash, reportJson, runCli } from './run-cli.js';

const { corpus } = useCorpus(['series']);
let report: ReportJson;
beforeAll(async () => {
  ({ report } = await reportJson(corpus['broken-series.tar.gz']!));
}, 60_000);

const messagesOf = (source: string) => report.diagnostics.filter((d) => d.source === source).map((d) => `${d.line}: ${d.message}`);

describe('broken series', () => {
  it('duplicate and out-of-order records are reported at their line, sorted, and the duplicate dropped', () => {
    const meminfo = messagesOf('series/meminfo');
    // Record 11 (0-based 10) was moved 450 s later; record 6 repeated.
    expect(meminfo).toContainEqual(expect.stringMatching(/^650: record time 1773082500 is 150\.000 s before the previous record: .*sorted$/));
    expect(meminfo).toContainEqual(expect.stringMatching(/^\d+: duplicate record time 1773080700; the later copy is ignored$/));
  });

  it('a clock stepped back an hour is reported where it happens', () => {
    expect(messagesOf('series/meminfo')).toContainEqual(expect.stringMatching(/^\d+: record time \d+ is 3300\.000 s before the previous record: clock went backwards/));
  });

  it('every chart point is a finite number and rates are never negative, across the reboot that reset the counters', () => {
    for (const chart of report.charts) {
      for (const series of chart.series) {
        for (const [time, value] of series.points) {
          expect(Number.isFinite(time) && Number.isFinite(value), `${chart.id}/${series.name}`).toBe(true);
          if (chart.unit === 'per-second') expect(value, `${chart.id}/${series.name}`).toBeGreaterThanOrEqual(0);
        }
      }
      if (chart.kind === 'bars') continue;
      for (const series of chart.series) {
        const times = series.points.map(([t]) => t);
        expect(times.every((t, i) => i === 0 || t >= times[i - 1]!), `${chart.id}/${series.name} in time order`).toBe(true);
      }
    }
    expect(report.events.some((e) => e.type === 'counter-reset' && e.source === 'series/vmstat')).toBe(true);
  });

  it('a pid reused by another program does not continue the old process: the leak is still python3, bash is not blamed', () => {
    const leak = report.findings.find((f) => f.id === 'process-leak')!;
    expect(leak.title).toMatch(/^python3 \(pid 1842\)/);
    expect(JSON.stringify(leak)).not.toMatch(/bash/);
    const rss = report.charts.find((c) => c.id === 'process-rss')!;
    const python = rss.series.find((s) => s.name === 'python3 (pid 1842)')!;
    // The python3 track ends where the pid was reused (halfway), it does not absorb bash's samples.
    expect(python.points.length).toBeLessThan(60);
    expect(Math.min(...python.points.map(([, v]) => v))).toBeGreaterThan(3100 * 1024);
  });

  it('rows and records with missing fields are reported by line and skipped, never read as zero', () => {
    const procs = messagesOf('series/procs');
    expect(procs.length).toBeGreaterThan(10);
    expect(procs[0]).toMatch(/^\d+: not a "PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ" row: "611 1 rsyslogd"$/);
    const available = report.charts.find((c) => c.id === 'mem-available')!.series.find((s) => s.name === 'MemAvailable')!;
    expect(available.points.every(([, v]) => v > 0)).toBe(true);
  });
});

describe.concurrent('stamps beyond year 9999 (a series record, the manifest bootTime, a kernel log line)', () => {
  it('are dropped with a diagnostic at their place; every format and inspect still work', async () => {
    const input = corpus['absurd-times.tar.gz']!;
    const { report } = await reportJson(input);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({
      source: 'series/pressure-memory', line: 4 * 3 + 1, message: `bad record separator "=== ${ABSURD_EPOCH_S}"; record skipped`,
    }));
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ source: 'manifest.json', message: expect.stringMatching(/^bootTime: expected epoch seconds/) }));
    expect(report.events.every((e) => e.time === null || Date.parse(e.time) < Date.parse('3000-01-01'))).toBe(true);
    for (const args of [['report', input, '-f', 'html', '-o', '-'], ['report', input, '-f', 'md', '-o', '-'], ['inspect', input]]) {
      const run = await runCli(args);
      expectNoCrash(run);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
  });
});
