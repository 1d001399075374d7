/**
 * Hung tasks (kernel/hung_task.c, reference §4) → `hung-task` events. Shape:
 *
 *     INFO: task kworker/u8:3:1234 blocked for more than 122 seconds.
 *
 * The comm may hold spaces and colons, so the PID is the last `:<digits>` before ` blocked`.
 */
import type { HungTaskEvent } from '../../model/kernel-events.js';
import type { EventBase } from './event-base.js';

const HUNG_TASK = /^INFO: task (.+):(\d+) blocked for more than (\d+) seconds\.?$/;

export function hungTaskEvent(text: string, base: () => EventBase): HungTaskEvent | null {
  const match = text.startsWith('INFO: task ') ? HUNG_TASK.exec(text) : null;
  if (match === null) return null;
  return { ...base(), type: 'hung-task', comm: match[1] ?? '', pid: Number(match[2]), blockedSeconds: Number(match[3]) };
}
