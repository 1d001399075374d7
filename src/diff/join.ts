/** Pairs the items of two sides by a key (a cache name, a command, a zone), keeping both orders. */
import type { PresenceStatus } from './types.js';

export interface Paired<T> {
  key: string;
  before: T | null;
  after: T | null;
  status: PresenceStatus;
}

export function pairBy<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): Paired<T>[] {
  const b = new Map(before.map((i) => [keyOf(i), i]));
  const a = new Map(after.map((i) => [keyOf(i), i]));
  return [...new Set([...b.keys(), ...a.keys()])].map((key) => {
    const x = b.get(key) ?? null, y = a.get(key) ?? null;
    return { key, before: x, after: y, status: x && y ? 'both' : x ? 'gone' : 'new' };
  });
}

/** Largest change first, then by key so equal changes keep a stable order. */
export function byLargestChange<T extends { changeBytes: number }>(rows: T[], keyOf: (row: T) => string): T[] {
  return rows.sort((p, q) => Math.abs(q.changeBytes) - Math.abs(p.changeBytes) || keyOf(p).localeCompare(keyOf(q)));
}
