/**
 * exhaustion-forecast: predict_linear-style fits over MemAvailable, SwapFree, SUnreclaim, Shmem and
 * the top growing processes, with window, horizon, time to exhaustion and confidence; plus the
 * Prometheus rule that would have caught it, its window fitted to the observed leak rate.
 */
import { formatBytes } from '../format/bytes.js';
import { trendAlertRule } from '../computed/alert-rule.js';
import { forecastAll, type Forecast } from '../computed/forecast.js';
import { slopeMBPerHour } from '../computed/linear-fit.js';
import { meminfoSeries } from '../computed/series.js';
import type { DetailsTable, Remediation } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtDuration, fmtWhen, iso } from './format.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

function forecastSentence(t: Timeline, f: Forecast): string {
  const over = `fitted over ${fmtDuration(f.windowS)} (${f.fit.n} samples, r² ${f.fit.r2.toFixed(2)}, ${f.confidence} confidence)`;
  if (f.secondsToExhaustion === null) return `${f.name} is not heading to exhaustion, ${over}.`;
  const when = `${fmtDuration(f.secondsToExhaustion)} after the last sample (${fmtWhen(t, f.exhaustionTime!)})`;
  return f.kind === 'depleting'
    ? `${f.name} (${formatBytes(f.currentBytes)} now) reaches 0 in ${when}, ${over}.`
    : `${f.name} (${formatBytes(f.currentBytes)} now) would consume the ${formatBytes(f.headroomBytes)} still available in ${when}, ${over}.`;
}

/** MemAvailable under 10% of MemTotal for at least 15 minutes (Prometheus practice). */
function lowForLong(t: Timeline): Signal | null {
  const avail = meminfoSeries(t, 'MemAvailable');
  const total = t.artifacts.meminfo.at(-1)?.data.MemTotal;
  if (!total) return null;
  let since: number | null = null;
  for (const [time, v] of avail) {
    if ((100 * v) / total >= th('memAvailableLowPct')) { since = null; continue; }
    since ??= time;
    if (time - since >= th('memAvailableLowForS')) {
      return {
        severity: 'critical',
        text: `MemAvailable stayed below ${th('memAvailableLowPct')}% of MemTotal from ${fmtWhen(t, since)} for at least ${fmtDuration(time - since)}.`,
        evidence: [{ source: t.artifacts.meminfo.at(-1)!.source, time: iso(time), text: `MemAvailable ${formatBytes(v)} of ${formatBytes(total)}` }],
      };
    }
  }
  return null;
}

function severityOf(f: Forecast): Signal['severity'] {
  if (!f.withinHorizon || f.confidence === 'low') return 'info';
  return f.secondsToExhaustion! <= th('exhaustionCriticalS') ? 'critical' : 'warning';
}

export const exhaustionForecastAudit: Audit = {
  id: 'exhaustion-forecast',
  title: 'Exhaustion forecast',
  requires: ['meminfo-series'],
  run(ctx) {
    const t = ctx.timeline;
    const forecasts = ctx.computed.get(forecastAll);
    const memAvail = forecasts.find((f) => f.name === 'MemAvailable') ?? null;
    const rule = trendAlertRule(memAvail);
    const signals: Signal[] = forecasts
      // The table lists every fit; the prose only those that matter within the horizon.
      .filter((f) => f.name === 'MemAvailable' || f.withinHorizon)
      .map((f) => ({
        severity: severityOf(f),
        text: forecastSentence(t, f),
        evidence: [{ source: f.source, time: iso(f.fit.endTime), text: `${f.name} ${formatBytes(f.currentBytes)}, slope ${formatBytes(f.fit.slopePerS * 3600)}/h` }],
      }));
    const low = lowForLong(t);
    if (low) signals.push(low);
    const alert: Remediation = {
      text: `Alert on the trend, not a static threshold. ${rule.reason} memtrail cannot see this machine's alerting config; add the rule if no equivalent exists.`,
      file: { path: '/etc/prometheus/rules/memtrail-memory.yml', content: rule.yaml },
    };
    const table: DetailsTable = {
      type: 'table',
      title: `Forecasts (window = the capture, horizon ${fmtDuration(th('forecastHorizonS'))})`,
      headings: [
        { key: 'series', label: 'Series', unit: 'text' }, { key: 'now', label: 'Now', unit: 'bytes' }, { key: 'slope', label: 'Slope', unit: 'MB/h' },
        { key: 'exhaustion', label: 'Exhaustion', unit: 'time' }, { key: 'r2', label: 'r²', unit: 'count' }, { key: 'n', label: 'Samples', unit: 'count' },
        { key: 'confidence', label: 'Confidence', unit: 'text' },
      ],
      rows: forecasts.map((f) => ({
        series: f.name, now: f.currentBytes, slope: Number(slopeMBPerHour(f.fit).toFixed(1)),
        exhaustion: f.exhaustionTime === null ? null : iso(f.exhaustionTime), r2: Number(f.fit.r2.toFixed(3)), n: f.fit.n, confidence: f.confidence,
      })),
    };
    // The title names the soonest exhaustion within the horizon, whichever series it is.
    const soonest = forecasts
      .filter((f) => f.withinHorizon && f.confidence !== 'low')
      .sort((a, b) => a.secondsToExhaustion! - b.secondsToExhaustion!)[0];
    const title = soonest
      ? soonest.secondsToExhaustion! < 1
        ? `${soonest.kind === 'depleting' ? soonest.name : 'MemAvailable'} is already exhausted`
        : `${soonest.kind === 'depleting' ? `${soonest.name} runs out` : `${soonest.name} uses up MemAvailable`} in ${fmtDuration(soonest.secondsToExhaustion!)}`
      : memAvail?.secondsToExhaustion != null
        ? `MemAvailable runs out in ${fmtDuration(memAvail.secondsToExhaustion)}`
        : 'No exhaustion ahead';
    return composeFinding('exhaustion-forecast', title, signals, { remediation: [alert], details: [table] });
  },
};
