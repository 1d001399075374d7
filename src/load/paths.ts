/**
 * Path helpers for bundle layout v1 (docs/bundle-format.md): where a cgroup file sits below the
 * memory controller. (sosreport command files: sosreport.ts.)
 */

/** `sys/fs/cgroup/memory/app/x` (v1) or `sys/fs/cgroup/app/x` (v2) → `/app/x`. */
export function cgroupPathOf(dir: string): string {
  const parts = dir.split('/').slice(3);
  const top = parts[0] ?? '';
  // v1 mounts each controller in its own dir (memory, or a comanaged pair); hybrid v2 sits in unified/.
  if (top.split(',').includes('memory') || top === 'unified') parts.shift();
  return '/' + parts.join('/');
}
