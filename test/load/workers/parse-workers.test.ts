/**
 * Parse workers (src/load/workers/) must change nothing but where the parsing runs: each bundle
 * loaded with every series file and kernel log sent to two workers gives exactly the Artifacts of
 * a load on one thread. Workers run dist/load/workers/worker.js, so this imports the built loader
 * (`npm test` builds first). A generated 2-hour recording (720 records per series, several batches
 * per file, a kernel log with OOM reports) and real captures from this machine are compared.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as LoadBundle from '../../../src/load/load-bundle.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const { loadBundle } = (await import(`${ROOT}dist/load/load-bundle.js`)) as typeof LoadBundle;

const onOneThread = { count: 0, minBytes: 0 };
const onWorkers = { count: 2, minBytes: 0 };
/** Series files cut into ~60 segments each: segment joins, line shifts and lean first records of later segments. */
const inSmallSegments = { count: 2, minBytes: 0, segmentBytes: 48 * 1024 };

describe('parse workers', () => {
  let generated = '';
  beforeAll(() => {
    generated = join(mkdtempSync(join(tmpdir(), 'memtrail-workers-')), 'two-hours.tar.zst');
    execFileSync(process.execPath, [`${ROOT}dist/synth/bench-bundle.js`, '--hours', '2', '--interval', '10', '--procs', '60', '--out', generated]);
  });

  it('a generated 2-hour recording loads the same on workers as on one thread', async () => {
    const here = await loadBundle(generated, { parseThreads: onOneThread });
    const there = await loadBundle(generated, { parseThreads: onWorkers });
    expect(there).toEqual(here);
    expect(await loadBundle(generated, { parseThreads: inSmallSegments })).toEqual(here);
    expect(here.vmstat.length).toBeGreaterThan(700);
    expect(here.kernelEvents.some((e) => e.type === 'oom-kill')).toBe(true);
    // The first and the latest vmstat records are whole; the ones between keep only what is read later.
    expect(Object.keys(here.vmstat[0]!.data).length).toBeGreaterThan(150);
    expect(Object.keys(here.vmstat.at(-1)!.data).length).toBeGreaterThan(150);
    expect(Object.keys(here.vmstat[300]!.data).length).toBeLessThan(60);
  });

  for (const sample of ['real-memcg-oom.tar.zst', 'real-dentry.tar.zst', 'process-leak.tar.gz', 'slab-growth.tar.gz']) {
    it(`samples/${sample} loads the same on workers as on one thread`, async () => {
      const file = `${ROOT}samples/${sample}`;
      const here = await loadBundle(file, { parseThreads: onOneThread });
      expect(await loadBundle(file, { parseThreads: onWorkers })).toEqual(here);
      expect(await loadBundle(file, { parseThreads: { ...inSmallSegments, segmentBytes: 1024 } })).toEqual(here);
    });
  }
});
