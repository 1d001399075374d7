/**
 * Regenerates samples/*.tar.gz: one synthetic bundle per root cause, its after-fix twin, a healthy
 * baseline and the same baseline from another host. Deterministic: same code, same bytes.
 *   node dist/synth/generate-samples.js [outDir]     (npm run samples)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from './scenario.js';
import { fragmentation, fragmentationFixed } from './scenarios/fragmentation.js';
import { healthy, healthyOtherHost } from './scenarios/healthy.js';
import { mmapRetention, mmapRetentionFixed } from './scenarios/mmap-retention.js';
import { oomKillerNeutered, oomKillerNeuteredFixed } from './scenarios/oom-killer-neutered.js';
import { processLeak, processLeakFixed } from './scenarios/process-leak.js';
import { slabGrowth, slabGrowthFixed } from './scenarios/slab-growth.js';
import { swapMisconfigured, swapMisconfiguredFixed } from './scenarios/swap-misconfigured.js';
import { tmpfsShm, tmpfsShmFixed } from './scenarios/tmpfs-shm.js';
import { writeSample } from './write-sample.js';

/** Each root cause with the capture after its fix; the pairs are what `memtrail diff` is tested on. */
export const SAMPLE_PAIRS: [Scenario, Scenario][] = [
  [processLeak, processLeakFixed],
  [slabGrowth, slabGrowthFixed],
  [fragmentation, fragmentationFixed],
  [oomKillerNeutered, oomKillerNeuteredFixed],
  [swapMisconfigured, swapMisconfiguredFixed],
  [tmpfsShm, tmpfsShmFixed],
  [mmapRetention, mmapRetentionFixed],
];

export const ALL_SCENARIOS: Scenario[] = [healthy, healthyOtherHost, ...SAMPLE_PAIRS.flat()];

async function main(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const s of ALL_SCENARIOS) {
    const file = join(outDir, `${s.name}.tar.gz`);
    await writeSample(s, file);
    process.stdout.write(`${file}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv[2] ?? 'samples');
}
