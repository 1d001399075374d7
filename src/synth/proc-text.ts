/**
 * Renders /proc files in their real kernel formats (6.x), for the synthetic sample bundles.
 * Shapes are copied from the real captures in shared/fixtures/real/01_baseline.
 */

/** `MemTotal:       16384000 kB` lines; values in kB, unitless keys (HugePages_*) printed bare. */
export function meminfoText(kb: Record<string, number>): string {
  return Object.entries(kb)
    .map(([key, value]) => {
      const unitless = key.startsWith('HugePages_');
      return `${`${key}:`.padEnd(16)}${String(Math.round(value)).padStart(unitless ? 8 : 8)}${unitless ? '' : ' kB'}`;
    })
    .join('\n')
    .concat('\n');
}

export function vmstatText(counters: Record<string, number>): string {
  return Object.entries(counters)
    .map(([key, value]) => `${key} ${Math.round(value)}`)
    .join('\n')
    .concat('\n');
}

export interface ZoneFree {
  zone: string;
  freeByOrder: number[];
}

export function buddyinfoText(zones: ZoneFree[]): string {
  return zones
    .map((z) => `Node 0, zone ${z.zone.padStart(8)} ${z.freeByOrder.map((n) => String(Math.round(n)).padStart(6)).join(' ')} `)
    .join('\n')
    .concat('\n');
}

export interface SlabSpec {
  name: string;
  objSize: number;
  objPerSlab: number;
  pagesPerSlab: number;
  numObjs: number;
}

export function slabinfoText(caches: SlabSpec[]): string {
  const header =
    'slabinfo - version: 2.1\n# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n';
  const rows = caches.map((c) => {
    const numObjs = Math.round(c.numObjs);
    const slabs = Math.ceil(numObjs / c.objPerSlab);
    const active = Math.round(numObjs * 0.97);
    return `${c.name.padEnd(17)} ${String(active).padStart(6)} ${String(numObjs).padStart(6)} ${String(c.objSize).padStart(6)} ${String(c.objPerSlab).padStart(4)} ${String(c.pagesPerSlab).padStart(4)} : tunables    0    0    0 : slabdata ${String(slabs).padStart(6)} ${String(slabs).padStart(6)}      0`;
  });
  return header + rows.join('\n') + '\n';
}

export interface Psi {
  some: [number, number, number, number];
  full: [number, number, number, number];
}

export function pressureText(p: Psi): string {
  const line = (kind: string, [a10, a60, a300, total]: [number, number, number, number]) =>
    `${kind} avg10=${a10.toFixed(2)} avg60=${a60.toFixed(2)} avg300=${a300.toFixed(2)} total=${Math.round(total)}`;
  return `${line('some', p.some)}\n${line('full', p.full)}\n`;
}

export interface ProcRowSpec {
  pid: number;
  ppid: number;
  comm: string;
  rssKb: number;
  swapKb: number;
  oomScoreAdj: number;
}

/** The collector's series/procs record (bundle layout v1). */
export function procsText(rows: ProcRowSpec[]): string {
  return (
    'PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ\n' +
    rows.map((r) => `${r.pid} ${r.ppid} ${r.comm} ${Math.round(r.rssKb)} ${Math.round(r.swapKb)} ${r.oomScoreAdj}`).join('\n') +
    '\n'
  );
}

export interface RollupSpec {
  rssKb: number;
  pssKb: number;
  sharedCleanKb: number;
  sharedDirtyKb: number;
  privateCleanKb: number;
  privateDirtyKb: number;
  anonymousKb: number;
  swapKb: number;
}

/** /proc/PID/smaps_rollup, field order as on 6.18. */
export function smapsRollupText(r: RollupSpec): string {
  const kb = (name: string, v: number) => `${`${name}:`.padEnd(16)}${String(Math.round(v)).padStart(8)} kB`;
  return [
    '55d4a3c4e000-7ffd8a5f1000 ---p 00000000 00:00 0                          [rollup]',
    kb('Rss', r.rssKb),
    kb('Pss', r.pssKb),
    kb('Pss_Dirty', r.privateDirtyKb),
    kb('Pss_Anon', r.anonymousKb),
    kb('Pss_File', Math.max(0, r.pssKb - r.anonymousKb)),
    kb('Pss_Shmem', 0),
    kb('Shared_Clean', r.sharedCleanKb),
    kb('Shared_Dirty', r.sharedDirtyKb),
    kb('Private_Clean', r.privateCleanKb),
    kb('Private_Dirty', r.privateDirtyKb),
    kb('Referenced', r.rssKb),
    kb('Anonymous', r.anonymousKb),
    kb('KSM', 0),
    kb('LazyFree', 0),
    kb('AnonHugePages', 0),
    kb('ShmemPmdMapped', 0),
    kb('FilePmdMapped', 0),
    kb('Shared_Hugetlb', 0),
    kb('Private_Hugetlb', 0),
    kb('Swap', r.swapKb),
    kb('SwapPss', r.swapKb),
    kb('Locked', 0),
  ].join('\n').concat('\n');
}
