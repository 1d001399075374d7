/**
 * swap-misconfigured (runbook Root Cause 5): swappiness ≥ 60 on a server, swap nearly full, swap-out
 * rates (atop and PCP rules), the processes with the most swap, no swap while memory runs out, and
 * swap on a device-mapper volume (possibly LVM thin provisioning).
 */
import { formatBytes } from '../format/bytes.js';
import { lastMeminfo, meminfoMinSample } from '../computed/series.js';
import type { DetailsTable, Remediation } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { composeFinding, type Signal } from './finding.js';
import { fmtPct, fmtWhen, iso, sampleEvidence } from './format.js';
import { sizeText, sysctlConfRemediation } from './remediation.js';
import { sysctlEvidence, sysctlNumber } from './sysctl.js';
import { th } from './thresholds.js';
import type { Audit } from './types.js';

function emergencySwap(memTotal: number): Remediation {
  // The runbook adds 4 GiB on a 16 GiB server: a quarter of RAM.
  const size = sizeText(memTotal / 4, 1024 ** 3);
  return {
    text: `Emergency breathing room without a reboot: a temporary ${size} swap file (a quarter of RAM). Remove it once the leak is found; it is not a fix.`,
    command: [`fallocate -l ${size} /swapfile-emergency`, 'chmod 600 /swapfile-emergency', 'mkswap /swapfile-emergency', 'swapon /swapfile-emergency'].join(' && '),
  };
}

const LOWER_SWAPPINESS: Remediation[] = [
  { text: 'Keep anonymous pages in RAM and swap only under serious pressure (use 1, not 0, for latency-sensitive servers that prefer an OOM kill to disk I/O).', command: 'sysctl -w vm.swappiness=10' },
  sysctlConfRemediation(['vm.swappiness']),
];

function swappinessSignals(t: Timeline, swapTotal: number): Signal[] {
  const v = sysctlNumber(t, 'vm.swappiness');
  if (v === null || v < th('swappinessServerMax')) return [];
  return [{
    // Without a swap device there is no anonymous memory to page out, so the setting does little.
    severity: swapTotal > 0 ? 'warning' : 'info',
    text: `vm.swappiness is ${v}: on a server the kernel pages warm anonymous memory out at the first sign of pressure${swapTotal > 0 ? ', which masks a leak as slow latency' : ' (no swap is configured, so it matters only once swap is added)'}.`,
    evidence: [sysctlEvidence(t, 'vm.swappiness')],
    remediation: LOWER_SWAPPINESS,
  }];
}

function fullnessSignals(t: Timeline, swapOutPeak: number): Signal[] {
  const m = lastMeminfo(t);
  const total = m?.data.SwapTotal ?? 0, free = m?.data.SwapFree ?? 0;
  if (!m || total === 0 || (100 * (total - free)) / total < th('swapUsedPct')) return [];
  return [{
    severity: swapOutPeak > th('swapOutCritPerS') ? 'critical' : 'warning',
    text: `Swap is ${fmtPct(total - free, total)} used (${formatBytes(total - free)} of ${formatBytes(total)}): the overflow buffer is nearly gone.`,
    evidence: [sampleEvidence(m, `SwapTotal ${formatBytes(total)}, SwapFree ${formatBytes(free)}`)],
    remediation: [emergencySwap(m.data.MemTotal ?? total)],
  }];
}

function swapOutSignals(t: Timeline): { signals: Signal[]; peak: number } {
  const r = t.rates.get('pswpout');
  if (!r || r.perSecond.length === 0) return { signals: [], peak: 0 };
  const peak = Math.max(...r.perSecond);
  const peakAt = r.times[r.perSecond.indexOf(peak)]!;
  const sustainedShare = r.perSecond.filter((v) => v >= th('pcpSwapOutPerS')).length / r.perSecond.length;
  const sustained = sustainedShare >= th('pcpSwapOutSampleFraction');
  if (peak < th('swapOutWarnPerS')) return { signals: [], peak };
  return {
    peak,
    signals: [{
      severity: sustained && peak > th('swapOutCritPerS') ? 'critical' : 'warning',
      text: `Swap-out peaked at ${peak.toFixed(1)} pages/s at ${fmtWhen(t, peakAt)} and was ≥ ${th('pcpSwapOutPerS')}/s in ${Math.round(sustainedShare * 100)}% of samples`
        + `${sustained ? ' (sustained)' : ''}; ${r.totalIncrease} pages (${formatBytes(r.totalIncrease * t.info.pageSizeBytes)}) went to swap in the capture.`,
      evidence: [{ source: 'series/vmstat', time: iso(peakAt), text: `pswpout ${peak.toFixed(1)} pages/s` }],
      remediation: LOWER_SWAPPINESS,
    }],
  };
}

