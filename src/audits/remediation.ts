/** Remediations that several audits recommend, with values computed from the evidence. */
import { shellQuote, unitNameOrNull } from '../format/quoting.js';
import type { Remediation } from '../model/report.js';
import { fmtDuration } from './format.js';
import { RUNBOOK_SYSCTLS, th } from './thresholds.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Bytes rounded up to a step, written the way systemd and fstab read sizes: "4G", "768M". */
export function sizeText(bytes: number, stepBytes = 64 * MiB): string {
  const rounded = Math.max(stepBytes, Math.ceil(bytes / stepBytes) * stepBytes);
  return rounded % GiB === 0 ? `${rounded / GiB}G` : `${Math.ceil(rounded / MiB)}M`;
}

export function sizeTextBytes(text: string): number {
  return Number.parseInt(text, 10) * (text.endsWith('G') ? GiB : MiB);
}

/** The runbook's /etc/sysctl.d/99-memory.conf, restricted to `keys` (all six by default). */
export function sysctlConfRemediation(keys: string[] = RUNBOOK_SYSCTLS.map((s) => s.key)): Remediation {
  const lines = RUNBOOK_SYSCTLS.filter((s) => keys.includes(s.key)).map((s) => `# ${s.reason}\n${s.key} = ${s.value}`);
  return {
    text: 'Make the memory tuning persistent in one sysctl file, then reload it.',
    command: 'sysctl --system',
    file: { path: '/etc/sysctl.d/99-memory.conf', content: lines.join('\n') + '\n' },
  };
}

/**
 * A systemd drop-in capping the unit at its observed peak plus the stated margin. For a leaker,
 * `leakBytesPerS` adds the runbook's band-aid: a periodic restart before the cap is reached.
 */
export function memoryMaxDropIn(unit: string, peakBytes: number, restartBytes?: number, leakBytesPerS?: number): Remediation {
  const margin = th('memoryMaxMarginFraction');
  const max = sizeText(peakBytes * (1 + margin));
  const lines = ['[Service]', `MemoryMax=${max}`, 'OOMPolicy=kill'];
  // The name comes from the bundle: a hostile one must not become a path or a shell word.
  const safeUnit = unitNameOrNull(unit);
  const target = safeUnit ?? 'UNIT.service';
  let text = safeUnit
    ? `Cap ${unit} at its observed peak plus ${Math.round(margin * 100)}% so that a runaway is killed inside its own cgroup.`
    : `Cap the service at its observed peak plus ${Math.round(margin * 100)}% so that a runaway is killed inside its own cgroup. The name in the bundle is not a valid unit name; put the real unit in place of UNIT.service.`;
  if (leakBytesPerS !== undefined && leakBytesPerS > 0 && restartBytes !== undefined) {
    const toCapS = (sizeTextBytes(max) - restartBytes) / leakBytesPerS;
    const runtime = Math.max(3600, Math.min(th('runtimeMaxSecDefault'), Math.floor(toCapS / 3600) * 3600));
    lines.push(`RuntimeMaxSec=${runtime}`, 'Restart=always', 'RestartSec=5');
    text += ` Until the leak is fixed, restart it every ${fmtDuration(runtime)} (it would reach the cap after about ${fmtDuration(Math.max(0, toCapS))}): a band-aid, not a cure.`;
  }
  return {
    text,
    command: `systemctl daemon-reload && systemctl restart ${shellQuote(target)}`,
    file: { path: `/etc/systemd/system/${target}.d/50-memory.conf`, content: lines.join('\n') + '\n' },
  };
}
