/**
 * Per-run memo of derived data (Lighthouse's computed artifacts): the runner makes one cache per
 * timeline, and audits ask it for `computeAccounting`, `processGrowth` … so each is computed once.
 * Keyed by the function itself; nothing lives in module globals.
 */
import type { Timeline } from '../model/timeline.js';

export class ComputedCache {
  readonly #values = new Map<(t: Timeline) => unknown, unknown>();

  constructor(readonly timeline: Timeline) {}

  get<T>(compute: (t: Timeline) => T): T {
    if (!this.#values.has(compute)) this.#values.set(compute, compute(this.timeline));
    return this.#values.get(compute) as T;
  }
}
