/**
 * Writes a Scenario as a layout-v1 bundle (docs/bundle-format.md) and packs it as a deterministic
 * .tar.gz: sorted entries, portable headers, fixed mtime, so regenerating gives the same bytes.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import { VMSTAT_COUNTERS } from './baseline-server.js';
import { bootLines } from './kernel-log-text.js';
import { buddyinfoText, meminfoText, pressureText, procsText, slabinfoText, smapsRollupText, vmstatText, type Psi } from './proc-text.js';
import { DEFAULT_SYSCTL, type Scenario } from './scenario.js';
import { meminfoOf, type ServerState } from './server-state.js';
import { dfText, duText, ipcsPidsText, ipcsText, mapsText, mountsText, procSwapsText, statusText, swaponText, sysvipcText } from './static-text.js';
import { cgroupText, staticExtras } from './static-extras.js';

const TOP_N = 5;

export function topProcesses(s: ServerState, n: number) {
  return [...s.processes].sort((a, b) => b.anonKb + b.fileKb + b.swapKb - (a.anonKb + a.fileKb + a.swapKb)).slice(0, n);
}

export function rollup(p: ServerState['processes'][number]) {
  const shared = p.sharedCleanKb ?? 0;
  return smapsRollupText({
    rssKb: p.anonKb + p.fileKb,
    pssKb: p.anonKb + (p.fileKb - shared) + shared / 3,
    sharedCleanKb: shared,
    sharedDirtyKb: 0,
    privateCleanKb: p.fileKb - shared,
    privateDirtyKb: p.anonKb,
    anonymousKb: p.anonKb,
    swapKb: p.swapKb,
  });
}

/** Gauges from the state's meminfo (pages) plus counters advanced by the state's rates, for `names`. */
export function vmstatOf(
  counters: Record<string, number>,
  meminfoKb: Record<string, number>,
  names: readonly string[] = VMSTAT_COUNTERS,
): Record<string, number> {
  const pages = (kb: number | undefined) => Math.round((kb ?? 0) / 4);
  const gauges: Record<string, number> = {
    nr_free_pages: pages(meminfoKb.MemFree), nr_inactive_anon: pages(meminfoKb['Inactive(anon)']), nr_active_anon: pages(meminfoKb['Active(anon)']),
    nr_inactive_file: pages(meminfoKb['Inactive(file)']), nr_active_file: pages(meminfoKb['Active(file)']),
    nr_slab_reclaimable: pages(meminfoKb.SReclaimable), nr_slab_unreclaimable: pages(meminfoKb.SUnreclaim),
    nr_anon_pages: pages(meminfoKb.AnonPages), nr_mapped: pages(meminfoKb.Mapped), nr_file_pages: pages(meminfoKb.Cached),
    nr_dirty: pages(meminfoKb.Dirty), nr_writeback: 0, nr_shmem: pages(meminfoKb.Shmem), nr_kernel_stack: meminfoKb.KernelStack ?? 0,
    nr_page_table_pages: pages(meminfoKb.PageTables), nr_swapcached: pages(meminfoKb.SwapCached),
  };
  return Object.fromEntries(names.map((k) => [k, gauges[k] ?? counters[k] ?? 0]));
}

/** series/procs content of a state. */
export function procsRecord(s: ServerState): string {
  return procsText(s.processes.map((p) => ({ pid: p.pid, ppid: p.ppid, comm: p.comm, rssKb: p.anonKb + p.fileKb, swapKb: p.swapKb, oomScoreAdj: p.oomScoreAdj })));
}

/** series/smaps_rollup content: the top n processes by RSS + swap. */
export function smapsRecord(s: ServerState, n: number): string {
  return topProcesses(s, n).map((p) => `--- pid ${p.pid} ${p.comm}\n${rollup(p)}`).join('');
}

/**
 * The series sampled at every interval (meminfo, vmstat, buddyinfo, pressure-memory). Holds the
 * monotonic counters (vmstat, PSI totals) between samples, advanced by each state's rates.
 */
