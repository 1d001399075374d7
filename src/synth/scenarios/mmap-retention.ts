import { GiB_KB } from '../baseline-server.js';
import { findProc, ramp, reclaim } from '../scenario-kit.js';
import type { ProcState, ServerState } from '../server-state.js';
import { scenario, steadyState } from './common.js';

/**
 * Three workers each map /opt/app/data/large_dataset.bin (3 GB) 8 times and never munmap: 24
 * mappings, the runbook's figure. RSS looks like 3 GB per worker; the real cost is 3 GB of page
 * cache held mapped, plus index.db mapped 8 times.
 */
function mapping(datasetKbTo: number, mapsPerWorker: number) {
  return (f: number): ServerState => {
    const s = steadyState(f);
    const datasetKb = ramp(f, 512 * 1024, datasetKbTo, 0, 0.6);
    const base = findProc(s, 1842);
    const workers: ProcState[] = [0, 1, 2].map((i) => ({
      ...base,
      pid: 1842 + i * 7,
      cmdline: ['/usr/bin/python3', '/opt/app/worker.py', '--shard', String(i)],
      anonKb: 420_000,
      fileKb: datasetKb + 64_000,
      sharedCleanKb: datasetKb,
      mappedFiles: [
        { path: '/opt/app/data/large_dataset.bin', kb: datasetKb / mapsPerWorker, count: mapsPerWorker },
        { path: '/opt/app/data/index.db', kb: 8_000, count: Math.max(1, Math.round(mapsPerWorker / 3)) },
      ],
    }));
    s.processes = [...s.processes.filter((p) => p.pid !== 1842), ...workers];
    s.pageCacheKb = Math.max(s.pageCacheKb, datasetKb + 2.1 * GiB_KB);
    reclaim(s, datasetKb + 200_000);
    return s;
  };
}

export const mmapRetention = scenario({
  name: 'mmap-retention',
  title: 'mmap retention: large_dataset.bin (3 GB) mapped 24 times by 3 workers, never unmapped',
  expected: 'mmap-retention',
  sysctl: { 'vm.swappiness': '10' },
  state: mapping(3 * GiB_KB, 8),
});

export const mmapRetentionFixed = scenario(
  {
    name: 'mmap-retention-fixed',
    title: 'After read-and-release: each worker maps a 512 MB window once',
    expected: null,
    sysctl: { 'vm.swappiness': '10' },
    state: mapping(512 * 1024, 1),
  },
  'after',
);
