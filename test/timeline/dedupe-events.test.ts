import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../src/model/kernel-events.js';
import { DUPLICATE_WINDOW_S, dedupeKernelEvents } from '../../src/timeline/dedupe-events.js';

type Timed = KernelEvent & { time: number | null };

const event = (fields: Partial<Timed>): Timed => ({
  type: 'network-memory', source: 'commands/dmesg', line: 1, uptime: null, wallTime: null, boot: 0, text: 'TCP: out of memory', time: null, ...fields,
});

/** The definition, one comparison per kept copy: what the indexed version must agree with. */
function naive(events: Timed[]): Timed[] {
  const same = (a: Timed, b: Timed) =>
    a.source !== b.source &&
    ((a.uptime !== null && a.uptime === b.uptime && a.boot === b.boot) ||
      (a.time !== null && b.time !== null && Math.abs(a.time - b.time) <= DUPLICATE_WINDOW_S));
  const groups = new Map<string, Timed[]>();
  for (const e of events) groups.set(`${e.type}|${e.text}`, [...(groups.get(`${e.type}|${e.text}`) ?? []), e]);
  const kept: Timed[] = [];
  for (const group of groups.values()) {
    const unique: Timed[] = [];
    const sorted = [...group].sort((a, b) => Number(b.wallTime !== null) - Number(a.wallTime !== null) || a.source.localeCompare(b.source) || a.line - b.line);
    for (const e of sorted) if (!unique.some((u) => same(u, e))) unique.push(e);
    kept.push(...unique);
  }
  return kept;
}

describe('dedupeKernelEvents', () => {
  it('keeps the journal copy of a message the ring buffer also holds, and every distinct repeat', () => {
    const ring = event({ source: 'commands/dmesg', line: 10, uptime: 100, time: 1_000_100 });
    const journal = event({ source: 'commands/journalctl_-k', line: 3, wallTime: 1_000_101, time: 1_000_101 });
    const later = event({ source: 'commands/dmesg', line: 11, uptime: 400, time: 1_000_400 });
    expect(dedupeKernelEvents([ring, journal, later])).toEqual([journal, later]);
  });

  it('agrees with the one-by-one definition on random logs (times, uptimes, boots, sources)', () => {
    const arbEvent = fc.record({
      source: fc.constantFrom('commands/dmesg', 'series/dmesg', 'commands/journalctl_-k'),
      line: fc.integer({ min: 1, max: 50 }),
      text: fc.constantFrom('a', 'b'),
      boot: fc.integer({ min: 0, max: 1 }),
      uptime: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      time: fc.option(fc.double({ min: 1e9, max: 1e9 + 30, noNaN: true }), { nil: null }),
      envelope: fc.boolean(),
    }).map(({ envelope, ...f }) => event({ ...f, wallTime: envelope ? f.time : null }));
    fc.assert(fc.property(fc.array(arbEvent, { maxLength: 40 }), (events) => {
      expect(dedupeKernelEvents(events.map((e) => ({ ...e })))).toEqual(naive(events));
    }), { seed: 42, numRuns: 500 });
  });

  it('pairs each of 10k weekly repeats from two logs with its own copy', () => {
    const copies = Array.from({ length: 10_000 }, (_, i) => [
      event({ source: 'commands/dmesg', line: i + 1, uptime: i * 60, time: 1e9 + i * 60 }),
      event({ source: 'series/dmesg', line: i + 1, wallTime: 1e9 + i * 60 + 1, time: 1e9 + i * 60 + 1 }),
    ]).flat();
    const kept = dedupeKernelEvents(copies);
    expect(kept).toHaveLength(10_000);
    expect(kept.every((e) => e.source === 'series/dmesg')).toBe(true);
  });
});
