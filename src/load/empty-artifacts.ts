/** Artifacts with nothing in them: the loader's starting point, and a base for hand-built test inputs. */
import type { Artifacts, BundleKind } from '../model/artifacts.js';

export function emptyArtifacts(kind: BundleKind, origin: string): Artifacts {
  return {
    kind, origin, manifest: null, index: [], diagnostics: [], procStatBootTime: null,
    meminfo: [], vmstat: [], vmstatTable: [], buddyinfo: [], slabinfo: [], zoneinfo: [], pressure: [],
    swaps: [], sysctl: {}, thpEnabled: null, thpDefrag: null, procs: [], smapsRollup: [], processes: [],
    ipcsShm: null, ipcsShmPids: null, sysvShm: null, df: null, mounts: null, shmFiles: [], cgroups: [],
    systemd: null, sadf: [], kernelEvents: [], kernelLogSources: [],
  };
}
