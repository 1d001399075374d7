/** The audits in report order: the seven root causes, then the cross-cutting views. */
import { exhaustionForecastAudit } from './exhaustion-forecast.js';
import { fragmentationAudit } from './fragmentation.js';
import { memoryAccountingAudit } from './memory-accounting.js';
import { mmapRetentionAudit } from './mmap-retention.js';
import { oomEventsAudit } from './oom-events.js';
import { oomKillerNeuteredAudit } from './oom-killer-neutered.js';
import { preventionAudit } from './prevention.js';
import { processLeakAudit } from './process-leak.js';
import { slabGrowthAudit } from './slab-growth.js';
import { swapMisconfiguredAudit } from './swap-misconfigured.js';
import { tmpfsShmAudit } from './tmpfs-shm.js';
import type { Audit } from './types.js';

export const AUDITS: readonly Audit[] = [
  processLeakAudit,
  slabGrowthAudit,
  fragmentationAudit,
  oomKillerNeuteredAudit,
  swapMisconfiguredAudit,
  tmpfsShmAudit,
  mmapRetentionAudit,
  memoryAccountingAudit,
  exhaustionForecastAudit,
  oomEventsAudit,
  preventionAudit,
];
