/**
 * SLUB/SLAB allocation failures (reference §4) → `slub-alloc-failure` events. Shapes:
 *
 *     SLUB: Unable to allocate memory on node -1, gfp=0xa20(GFP_ATOMIC)
 *       cache: kmalloc-256(1:init.scope), object size: 256, buffer size: 256, default order: 1, min order: 0
 *       node 0: slabs: 1043, objs: 33376, free: 0
 *
 * Another CPU's lines can come between the header and its `cache:` line, so the header waits for it.
 */
import type { SlubAllocFailureEvent } from '../../model/kernel-events.js';
import { eventBase, PendingEventHandler } from './event-base.js';
import type { KernelRecord } from './types.js';

const HEADER = /^SL[AU]B: Unable to allocate memory on node -?\d+,? \(?gfp=(0x[0-9a-f]+)/;
/** The cache name, without the `(<memcg id>:<cgroup>)` suffix of per-memcg caches. */
const CACHE_LINE = /^\s*cache: (.+?)(?:\(\d+:[^)]*\))?, object size: /;

export class SlubHandler extends PendingEventHandler<SlubAllocFailureEvent> {
  take(record: KernelRecord): boolean {
    const { text } = record;
    const header = text.startsWith('SL') ? HEADER.exec(text) : null;
    if (header !== null) {
      this.open({ ...eventBase(record, this.ctx), type: 'slub-alloc-failure', cache: null, gfp: header[1] ?? null });
      return true;
    }
    const cache = this.pending !== null && text.includes('cache: ') ? CACHE_LINE.exec(text) : null;
    if (cache === null || this.pending === null) return false;
    this.pending.cache = cache[1] ?? null;
    this.flush();
    return true;
  }
}
