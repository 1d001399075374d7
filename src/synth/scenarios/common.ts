import { baselineState } from '../baseline-server.js';
import type { Scenario } from '../scenario.js';
import { wobble } from '../scenario-kit.js';
import type { ServerState } from '../server-state.js';

/** Before-fix recordings run 19:00–03:00 Berlin time (UTC+1 in March): the 3 AM incident. */
export const BEFORE_START = Date.UTC(2026, 2, 9, 18, 0, 0) / 1000;
/** After-fix recordings: the same hours three days later. */
export const AFTER_START = Date.UTC(2026, 2, 12, 18, 0, 0) / 1000;

const COMMON = {
  host: 'app-01',
  kernel: '6.1.0-27-amd64',
  uptimeAtStart: 3 * 86_400 + 1_234,
  hours: 8,
  intervalS: 300,
  timezone: 'Europe/Berlin',
  swapDevice: { name: '/dev/nvme0n1p3', type: 'partition' },
} satisfies Partial<Scenario>;

export type ScenarioSpec = Omit<Scenario, keyof typeof COMMON | 'start'> & Partial<Omit<Scenario, 'name'>>;

export function scenario(spec: ScenarioSpec, when: 'before' | 'after' = 'before'): Scenario {
  return { ...COMMON, start: when === 'before' ? BEFORE_START : AFTER_START, ...spec };
}

/** The healthy server with a little measured-looking noise at fraction f. */
export function steadyState(f: number): ServerState {
  const s = baselineState();
  for (const p of s.processes) p.anonKb *= wobble(f, 0.02, p.pid);
  s.pageCacheKb *= wobble(f, 0.04, 1);
  return s;
}