function topSwapTable(t: Timeline): DetailsTable | null {
  const rows = t.processes
    .map((tr) => ({ comm: tr.comm, last: tr.points.at(-1)! }))
    .filter((r) => r.last && r.last.swapBytes > 0)
    .sort((a, b) => b.last.swapBytes - a.last.swapBytes)
    .slice(0, 10);
  if (rows.length === 0) return null;
  return {
    type: 'table',
    title: 'Processes with the most swap (VmSwap)',
    headings: [{ key: 'comm', label: 'Command', unit: 'text' }, { key: 'pid', label: 'PID', unit: 'count' }, { key: 'swap', label: 'Swap', unit: 'bytes' }, { key: 'rss', label: 'RSS', unit: 'bytes' }],
    rows: rows.map((r) => ({ comm: r.comm, pid: r.last.pid, swap: r.last.swapBytes, rss: r.last.rssBytes })),
  };
}

function noSwapSignals(t: Timeline, swapTotal: number): Signal[] {
  const low = meminfoMinSample(t, 'MemAvailable');
  const total = low?.data.MemTotal;
  if (swapTotal > 0 || !low || !total || (100 * low.data.MemAvailable!) / total >= th('memAvailableLowPct')) return [];
  return [{
    severity: 'warning',
    text: `There is no swap, and MemAvailable fell to ${formatBytes(low.data.MemAvailable!)} (${fmtPct(low.data.MemAvailable!, total)}) at ${fmtWhen(t, low.time)}: the OOM killer fires the moment RAM runs out, with no buffer to notice the leak. Decide deliberately: low-swappiness swap as a pressure valve, or none and fast OOM kills.`,
    evidence: [sampleEvidence(low, `MemAvailable ${formatBytes(low.data.MemAvailable!)}, SwapTotal 0`)],
    remediation: [emergencySwap(total)],
  }];
}

function deviceMapperSignals(t: Timeline): Signal[] {
  const sample = t.artifacts.swaps.at(-1);
  const dm = sample?.data.filter((d) => /^\/dev\/(dm-\d+|mapper\/)/.test(d.name)) ?? [];
  return dm.map((d) => ({
    severity: 'info',
    text: `Swap ${d.name} is on a device-mapper volume. If it is an LVM thin volume that auto-extends, it can hide memory exhaustion until the pool fills, and then memory and disk fail together: verify.`,
    evidence: [sampleEvidence(sample!, `${d.name} ${d.type} ${formatBytes(d.sizeBytes)}, used ${formatBytes(d.usedBytes)}`)],
    remediation: [{ text: 'Check whether the swap volume is thin-provisioned (a pool_lv and a data_percent).', command: 'lvs -o lv_name,vg_name,pool_lv,data_percent,lv_size' }],
  }));
}

export const swapMisconfiguredAudit: Audit = {
  id: 'swap-misconfigured',
  title: 'Swap misconfigured',
  requires: [['sysctl', 'meminfo', 'swaps']],
  run(ctx) {
    const t = ctx.timeline;
    const swapTotal = lastMeminfo(t)?.data.SwapTotal ?? t.artifacts.swaps.at(-1)?.data.reduce((s, d) => s + d.sizeBytes, 0) ?? 0;
    const swapOut = swapOutSignals(t);
    const signals = [
      ...swappinessSignals(t, swapTotal), ...fullnessSignals(t, swapOut.peak), ...swapOut.signals,
      ...noSwapSignals(t, swapTotal), ...deviceMapperSignals(t),
    ];
    const table = topSwapTable(t);
    return composeFinding('swap-misconfigured', 'Swap is misconfigured', signals, { details: table ? [table] : [] });
  },
};
