/**
 * One-line memory messages (reference §1i, §4) → events. Real sample
 * (03_dentry_slab/dmesg_new_lines_drop_caches.txt):
 *
 *     bash (12276): drop_caches: 2
 *
 * and by shape: `watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [java:4242]`,
 * `TCP: out of memory -- consider tuning tcp_mem`, `nf_conntrack: table full, dropping packet`,
 * `Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled`.
 */
import type { DropCachesEvent, OtherKernelEvent } from '../../model/kernel-events.js';
import type { EventBase } from './event-base.js';

const DROP_CACHES = /^(.+) \((\d+)\): drop_caches: (\d+)$/;
const SOFT_LOCKUP = /^(?:NMI watchdog: |watchdog: )?BUG: soft lockup - CPU#\d+ stuck for \d+s!/;
const NETWORK_MEMORY = /^(?:TCP: out of memory -- consider tuning tcp_mem|TCP: too many orphaned sockets|(?:nf_conntrack: )+table full, dropping packet|ip_conntrack: table full, dropping packet)/;
const OOM_PANIC = /(?:Out of memory: (?:system-wide|compulsory) panic_on_oom is enabled|Out of memory and no killable processes|System is deadlocked on memory)/;

export function dropCachesEvent(text: string, base: () => EventBase): DropCachesEvent | null {
  const match = text.includes('): drop_caches: ') ? DROP_CACHES.exec(text) : null;
  if (match === null) return null;
  return { ...base(), type: 'drop-caches', comm: match[1] ?? '', pid: Number(match[2]), value: Number(match[3]) };
}

/** Soft lockups, network memory pressure and OOM panics carry their detail in `text` only. */
export function otherEvent(text: string, base: () => EventBase): OtherKernelEvent | null {
  const type = SOFT_LOCKUP.test(text) ? 'soft-lockup' : NETWORK_MEMORY.test(text) ? 'network-memory' : text.includes('memory') && OOM_PANIC.test(text) ? 'oom-panic' : null;
  return type === null ? null : { ...base(), type };
}
