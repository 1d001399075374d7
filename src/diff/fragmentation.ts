/** The highest order with a free block per zone, at each side's last buddyinfo sample. */
import { highestOrder } from '../audits/fragmentation.js';
import type { BuddyZone } from '../model/sources.js';
import type { AnalyzedSide } from './analyzed-side.js';
import { pairBy } from './join.js';
import type { FragmentationRow } from './types.js';

const zoneName = (z: BuddyZone) => `Node ${z.node} ${z.zone}`;

export function compareFragmentation(before: AnalyzedSide, after: AnalyzedSide): FragmentationRow[] {
  const zones = (s: AnalyzedSide) => s.timeline.artifacts.buddyinfo.at(-1)?.data ?? [];
  return pairBy(zones(before), zones(after), zoneName).map(({ key, before: b, after: a }) => ({
    zone: key,
    beforeHighestOrder: b ? highestOrder(b) : null,
    afterHighestOrder: a ? highestOrder(a) : null,
  }));
}
