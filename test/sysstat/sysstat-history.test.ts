/**
 * sysstat history on the timeline and in the forecast, on the real 06_sysstat capture (sadc every
 * 10 s while slow_alloc.py added 64 × 16 MiB, held it 20 s and freed it), read three ways: as a
 * bare `.csv` input, inside a bundle before its own meminfo samples, and through the CLI.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecastMemAvailable } from '../../src/computed/forecast.js';
import { loadBundle } from '../../src/load/load-bundle.js';
import type { ReportJson } from '../../src/model/report.js';
import type { Timeline } from '../../src/model/timeline.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { coarseByName } from '../../src/timeline/sysstat.js';
import { runCli } from '../hostile/run-cli.js';

const CSV = fileURLToPath(new URL('../../../shared/fixtures/real/06_sysstat/sadf_d_r_S_W_B.csv', import.meta.url));
const SADF_PATH = 'commands/sadf_-d__var_log_sysstat_sa26_--_-r_-S_-W_-B_-q';
const GIB = 2 ** 30;
const at = (stamp: string) => Date.parse(`${stamp}Z`) / 1000;

describe('the real 06_sysstat history as a bare .csv input', () => {
  let t: Timeline;
  beforeAll(async () => {
    t = buildTimeline(await loadBundle(CSV));
  });

  it('is a sysstat bundle spanning the sadc run, host and interval from the rows', () => {
    expect(t.artifacts.kind).toBe('sysstat');
    expect(t.info).toMatchObject({ host: 'vm', start: at('2026-11-26T14:56:02'), end: at('2026-11-26T14:58:42'), intervalS: 10 });
  });

  it('kbmemused climbs ~1 GiB while slow_alloc.py allocates, then drops when it frees', () => {
    const used = coarseByName(t.coarse, 'used (sysstat: total − free − buffers − cache − slab)')!;
    expect(used).toMatchObject({ column: 'kbmemused', unit: 'bytes', source: 'sadf_d_r_S_W_B.csv' });
    expect(used.points).toHaveLength(17);
    const [first, peak] = [used.points[0]!, used.points.reduce((a, b) => (b[1] > a[1] ? b : a))];
    expect((peak[1] - first[1]) / GIB).toBeGreaterThan(0.9);
    expect((peak[1] - first[1]) / GIB).toBeLessThan(1.1);
    // The free (gc at 14:57:53.8) is seen by the 14:58:02 sample.
    expect(peak[0]).toBeLessThan(at('2026-11-26T14:57:53'));
    expect(used.points.find(([time]) => time === at('2026-11-26T14:58:02'))![1]).toBeLessThan(first[1]);
  });

  it('swap and paging columns are coarse series too, in their units', () => {
    expect(coarseByName(t.coarse, 'MemAvailable')!.points[0]).toEqual([at('2026-11-26T14:56:02'), 24353472 * 1024]);
    expect(coarseByName(t.coarse, 'SwapFree')?.points.every(([, v]) => v === 0)).toBe(true);
    expect(coarseByName(t.coarse, 'pswpout')?.unit).toBe('per-second');
    expect(Math.max(...coarseByName(t.coarse, 'pgmajfault')!.points.map(([, v]) => v))).toBe(2.8);
  });

  it('the MemAvailable forecast is fitted over the history alone and names it', () => {
    const f = forecastMemAvailable(t)!;
    expect(f.fit.n).toBe(17);
    expect(f.windowS).toBe(160);
    expect(f.coarseSource).toBe('sadf_d_r_S_W_B.csv');
  });
});

describe('sysstat history before a bundle\'s own samples', () => {
  let t: Timeline;
  /** MemAvailable samples after the history, still falling: the leak the history shows began earlier. */
  const meminfoRecords = [[at('2026-11-26T15:00:00'), 23_300_000], [at('2026-11-26T15:00:10'), 23_290_000], [at('2026-11-26T15:00:20'), 23_280_000]];
  beforeAll(async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'memtrail-sysstat-')), 'memtrail-vm-20261126T150000Z');
    await mkdir(path.join(root, 'commands'), { recursive: true });
    await mkdir(path.join(root, 'series'), { recursive: true });
    await writeFile(path.join(root, SADF_PATH), await readFile(CSV));
    await writeFile(path.join(root, 'series/meminfo'), meminfoRecords.map(([time, kb]) => `=== ${time}\nMemTotal:       24684084 kB\nMemAvailable:   ${kb} kB\n`).join(''));
    t = buildTimeline(await loadBundle(root));
  });

  it('the forecast window starts with the history, and says which file extended it', () => {
    const f = forecastMemAvailable(t)!;
    expect(f.fit.startTime).toBe(at('2026-11-26T14:56:02'));
    expect(f.fit.endTime).toBe(meminfoRecords[2]![0]);
    expect(f.fit.n).toBe(17 + 3);
    expect(f.source).toBe('series/meminfo');
    expect(f.coarseSource).toBe(SADF_PATH);
  });

  it('history that overlaps the samples gives way to them', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'memtrail-sysstat-')), 'b');
    await mkdir(path.join(root, 'commands'), { recursive: true });
    await mkdir(path.join(root, 'series'), { recursive: true });
    await writeFile(path.join(root, SADF_PATH), await readFile(CSV));
    await writeFile(path.join(root, 'series/meminfo'), [at('2026-11-26T14:58:00'), at('2026-11-26T14:58:30')].map((time) => `=== ${time}\nMemAvailable:   24000000 kB\n`).join(''));
    const f = forecastMemAvailable(buildTimeline(await loadBundle(root)))!;
    // 12 history rows before 14:58:00, then the 2 samples; the 5 later rows are not used.
    expect(f.fit.n).toBe(12 + 2);
  });

  it('the report draws the history coarse and names its file', async () => {
    const run = await runCli(['report', CSV, '--format', 'json', '-o', '-']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(report.bundle.kind).toBe('sysstat');
    const chart = (id: string) => report.charts.find((c) => c.id === id);
    expect(chart('mem-available')?.series).toContainEqual(expect.objectContaining({ name: 'MemAvailable (sysstat kbavail)', source: 'sadf_d_r_S_W_B.csv', coarse: true }));
    expect(chart('sysstat-memory')?.series.every((s) => s.coarse === true && s.source === 'sadf_d_r_S_W_B.csv')).toBe(true);
    expect(chart('sysstat-paging')?.series.map((s) => s.name)).toContain('major faults/s (majflt/s)');
    expect(report.audits.find((a) => a.id === 'exhaustion-forecast')?.status).not.toBe('not-enough-data');
  });
});