export class FastSeries {
  private readonly psiTotals = { some: 0, full: 0 };
  private prevSwapUsedKb = 0;
  private first = true;

  constructor(
    private readonly intervalS: number,
    private readonly vmstatNames: readonly string[] = VMSTAT_COUNTERS,
    private readonly counters: Record<string, number> = {},
  ) {}

  sample(s: ServerState): [name: string, text: string][] {
    const dt = this.first ? 0 : this.intervalS;
    // Swap growth between samples is swap-out the kernel counted; add it to the scenario's own rate.
    const swapOutKb = this.first ? 0 : Math.max(0, s.swapUsedKb - this.prevSwapUsedKb);
    this.first = false;
    this.prevSwapUsedKb = s.swapUsedKb;
    const rates = { ...s.rates, pswpout: (s.rates.pswpout ?? 0) + swapOutKb / 4 / this.intervalS };
    for (const [k, rate] of Object.entries(rates)) this.counters[k] = (this.counters[k] ?? 1_000) + rate * dt;
    this.psiTotals.some += (s.psi.some[0] / 100) * this.intervalS * 1e6;
    this.psiTotals.full += (s.psi.full[0] / 100) * this.intervalS * 1e6;
    const meminfoKb = meminfoOf(s);
    const psi = { some: [...s.psi.some.slice(0, 3), this.psiTotals.some] as Psi['some'], full: [...s.psi.full.slice(0, 3), this.psiTotals.full] as Psi['full'] };
    return [
      ['meminfo', meminfoText(meminfoKb)],
      ['vmstat', vmstatText(vmstatOf(this.counters, meminfoKb, this.vmstatNames))],
      ['buddyinfo', buddyinfoText(s.buddy)],
      ['pressure-memory', pressureText(psi)],
    ];
  }
}

