/**
 * Per-second rates from /proc/vmstat samples. A counter that goes down between two samples means
 * the counters restarted (a reboot mid-recording): that interval is cut for every counter (a
 * delta across a reboot is meaningless even where it looks positive) and a 'counter-reset' event
 * marks it. Rates are never negative.
 */
import type { Sample } from '../model/artifacts.js';
import type { VmstatCounters } from '../model/sources.js';
import type { DerivedEvent, RateSeries } from '../model/timeline.js';
import { preferSeries } from './known-times.js';
import { ALLOCSTALL_SUM, isRateCounter } from './rate-counters.js';

/** The counters of one sample that get a rate, with `allocstall_*` also summed. */
function rateValues(data: VmstatCounters): Map<string, number> {
  const values = new Map<string, number>();
  let allocstall: number | null = null;
  for (const name in data) {
    if (!isRateCounter(name)) continue;
    const value = data[name]!;
    values.set(name, value);
    if (name.startsWith(ALLOCSTALL_SUM)) allocstall = (allocstall ?? 0) + value;
  }
  if (allocstall !== null) values.set(ALLOCSTALL_SUM, allocstall);
  return values;
}

function describeDrops(drops: string[]): string {
  const shown = drops.slice(0, 3).join(', ');
  return drops.length > 3 ? `${shown} and ${drops.length - 3} more` : shown;
}

export function buildRates(vmstat: Sample<VmstatCounters>[]): { rates: Map<string, RateSeries>; resets: DerivedEvent[] } {
  const samples = preferSeries(vmstat);
  const rates = new Map<string, RateSeries>();
  const resets: DerivedEvent[] = [];
  let previous: { time: number; values: Map<string, number> } | null = null;
  for (const sample of samples) {
    const values = rateValues(sample.data);
    if (previous && sample.time > previous.time) {
      const dt = sample.time - previous.time;
      const drops: string[] = [];
      for (const [name, value] of values) {
        const before = previous.values.get(name);
        if (before !== undefined && value < before && name !== ALLOCSTALL_SUM) drops.push(`${name} ${before} → ${value}`);
      }
      if (drops.length > 0) {
        resets.push({
          type: 'counter-reset',
          time: sample.time,
          source: sample.source,
          line: sample.line,
          text: `vmstat counters went down (${describeDrops(drops)}): counters restarted, likely a reboot; rates cut here`,
        });
      } else {
        for (const [name, value] of values) {
          const before = previous.values.get(name);
          if (before === undefined) continue;
          let series = rates.get(name);
          if (!series) {
            series = { counter: name, times: [], perSecond: [], totalIncrease: 0 };
            rates.set(name, series);
          }
          series.times.push(sample.time);
          series.perSecond.push((value - before) / dt);
          series.totalIncrease += value - before;
        }
      }
    }
    previous = { time: sample.time, values };
  }
  return { rates, resets };
}
