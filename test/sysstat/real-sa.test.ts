/**
 * sa data recorded here and now: `sadc 1 5` into a temp file, `sadf -d … -- -r -S -W -B` as the
 * collector runs it, then that CSV as a bare input. Skipped, saying why, without sysstat.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastMemAvailable } from '../../src/computed/forecast.js';
import { loadBundle } from '../../src/load/load-bundle.js';
import type { Timeline } from '../../src/model/timeline.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { coarseByName } from '../../src/timeline/sysstat.js';

const SADC = ['/usr/lib/sysstat/sadc', '/usr/lib64/sa/sadc', '/usr/libexec/sysstat/sadc'].find((p) => existsSync(p));
const reason = SADC === undefined ? 'sadc not found (apt-get install sysstat; .ci/run does)' : null;
if (reason) console.log(`test/sysstat/real-sa: skipped: ${reason}`);

describe.skipIf(reason !== null)('sa data recorded by sadc in this test', () => {
  let dir: string;
  let t: Timeline;
  let started: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memtrail-sa-'));
    started = Date.now() / 1000;
    execFileSync(SADC!, ['1', '5', join(dir, 'sa.bin')]);
    const csv = execFileSync('sadf', ['-d', join(dir, 'sa.bin'), '--', '-r', '-S', '-W', '-B'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'sadf.csv'), csv);
    t = buildTimeline(await loadBundle(join(dir, 'sadf.csv')));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every interval is on the timeline with this machine\'s name and its MemAvailable', () => {
    expect(t.artifacts.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(t.info.host).toBe(hostname());
    const avail = coarseByName(t.coarse, 'MemAvailable')!;
    expect(avail.points.length).toBeGreaterThanOrEqual(3);
    for (const [time, bytes] of avail.points) {
      expect(time).toBeGreaterThan(started - 2);
      expect(time).toBeLessThan(started + 30);
      expect(bytes).toBeGreaterThan(0);
    }
    expect(coarseByName(t.coarse, 'pswpin')?.points.length).toBe(avail.points.length);
    expect(coarseByName(t.coarse, 'pgmajfault')?.points.length).toBe(avail.points.length);
  });

  it('the forecast is fitted over them', () => {
    const f = forecastMemAvailable(t)!;
    expect(f.fit.n).toBe(coarseByName(t.coarse, 'MemAvailable')!.points.length);
    expect(f.coarseSource).toBe('sadf.csv');
  });
});
