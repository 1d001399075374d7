/**
 * Runs the real collector on this machine (a 2 s snapshot at 1 s) and loads and inspects what it
 * packed: the contract test between collector/ and the analyzer.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderInspect } from '../../src/inspect/render-inspect.js';
import { loadBundle } from '../../src/load/load-bundle.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';

const COLLECTOR = fileURLToPath(new URL('../../collector/memtrail-collect', import.meta.url));
const present = existsSync(COLLECTOR);
if (!present) console.log(`skipping the collector bundle test: ${COLLECTOR} does not exist yet`);

describe('a bundle from the real collector', () => {
  it.skipIf(!present)('loads, builds a timeline and inspects', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'memtrail-collect-'));
    const { stdout } = await promisify(execFile)(COLLECTOR, ['snapshot', '-d', '2', '-i', '1', '-o', out], { timeout: 90_000 });
    const bundle = stdout.trim().split('\n').at(-1)!;
    expect(existsSync(bundle)).toBe(true);

    const a = await loadBundle(bundle);
    expect(a.kind).toBe('collector');
    expect(a.manifest).not.toBeNull();
    expect(a.manifest!.host).toBeTruthy();
    expect(a.meminfo.filter((s) => s.source === 'series/meminfo').length).toBeGreaterThanOrEqual(2);
    expect(a.procs.filter((s) => s.source === 'series/procs').length).toBeGreaterThanOrEqual(2);
    expect(a.procs.at(-1)!.data.length).toBeGreaterThan(1);
    expect(a.vmstat.length).toBeGreaterThanOrEqual(2);
    // The collector and the parsers agree on every format: no parser errors.
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const t = buildTimeline(a);
    expect(t.info.bootTime).not.toBeNull();
    expect(t.info.start).not.toBeNull();
    expect(t.rates.size).toBeGreaterThan(0);
    const text = renderInspect(t, { color: false });
    expect(text).toContain(a.manifest!.host!);
    expect(text).toMatch(/meminfo\s+\d+\s+.*series\/meminfo/);
  });
});
