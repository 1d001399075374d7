/**
 * A long recording must not grow Artifacts without bound: 12k records of the real /proc/vmstat
 * (4 KB each) and of a 200-process table go through the series routes, streamed from a
 * generator, and the heap kept afterwards is measured. Together the records are ~85 MB of text.
 * Measured on this machine at 20k records: ~48 MiB kept (before the string pool, 15-character
 * comms kept every record's text alive: 228 MiB for the procs records alone); 12k keep ~30 MiB.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { BundleEntry } from '../../src/bundle/types.js';
import { PROCS_KEPT } from '../../src/load/series/compact.js';
import { routeFor } from '../../src/load/registry.js';
import { LoadState } from '../../src/load/state.js';
import { real } from './real-bundles.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const RECORDS = 12_000;

function generatedSeries(path: string, record: (i: number) => string): BundleEntry {
  return {
    path,
    size: 0,
    lines: () => { throw new Error('series are split on bytes'); },
    async *chunks() {
      for (let i = 0; i < RECORDS; i++) yield Buffer.from(`=== ${1795700000 + i * 10}\n${record(i)}\n`);
    },
    text: () => Promise.reject(new Error('series are streamed')),
  };
}

async function load(state: LoadState, entry: BundleEntry) {
  const route = routeFor(entry.path)!;
  await route.handler(entry, route.match, state);
}

describe('bounded memory on long series', () => {
  it('keeps 12k vmstat and procs records compact', { timeout: 180_000 }, async () => {
    const vmstat = (await real('01_baseline/proc_vmstat.txt')).trimEnd();
    // 15-character comms (the kernel's maximum) and RSS that changes every record for half the rows.
    const procsRecord = (i: number) =>
      'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ\n' +
      Array.from({ length: 200 }, (_, p) => `${1000 + p} 1 worker-proc-${String(p).padStart(3, '0')} ${1000 + p * 10 + (p % 2) * i} 0 0`).join('\n');
    gc();
    const before = process.memoryUsage().heapUsed;
    const state = new LoadState('collector', 'generated');
    await load(state, generatedSeries('series/vmstat', (i) => vmstat.replace(/^pgmajfault \d+$/m, `pgmajfault ${1000 + i}`)));
    await load(state, generatedSeries('series/procs', procsRecord));
    const a = await state.finish();
    gc();
    const retainedMiB = (process.memoryUsage().heapUsed - before) / 1048576;
    console.log(`retained heap after ${RECORDS} vmstat + ${RECORDS} procs records: ${retainedMiB.toFixed(1)} MiB`);

    expect(a.vmstat).toHaveLength(RECORDS);
    expect(a.procs).toHaveLength(RECORDS);
    expect(Object.keys(a.vmstat[0]!.data).length).toBeGreaterThan(150);
    expect(Object.keys(a.vmstat.at(-1)!.data).length).toBeGreaterThan(150);
    expect(a.vmstat[RECORDS / 2]!.data['pgmajfault']).toBe(1000 + RECORDS / 2);
    expect(Object.keys(a.vmstat[RECORDS / 2]!.data).length).toBeLessThan(60);
    expect(a.procs[RECORDS / 2]!.data).toHaveLength(PROCS_KEPT);
    expect(a.procs.at(-1)!.data).toHaveLength(200);
    expect(a.diagnostics).toEqual([]);
    // Whole records would be ~12k × (190 + 200) values and every record text; compact ones fit well under this.
    expect(retainedMiB).toBeLessThan(50);
  });
});
