/** Child memory cgroups (v1) under our own, with a limit, removed again after the scenario. */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { memcgMount, ownMemcgPath } from './env.js';
import { sleep } from './wait.js';

export interface Cgroup {
  /** Directory in the cgroup filesystem. */
  dir: string;
  /** The cgroup as the kernel names it in OOM reports and /proc/<pid>/cgroup (`/process_api/…/name`). */
  path: string;
  /** memory.oom_control as key → value (oom_kill_disable, under_oom, oom_kill). */
  oomControl(): Record<string, number>;
  read(file: string): string;
  tasks(): number[];
}

export function createCgroup(name: string, limitBytes: number, options: { oomKillDisable?: boolean } = {}): Cgroup {
  const parent = ownMemcgPath();
  if (parent === null) throw new Error('no memory cgroup in /proc/self/cgroup');
  const cgPath = path.posix.join(parent, `${name}-${process.pid}`);
  const dir = path.join(memcgMount, cgPath);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'memory.limit_in_bytes'), String(limitBytes));
  if (options.oomKillDisable) writeFileSync(path.join(dir, 'memory.oom_control'), '1');
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  return {
    dir,
    path: cgPath,
    read,
    oomControl: () => Object.fromEntries(read('memory.oom_control').trim().split('\n').map((l) => {
      const [key, value] = l.split(' ');
      return [key!, Number(value)];
    })),
    tasks: () => read('cgroup.procs').split('\n').filter(Boolean).map(Number),
  };
}

/** Kills what is still inside (only our incident processes ever are), then removes the directory. */
export async function removeCgroup(cg: Cgroup): Promise<void> {
  if (!existsSync(cg.dir)) return;
  for (let attempt = 0; ; attempt++) {
    for (const pid of cg.tasks()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    try {
      rmdirSync(cg.dir);
      return;
    } catch (err) {
      // EBUSY while killed tasks are still exiting and uncharging.
      if (attempt >= 50) throw err;
      await sleep(100);
    }
  }
}
