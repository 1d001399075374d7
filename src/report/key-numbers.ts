import type { KeyNumber } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { formatBytes } from '../format/bytes.js';
import { formatPercent } from './format.js';
import { describeTime } from '../time/zoned-time.js';

/** The handful of figures an engineer checks first, from meminfo samples and kernel events. */
export function keyNumbers(t: Timeline): KeyNumber[] {
  const out: KeyNumber[] = [];
  const meminfo = t.artifacts.meminfo;
  const total = meminfo.at(-1)?.data.MemTotal;
  if (total) out.push({ label: 'RAM (MemTotal)', value: formatBytes(total) });

  const available = meminfo.filter((s) => s.data.MemAvailable !== undefined);
  if (total && available.length > 0) {
    const lowest = available.reduce((min, s) => (s.data.MemAvailable! < min.data.MemAvailable! ? s : min));
    const value = lowest.data.MemAvailable!;
    out.push({
      label: 'Lowest MemAvailable',
      value: `${formatBytes(value)} (${formatPercent(value / total)}) at ${describeTime(lowest.time * 1000, t.info.timezone)}`,
    });
  }

  const swapUsed = meminfo
    .filter((s) => s.data.SwapTotal)
    .map((s) => ({ used: s.data.SwapTotal! - (s.data.SwapFree ?? 0), total: s.data.SwapTotal! }));
  if (swapUsed.length > 0) {
    const peak = swapUsed.reduce((max, s) => (s.used > max.used ? s : max));
    out.push({ label: 'Peak swap used', value: `${formatBytes(peak.used)} of ${formatBytes(peak.total)}` });
  } else if (meminfo.length > 0) {
    out.push({ label: 'Swap', value: 'none configured' });
  }

  const slabPeak = Math.max(0, ...meminfo.map((s) => s.data.Slab ?? 0));
  if (slabPeak > 0) out.push({ label: 'Peak Slab', value: formatBytes(slabPeak) });

  const kills = t.events.filter((e) => e.type === 'oom-kill').length;
  out.push({ label: 'OOM kills', value: String(kills) });

  if (t.info.start !== null && t.info.end !== null && t.info.end > t.info.start) {
    const hours = (t.info.end - t.info.start) / 3600;
    out.push({
      label: 'Window',
      value: `${hours >= 1 ? `${hours.toFixed(1)} h` : `${Math.round(hours * 60)} min`}, ${meminfo.length} meminfo samples`,
    });
  }
  return out;
}
