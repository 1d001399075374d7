/**
 * Settings that differ between the captures: vm.* sysctls, THP, systemd memory limits, swap
 * devices, tmpfs size limits and SysV segments. An area captured on one side only is not
 * compared (every key would look changed); a warning says so instead.
 */
import type { Timeline } from '../model/timeline.js';
import { formatBytes } from '../format/bytes.js';
import type { AnalyzedSide } from './analyzed-side.js';
import type { ConfigArea, ConfigChange, DiffWarning } from './types.js';

/** key → displayed value, or null when the area was not captured. */
type Settings = Map<string, string> | null;

const limit = (bytes: number | null) => (bytes === null ? 'infinity' : formatBytes(bytes));

function sysctls(t: Timeline): Settings {
  const vm = Object.entries(t.artifacts.sysctl).filter(([k]) => k.startsWith('vm.'));
  return vm.length === 0 ? null : new Map(vm);
}

function thp(t: Timeline): Settings {
  const { thpEnabled, thpDefrag } = t.artifacts;
  if (!thpEnabled && !thpDefrag) return null;
  const out = new Map<string, string>();
  if (thpEnabled) out.set('transparent_hugepage/enabled', thpEnabled.selected ?? thpEnabled.options.join(' '));
  if (thpDefrag) out.set('transparent_hugepage/defrag', thpDefrag.selected ?? thpDefrag.options.join(' '));
  return out;
}

function systemd(t: Timeline): Settings {
  const units = t.artifacts.systemd;
  if (units === null) return null;
  return new Map(units.flatMap((u) => [
    [`${u.unit} MemoryMax`, limit(u.memoryMaxBytes)],
    [`${u.unit} MemoryHigh`, limit(u.memoryHighBytes)],
    [`${u.unit} MemorySwapMax`, limit(u.memorySwapMaxBytes)],
    [`${u.unit} OOMPolicy`, u.oomPolicy ?? '(unset)'],
  ]));
}

function swapDevices(t: Timeline): Settings {
  const sample = t.artifacts.swaps.at(-1);
  if (!sample) return null;
  return new Map(sample.data.map((d) => [d.name, `${d.type}, ${formatBytes(d.sizeBytes)}${d.priority !== null ? `, priority ${d.priority}` : ''}`]));
}

/** The size= option from /proc/mounts (what limits a tmpfs); df's size when mounts is absent. */
function tmpfsLimits(t: Timeline): Settings {
  const { mounts, df } = t.artifacts;
  if (mounts !== null) {
    return new Map(mounts.filter((m) => m.fstype === 'tmpfs').map((m) => {
      const size = m.options.size;
      return [m.mountpoint, typeof size === 'string' ? `size=${size}` : 'no size= (defaults to half of RAM)'];
    }));
  }
  if (df !== null) return new Map(df.filter((r) => r.type === 'tmpfs').map((r) => [r.mountpoint, `${formatBytes(r.sizeBytes)} (df)`]));
  return null;
}

function sysvSegments(t: Timeline): Settings {
  const { ipcsShm, sysvShm } = t.artifacts;
  const describe = (bytes: number, owner: string, nattch: number, dest: boolean) =>
    `${formatBytes(bytes)}, owner ${owner}, nattch ${nattch}${dest ? ', dest' : ''}`;
  if (ipcsShm !== null) {
    return new Map(ipcsShm.map((r) => [`shmid ${r.shmid} (key ${r.key})`, describe(r.bytes, r.owner, r.nattch, r.status.includes('dest'))]));
  }
  if (sysvShm !== null) {
    return new Map(sysvShm.map((s) => [`shmid ${s.shmid} (key ${s.keyHex})`, describe(s.sizeBytes, `uid ${s.uid}`, s.nattch, s.dest)]));
  }
  return null;
}

const AREAS: [ConfigArea, string, (t: Timeline) => Settings][] = [
  ['sysctl', 'vm.* sysctls', sysctls],
  ['thp', 'transparent huge page settings', thp],
  ['systemd', 'systemd unit memory settings', systemd],
  ['swap', 'swap devices', swapDevices],
  ['tmpfs', 'tmpfs mounts', tmpfsLimits],
  ['sysv-shm', 'SysV shared memory segments', sysvSegments],
];

export function compareConfig(before: AnalyzedSide, after: AnalyzedSide): { changes: ConfigChange[]; warnings: DiffWarning[] } {
  const changes: ConfigChange[] = [];
  const warnings: DiffWarning[] = [];
  for (const [area, what, read] of AREAS) {
    const b = read(before.timeline), a = read(after.timeline);
    if (b === null && a === null) continue;
    if (b === null || a === null) {
      warnings.push({ kind: 'one-side-only', text: `The ${what} were captured only ${b === null ? 'after' : 'before'}: not compared.` });
      continue;
    }
    for (const key of [...new Set([...b.keys(), ...a.keys()])].sort()) {
      const x = b.get(key) ?? null, y = a.get(key) ?? null;
      if (x !== y) changes.push({ area, key, before: x, after: y });
    }
  }
  return { changes, warnings };
}
