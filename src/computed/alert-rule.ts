/**
 * The Prometheus rules that would have caught the trend: `predict_linear` over a window fitted to
 * the observed leak rate, plus the runbook's "MemAvailable fell 20% in an hour". A fast leak needs
 * a short window (a long one averages the climb away and fires late); a slow one needs a long
 * window so that the decline stands out from daily noise.
 */
import { th } from '../audits/thresholds.js';
import type { Forecast } from './forecast.js';

const DURATIONS: [seconds: number, text: string][] = [
  [1800, '30m'], [3600, '1h'], [7200, '2h'], [14400, '4h'], [21600, '6h'], [43200, '12h'], [86400, '24h'],
];

/** The largest listed duration ≤ `seconds`, or the smallest one. */
function snapDown(seconds: number): [number, string] {
  let pick = DURATIONS[0]!;
  for (const d of DURATIONS) if (d[0] <= seconds) pick = d;
  return pick;
}

export interface AlertRule {
  windowS: number;
  horizonS: number;
  /** Why this window: the observed time to exhaustion, or the runbook default. */
  reason: string;
  /** A Prometheus rule group, ready for a rules file. */
  yaml: string;
}

export function trendAlertRule(memAvailable: Forecast | null): AlertRule {
  const t = memAvailable?.secondsToExhaustion ?? null;
  let window: [number, string], horizonS: number, reason: string;
  if (t === null) {
    window = snapDown(th('alertWindowDefaultS'));
    horizonS = th('alertHorizonDefaultS');
    reason = 'No MemAvailable decline was observed, so this is the runbook\'s rule ([2h] window, 1 h ahead).';
  } else {
    // A quarter of the time to exhaustion for the window, half of it for the look-ahead.
    window = snapDown(t / 4);
    horizonS = Math.min(snapDown(Math.max(t / 2, 3600))[0], th('forecastHorizonS'));
    reason = `At the observed rate MemAvailable runs out ${Math.round(t / 60)} min after the last sample; a [${window[1]}] window `
      + `sees that decline clearly and a ${horizonS / 3600} h look-ahead fires with time to act.`;
  }
  const dropPct = th('availDropPerHourPct');
  const yaml = [
    'groups:',
    '  - name: memtrail-memory',
    '    rules:',
    '      - alert: MemAvailableExhaustionPredicted',
    `        expr: predict_linear(node_memory_MemAvailable_bytes[${window[1]}], ${horizonS}) < 0`,
    `        for: ${th('memAvailableLowForS') / 60}m`,
    '        labels: { severity: critical }',
    '        annotations:',
    `          summary: "MemAvailable on {{ $labels.instance }} is predicted to reach 0 within ${horizonS / 3600} h"`,
    '      - alert: MemAvailableDroppingFast',
    `        expr: node_memory_MemAvailable_bytes < ${(1 - dropPct / 100).toFixed(2)} * (node_memory_MemAvailable_bytes offset 1h)`,
    '        labels: { severity: warning }',
    '        annotations:',
    `          summary: "MemAvailable on {{ $labels.instance }} fell more than ${dropPct}% in the last hour"`,
  ].join('\n') + '\n';
  return { windowS: window[0], horizonS, reason, yaml };
}
