/** test/e2e/bin/leak.py started under a chosen comm inside a cgroup. */
import path from 'node:path';
import type { Cgroup } from './cgroup.js';
import { e2eBinDir } from './env.js';
import type { Incident } from './incident.js';
import { pythonNamed, type Proc } from './processes.js';

export interface LeakOptions {
  initialMiB?: number;
  holdAtMiB?: number;
  oomScoreAdj?: number;
}

export function startLeaker(incident: Incident, comm: string, cgroup: Cgroup, mibPerS: number, o: LeakOptions = {}): Proc {
  const argv = [pythonNamed(incident.dir, comm), path.join(e2eBinDir, 'leak.py'), String(mibPerS)];
  if (o.initialMiB) argv.push('--initial', String(o.initialMiB));
  if (o.holdAtMiB) argv.push('--hold-at', String(o.holdAtMiB));
  if (o.oomScoreAdj !== undefined) argv.push('--adj', String(o.oomScoreAdj));
  return incident.start(argv, { cgroup });
}
