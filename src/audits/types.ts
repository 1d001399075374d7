/** The shape of an audit (Lighthouse style): what it needs, and a pure run over the timeline. */
import type { ComputedCache } from '../computed/cache.js';
import type { Finding, FindingId } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import type { InputName } from './inputs.js';

export interface AuditContext {
  timeline: Timeline;
  /** Per-run memo of derived data: `ctx.computed.get(processGrowth)`. */
  computed: ComputedCache;
}

/** An input name, or a list of names of which any one will do. */
export type Requirement = InputName | readonly InputName[];

export interface Audit {
  id: FindingId;
  title: string;
  requires: readonly Requirement[];
  /** A finding (any severity), or null when there is nothing to say. Must not throw on odd data, but the runner copes if it does. */
  run(ctx: AuditContext): Finding | null;
}