/** The collector's top directory: memtrail-<host>-<YYYYMMDDTHHMMSSZ>. */
export function bundleRootName(host: string, start: number): string {
  const stamp = new Date(start * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `memtrail-${host}-${stamp}`;
}

/** Every static capture of the final state (proc/, sys/, commands/ except dmesg), in manifest order. */
export function staticFiles(scenario: Scenario, last: ServerState, bootTime: number, end: number): Map<string, string> {
  const files = new Map<string, string>();
  const sysctl = { ...DEFAULT_SYSCTL, ...scenario.sysctl };
  files.set('proc/meminfo', meminfoText(meminfoOf(last)));
  files.set('proc/slabinfo', slabinfoText(last.slab));
  files.set('proc/buddyinfo', buddyinfoText(last.buddy));
  files.set('proc/stat', `cpu  1786012 1204 402211 90561234 20114 0 11003 0 0 0\nbtime ${bootTime}\nprocesses 812345\n`);
  files.set('proc/swaps', procSwapsText(last, scenario.swapDevice));
  files.set('proc/mounts', mountsText(last));
  files.set('proc/sysvipc/shm', sysvipcText(last.shm, end));
  for (const [key, value] of Object.entries(sysctl)) files.set(`proc/sys/vm/${key.slice(3)}`, `${value}\n`);
  const thp = scenario.thpEnabled ?? 'madvise';
  files.set('sys/kernel/mm/transparent_hugepage/enabled', `${['always', 'madvise', 'never'].map((o) => (o === thp ? `[${o}]` : o)).join(' ')}\n`);
  files.set('sys/kernel/mm/transparent_hugepage/defrag', 'always defer defer+madvise [madvise] never\n');
  files.set('commands/swapon_--show_--bytes', swaponText(last, scenario.swapDevice));
  files.set('commands/df_-kPT', dfText(last));
  files.set('commands/ipcs_-m', ipcsText(last.shm));
  files.set('commands/ipcs_-m_-p', ipcsPidsText(last.shm));
  files.set('commands/du_-akx_-d_3__dev_shm', duText(last, '/dev/shm'));
  files.set('commands/du_-akx_-d_3__run_shm', duText(last, '/run/shm'));
  for (const p of topProcesses(last, TOP_N)) {
    files.set(`proc/${p.pid}/status`, statusText(p));
    files.set(`proc/${p.pid}/smaps_rollup`, rollup(p));
    files.set(`proc/${p.pid}/maps`, mapsText(p));
    files.set(`proc/${p.pid}/cmdline`, `${p.cmdline.join('\0')}\0`);
    files.set(`proc/${p.pid}/oom_score_adj`, `${p.oomScoreAdj}\n`);
    files.set(`proc/${p.pid}/cgroup`, cgroupText(p));
  }
  return files;
}

/** A manifest artifact entry; `time` (when the capture finished) tells the loader when a one-shot capture was made. */
export function artifactRow(path: string, bytes: number, time?: number) {
  return {
    path, command: path.startsWith('commands/') ? path.slice(9).replace(/_/g, ' ') : null, exit: 0, seconds: 0.01,
    ...(time !== undefined ? { time } : {}),
    bytes, truncated: false, timedOut: false, error: null,
  };
}

export function manifestOf(scenario: Scenario, bootTime: number, end: number, artifacts: ReturnType<typeof artifactRow>[]) {
  return {
    format: 'memtrail-bundle/1', collector: { version: 'synthetic' }, host: scenario.host, kernel: scenario.kernel, arch: 'x86_64',
    pageSize: 4096, bootTime, start: scenario.start, end, timezone: scenario.timezone, interval: scenario.intervalS, mode: 'record',
    uid: 0, redaction: true, synthetic: true, artifacts,
  };
}

export async function writeSample(scenario: Scenario, outFile: string): Promise<void> {
  const rootName = bundleRootName(scenario.host, scenario.start);
  const work = await mkdtemp(join(tmpdir(), 'memtrail-synth-'));
  try {
    const files = new Map<string, string>();
    const series = (name: string, time: number, text: string) =>
      files.set(`series/${name}`, `${files.get(`series/${name}`) ?? ''}=== ${time.toFixed(3)}\n${text}`);

    const n = Math.round((scenario.hours * 3600) / scenario.intervalS) + 1;
    const fast = new FastSeries(scenario.intervalS);
    const fAt = (i: number) => (n === 1 ? 1 : i / (n - 1));
    let last = scenario.state(1);
    for (let i = 0; i < n; i++) {
      const time = scenario.start + i * scenario.intervalS;
      const s = scenario.state(fAt(i));
      last = s;
      for (const [name, text] of fast.sample(s)) series(name, time, text);
      series('procs', time, procsRecord(s));
      series('slabinfo', time, slabinfoText(s.slab));
      series('smaps_rollup', time, smapsRecord(s, TOP_N));
    }

    const end = scenario.start + (n - 1) * scenario.intervalS;
    const bootTime = scenario.start - scenario.uptimeAtStart;
    const uptimeAt = (f: number) => scenario.uptimeAtStart + f * (end - scenario.start);
    for (const [path, text] of staticFiles(scenario, last, bootTime, end)) files.set(path, text);
    const kernel = [...bootLines(), ...(scenario.kernelLog?.(uptimeAt, scenario.state) ?? [])];
    files.set('commands/dmesg', `${kernel.join('\n')}\n`);
    for (const [path, text] of staticExtras(scenario, last)) files.set(path, text);

    const manifest = manifestOf(scenario, bootTime, end, [...files.entries()].map(([path, text]) => artifactRow(path, Buffer.byteLength(text), end)));
    files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

    // manifest.json first, as the collector packs it: a streaming reader needs it before the rest.
    const names = ['manifest.json', ...[...files.keys()].filter((n) => n !== 'manifest.json').sort()];
    for (const name of names) {
      const path = join(work, rootName, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files.get(name)!);
    }
    await create(
      { gzip: { level: 9 }, portable: true, mtime: new Date(end * 1000), cwd: work, file: outFile },
      names.map((name) => `${rootName}/${name}`),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
