import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCENARIOS } from '../../src/synth/generate-samples.js';
import { writeSample } from '../../src/synth/write-sample.js';

const samplesDir = new URL('../../samples/', import.meta.url).pathname;

describe('synthetic samples', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'memtrail-samples-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('every scenario is committed in samples/', async () => {
    const committed = new Set(await readdir(samplesDir));
    for (const s of ALL_SCENARIOS) expect(committed, s.name).toContain(`${s.name}.tar.gz`);
  });

  // Golden check: the committed bundles are exactly what the generator makes, so a change to the
  // generator that forgets `npm run samples` fails here instead of drifting silently.
  it.each(ALL_SCENARIOS.map((s) => [s.name, s] as const))('%s regenerates byte for byte', async (name, scenario) => {
    const file = join(work, `${name}.tar.gz`);
    await writeSample(scenario, file);
    const [fresh, committed] = await Promise.all([readFile(file), readFile(join(samplesDir, `${name}.tar.gz`))]);
    expect(fresh.equals(committed)).toBe(true);
  });
});
