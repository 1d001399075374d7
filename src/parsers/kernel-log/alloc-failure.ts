/**
 * Page allocation failures (mm/page_alloc.c warn_alloc, reference §3) → `alloc-failure` events.
 * Shapes (no real capture on this machine; reference §3):
 *
 *     kworker/u16:2: page allocation failure: order:4, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0
 *     java: page allocation failure: order:2, mode:0x24040c0(GFP_KERNEL|__GFP_COMP), nodemask=(null)
 *     java cpuset=docker-3f2a mems_allowed=0
 *
 * 5.0+ prints the cpuset on the failure line (via pr_cont, so it may arrive as a `,cpuset=` fragment);
 * 4.10–4.19 print it as the next record. The PID comes from the dump_stack header that follows.
 */
import type { AllocFailureEvent } from '../../model/kernel-events.js';
import { dumpStackPid, eventBase, gfpFlagNames, PendingEventHandler } from './event-base.js';
import type { KernelRecord } from './types.js';

const FAILURE = /^(?<comm>.+?): page allocation failure[.:] order:(?<order>\d+), mode:(?<gfp>0x[0-9a-f]+)(?:\((?<flags>[^)]*)\))?(?:, nodemask=(?<nm>.*?))?(?:,cpuset=(?<cpuset>[^,]*),mems_allowed=(?<mems>\S*))?$/;
const CPUSET_LINE = /^(.+) cpuset=(\S+) mems_allowed=[\d,-]*$/;
const FAILURE_MARK = ': page allocation failure';

/** A 5.0+ failure line cut at `nodemask=…` whose `,cpuset=…` pr_cont rest is still to come. */
export function allocFailureAwaitsFragment(text: string): boolean {
  return text.includes(FAILURE_MARK) && text.includes(', nodemask=') && !text.includes(',cpuset=');
}

export class AllocFailureHandler extends PendingEventHandler<AllocFailureEvent> {
  take(record: KernelRecord): boolean {
    const { text } = record;
    const failure = text.includes(FAILURE_MARK) ? FAILURE.exec(text)?.groups : undefined;
    if (failure !== undefined) {
      this.open({
        ...eventBase(record, this.ctx), type: 'alloc-failure', comm: failure.comm ?? '', pid: null, order: Number(failure.order),
        mode: failure.gfp ?? '', modeFlags: gfpFlagNames(failure.flags), cpuset: failure.cpuset ?? null,
      });
      return true;
    }
    const pending = this.pending;
    if (pending === null) return false;
    const cpuset = pending.cpuset === null && text.includes(' cpuset=') ? CPUSET_LINE.exec(text) : null;
    if (cpuset !== null && cpuset[1] === pending.comm) {
      pending.cpuset = cpuset[2] ?? null;
      return true;
    }
    const pid = dumpStackPid(text, pending.comm);
    if (pid === null) return false;
    pending.pid = pid;
    // The dump_stack header is the last part of the report that names anything.
    this.flush();
    return true;
  }
}
