/** systemd units and memory-cgroup files of a synthetic bundle. */
import type { Scenario } from './scenario.js';
import type { ServerState } from './server-state.js';

/**
 * `systemctl show -p Id,MemoryMax,MemoryHigh,MemorySwapMax,OOMPolicy,RuntimeMaxSec` blocks for the
 * services running at the end, as the collector captures them (docs/bundle-format.md).
 */
function systemctlShowText(scenario: Scenario, last: ServerState): string {
  const units = [...new Set(last.processes.flatMap((p) => (p.unit ? [p.unit] : [])))].sort();
  return units
    .map((unit) => {
      return [
        `Id=${unit}`,
        `MemoryMax=${scenario.memoryMax?.[unit] ?? 'infinity'}`,
        'MemoryHigh=infinity',
        'MemorySwapMax=infinity',
        'OOMPolicy=stop',
        'RuntimeMaxSec=infinity',
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** /proc/PID/cgroup on a unified (v2) hierarchy. */
export function cgroupText(p: ServerState['processes'][number]): string {
  return `0::${p.unit ? `/system.slice/${p.unit}` : '/user.slice/user-1000.slice/session-4.scope'}\n`;
}

export function staticExtras(scenario: Scenario, last: ServerState): [string, string][] {
  const out: [string, string][] = [['commands/systemctl_show_-p_Id,MemoryMax,MemoryHigh,MemorySwapMax,OOMPolicy,RuntimeMaxSec', systemctlShowText(scenario, last)]];
  if (scenario.cgroup) {
    const cg = scenario.cgroup(1);
    const dir = `sys/fs/cgroup/memory${cg.path}`;
    out.push(
      [`${dir}/memory.usage_in_bytes`, `${cg.usageBytes}\n`],
      [`${dir}/memory.limit_in_bytes`, `${cg.limitBytes}\n`],
      [`${dir}/memory.failcnt`, `${cg.failcnt}\n`],
      [`${dir}/memory.oom_control`, `oom_kill_disable ${cg.oomKillDisable ? 1 : 0}\nunder_oom ${cg.underOom ? 1 : 0}\noom_kill ${cg.oomKills}\n`],
    );
  }
  return out;
}
