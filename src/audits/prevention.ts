/**
 * prevention (runbook, Prevention): services without MemoryMax, the vm sysctls against the runbook's
 * baseline, and the trend alert (memtrail cannot see alerting config, so it recommends the rule).
 */
import { trendAlertRule } from '../computed/alert-rule.js';
import { forecastMemAvailable } from '../computed/forecast.js';
import { leakingProcesses } from '../computed/leaks.js';
import type { DetailsTable } from '../model/report.js';
import type { Timeline } from '../model/timeline.js';
import { artifactPath } from './evidence.js';
import { composeFinding, type Signal } from './finding.js';
import { memoryMaxDropIn, sysctlConfRemediation } from './remediation.js';
import { sysctlValue } from './sysctl.js';
import { RUNBOOK_SYSCTLS } from './thresholds.js';
import type { Audit, AuditContext } from './types.js';
import { unitOfTrack } from './units.js';

function unitSignals(ctx: AuditContext): Signal[] {
  const t = ctx.timeline;
  const units = (t.artifacts.systemd ?? []).filter((u) => u.unit.endsWith('.service') && u.memoryMaxBytes === null);
  if (units.length === 0) return [];
  const leaks = ctx.computed.get(leakingProcesses);
  const leakUnits = new Map(leaks.map((g) => [unitOfTrack(t, g.pid, g.pids), g] as const));
  const source = artifactPath(t, /systemctl/, 'commands/systemctl_show');
  const unguardedLeakers = units.filter((u) => leakUnits.has(u.unit));
  return [{
    severity: unguardedLeakers.length > 0 ? 'warning' : 'info',
    text: `${units.length} service(s) have no MemoryMax (${units.slice(0, 8).map((u) => u.unit).join(', ')}${units.length > 8 ? ', …' : ''}): one runaway can take the whole machine down instead of being killed inside its own cgroup.`
      + (unguardedLeakers.length > 0 ? ` That includes the leaking ${unguardedLeakers.map((u) => u.unit).join(', ')}.` : ''),
    evidence: units.slice(0, 8).map((u) => ({ source, text: `${u.unit}: MemoryMax=${u.props.MemoryMax ?? 'infinity'}` })),
    remediation: unguardedLeakers.map((u) => {
      const g = leakUnits.get(u.unit)!;
      return memoryMaxDropIn(u.unit, g.peakBytes);
    }),
  }];
}

function sysctlSignals(t: Timeline): { signals: Signal[]; table: DetailsTable | null } {
  if (Object.keys(t.artifacts.sysctl).length === 0) return { signals: [], table: null };
  const rows = RUNBOOK_SYSCTLS.map((s) => ({ key: s.key, current: sysctlValue(t, s.key), recommended: s.value, why: s.reason }));
  const differ = rows.filter((r) => r.current !== null && r.current !== r.recommended);
  const table: DetailsTable = {
    type: 'table',
    title: 'vm sysctls against the runbook baseline',
    headings: [{ key: 'key', label: 'sysctl', unit: 'text' }, { key: 'current', label: 'Current', unit: 'text' }, { key: 'recommended', label: 'Runbook', unit: 'text' }, { key: 'why', label: 'Why', unit: 'text' }],
    rows,
  };
  if (differ.length === 0) return { signals: [], table };
  return {
    table,
    signals: [{
      severity: 'info',
      text: `${differ.length} vm sysctl(s) differ from the runbook baseline: ${differ.map((r) => `${r.key} ${r.current} (runbook ${r.recommended})`).join(', ')}.`,
      evidence: [{ source: artifactPath(t, /sysctl/, 'proc/sys/vm'), text: differ.map((r) => `${r.key} = ${r.current}`).join('; ') }],
      remediation: [sysctlConfRemediation(differ.map((r) => r.key))],
    }],
  };
}

function alertSignal(ctx: AuditContext): Signal {
  const rule = trendAlertRule(ctx.computed.get(forecastMemAvailable));
  return {
    severity: 'info',
    text: 'memtrail cannot see this machine\'s alerting configuration, so it cannot tell whether a trend alert exists. A static "90% used" alert fires after the damage; alert on the trend of MemAvailable instead.',
    evidence: [],
    remediation: [{ text: `Add a trend alert. ${rule.reason}`, file: { path: '/etc/prometheus/rules/memtrail-memory.yml', content: rule.yaml } }],
  };
}

export const preventionAudit: Audit = {
  id: 'prevention',
  title: 'Prevention',
  requires: [['sysctl', 'systemd']],
  run(ctx) {
    const sysctl = sysctlSignals(ctx.timeline);
    const signals = [...unitSignals(ctx), ...sysctl.signals, alertSignal(ctx)];
    return composeFinding('prevention', 'Prevent the next incident', signals, { details: sysctl.table ? [sysctl.table] : [] });
  },
};
