/** systemd units and memory-cgroup files of a synthetic bundle, when the scenario has them. */
import type { Scenario } from './scenario.js';

/** `systemctl show -p Id,MemoryMax,MemoryHigh,MemorySwapMax,OOMPolicy,RuntimeMaxSec,MainPID` blocks. */
function systemctlShowText(units: NonNullable<Scenario['units']>): string {
  return units
    .map((u) =>
      [
        `Id=${u.unit}`,
        `MainPID=${u.mainPid}`,
        `MemoryMax=${u.memoryMaxBytes ?? 'infinity'}`,
        'MemoryHigh=infinity',
        'MemorySwapMax=infinity',
        'OOMPolicy=stop',
        'RuntimeMaxUSec=infinity',
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

export function staticExtras(scenario: Scenario): [string, string][] {
  const out: [string, string][] = [];
  if (scenario.units) out.push(['commands/systemctl_show', systemctlShowText(scenario.units)]);
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
