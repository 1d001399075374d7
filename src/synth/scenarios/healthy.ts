import { scenario, steadyState } from './common.js';

/** A healthy day: flat memory, no swap activity to speak of, no kernel incidents. */
export const healthy = scenario({
  name: 'healthy-baseline',
  title: 'Healthy 16 GB application server, 8 hours: flat memory, no incident',
  expected: null,
  sysctl: { 'vm.swappiness': '10', 'vm.vfs_cache_pressure': '100' },
  state: steadyState,
});

/** The same healthy server seen from another host, for the two-hosts diff warning. */
export const healthyOtherHost = { ...healthy, name: 'healthy-other-host', title: 'The healthy baseline captured on another host (db-02)', host: 'db-02' };
