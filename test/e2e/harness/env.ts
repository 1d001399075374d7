/**
 * Where the real-incident scenarios can run: root, a cgroup-v1 memory controller with our own
 * memory cgroup to nest under, and the system python3 that drives the incidents.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const collectorPath = path.join(repoRoot, 'collector/memtrail-collect');
export const cliPath = path.join(repoRoot, 'dist/cli/main.js');
/** The incident drivers recorded in ../shared/fixtures/real/scripts, reused as they are. */
export const realScriptsDir = path.resolve(repoRoot, '../shared/fixtures/real/scripts');
export const e2eBinDir = path.join(repoRoot, 'test/e2e/bin');
/** The system interpreter: a pyenv shim would put bash, not python, between us and the process. */
export const python = '/usr/bin/python3';
export const memcgMount = '/sys/fs/cgroup/memory';

/** Our memory cgroup as the kernel names it (`/process_api/6e99…`), from /proc/self/cgroup. */
export function ownMemcgPath(): string | null {
  for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
    const [, controllers, cgPath] = line.split(':');
    if (controllers?.split(',').includes('memory') && cgPath !== undefined) return cgPath;
  }
  return null;
}

/** Why the scenarios cannot run here, or null when they can. `tools` are extra commands a scenario needs. */
export function skipReason(tools: string[] = []): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root: provoking OOM kills, mounting tmpfs and reading slabinfo need root';
  const own = ownMemcgPath();
  if (own === null || !existsSync(path.join(memcgMount, own, 'memory.limit_in_bytes'))) {
    return `no cgroup-v1 memory controller at ${memcgMount} holding this process's memory cgroup`;
  }
  try {
    accessSync(path.join(memcgMount, own), constants.W_OK);
  } catch {
    return `cannot create child cgroups in ${path.join(memcgMount, own)}`;
  }
  if (!existsSync(python)) return `${python} is missing`;
  if (!existsSync(cliPath)) return `${cliPath} is missing: run npm run build (npm run test:e2e does)`;
  for (const tool of tools) {
    const found = (process.env.PATH ?? '').split(':').some((dir) => existsSync(path.join(dir, tool)));
    if (!found) return `${tool} is not installed`;
  }
  return null;
}
