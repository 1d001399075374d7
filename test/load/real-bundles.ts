/**
 * Builds layout-v1 bundle directories at test time from the real captures in
 * ../shared/fixtures/real/ (README.md there says what each file is and when it was taken).
 * The files are placed at their bundle paths unchanged; series records get the epochs the
 * capture scripts logged. Only the `series/procs` rows are derived (from the real
 * /proc/PID/status samples), because that table is the collector's own format.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL = fileURLToPath(new URL('../../../shared/fixtures/real', import.meta.url));
export const BTIME = 1795703978;

export const real = (rel: string) => readFile(path.join(REAL, rel), 'utf8');

/** A bundle dir `memtrail-vm-…/` in a fresh temp dir, holding `files` (bundle path → content). */
export async function makeBundle(files: Record<string, string>): Promise<string> {
  const root = path.join(await mkdtemp(path.join(tmpdir(), 'memtrail-load-')), 'memtrail-vm-20261126T145200Z');
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
  await mkdir(root, { recursive: true });
  return root;
}

export function seriesFile(records: [number, string][]): string {
  return records.map(([time, text]) => `=== ${time}\n${text.endsWith('\n') ? text : text + '\n'}`).join('');
}

/** Splits a fixture `*.samples.txt` (`=== <epoch>` blocks) into [epoch, text] records. */
export function splitSamples(text: string): [number, string][] {
  return text
    .split(/^=== /m)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const nl = block.indexOf('\n');
      return [Number(block.slice(0, nl)), block.slice(nl + 1)];
    });
}

export function manifest(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: 'memtrail-bundle/1', collector: { version: 'test' }, host: 'vm', kernel: '6.18.44-fc-v669', arch: 'x86_64', pageSize: 4096, ...fields });
}

const BASELINE: Record<string, string> = {
  'proc/meminfo': 'proc_meminfo.txt',
  'proc/vmstat': 'proc_vmstat.txt',
  'proc/buddyinfo': 'proc_buddyinfo.txt',
  'proc/slabinfo': 'proc_slabinfo.txt',
  'proc/pressure/memory': 'proc_pressure_memory.txt',
  'proc/swaps': 'proc_swaps.txt',
  'proc/stat': 'proc_stat.txt',
  'proc/zoneinfo': 'proc_zoneinfo_head200.txt',
  'proc/sysvipc/shm': 'proc_sysvipc_shm.txt',
  'sys/kernel/mm/transparent_hugepage/enabled': 'thp_enabled.txt',
  'sys/kernel/mm/transparent_hugepage/defrag': 'thp_defrag.txt',
  'commands/sysctl_-a': 'sysctl_vm.txt',
  'commands/df_-kPT': 'df_kPT.txt',
  'commands/ipcs_-m': 'ipcs_m.txt',
  'commands/ipcs_-m_-p': 'ipcs_m_p.txt',
  'commands/swapon_--show_--bytes': 'swapon_show_bytes.txt',
  'commands/vmstat_1_5': 'vmstat_1_5.txt',
  'commands/ps_-eo_pid,ppid,user,rss,vsz,oomadj,comm,args': 'ps_sorted_rss_head40.txt',
  'commands/dmesg': 'dmesg.txt',
  'commands/journalctl_-k': 'journalctl_k_tail300.txt',
};

/** 01_baseline at its layout-v1 paths; the commands ran from epoch 1795704623.669 (README). */
export async function baselineFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [bundlePath, fixture] of Object.entries(BASELINE)) files[bundlePath] = await real(`01_baseline/${fixture}`);
  return files;
}

export const BASELINE_START = 1795704623.669;

/** A `series/procs` record from one real /proc/PID/status sample. */
export function procsRecordFromStatus(status: string): string {
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(status)?.[1] ?? '0';
  return `PID PPID COMM RSS_KB SWAP_KB OOM_SCORE_ADJ\n${field('Pid')} ${field('PPid')} ${field('Name')} ${field('VmRSS')} ${field('VmSwap')} 0\n`;
}

export const V1 = '02_oom_memcg/v1_single_leaker';
export const V1_MEMCG = '/process_api/6e9996ed54d563ba01ba5f263b123ea5/realcap_v1_single_leaker';

/** 02_oom_memcg v1: the leaker's samples as series, the cgroup's final sample, the OOM dmesg lines. */
export async function oomV1Files(): Promise<Record<string, string>> {
  const status = splitSamples(await real(`${V1}/proc_pid_status.samples.txt`));
  const smaps = splitSamples(await real(`${V1}/proc_pid_smaps_rollup.samples.txt`));
  const cgroupDir = `sys/fs/cgroup/memory${V1_MEMCG}`;
  const files: Record<string, string> = {
    'series/procs': seriesFile(status.map(([t, text]) => [t, procsRecordFromStatus(text)])),
    'series/smaps_rollup': seriesFile(smaps.map(([t, text]) => [t, `--- pid 11705 python3\n${text}`])),
    'commands/dmesg': await real(`${V1}/dmesg_oom_event.txt`),
  };
  for (const name of ['memory.usage_in_bytes', 'memory.failcnt', 'memory.oom_control', 'memory.stat']) {
    files[`${cgroupDir}/${name}`] = splitSamples(await real(`${V1}/cgroup_${name}.samples.txt`)).at(-1)![1];
  }
  return files;
}

export const DENTRY_STAGES: [string, number][] = [
  ['1_before', 1795704828.747],
  ['2_midway', 1795704830.451],
  ['3_after', 1795704832.202],
  ['4_after_drop_caches', 1795704838.95],
];

/** 03_dentry_slab: the four snapshots as series records at the epochs of dentry_times.txt. */
export async function dentrySeries(source: 'slabinfo' | 'meminfo' | 'vmstat'): Promise<string> {
  const records: [number, string][] = [];
  for (const [stage, time] of DENTRY_STAGES) records.push([time, await real(`03_dentry_slab/snapshots/${stage}_proc_${source}.txt`)]);
  return seriesFile(records);
}

/** v1's cgroup samples in the collector's `series/cgroup-memory` record format. */
export async function oomV1CgroupSeries(): Promise<{ text: string; times: number[] }> {
  const usage = splitSamples(await real(`${V1}/cgroup_memory.usage_in_bytes.samples.txt`));
  const failcnt = splitSamples(await real(`${V1}/cgroup_memory.failcnt.samples.txt`));
  const oomControl = splitSamples(await real(`${V1}/cgroup_memory.oom_control.samples.txt`));
  const records: [number, string][] = usage.map(([time, value], i) => [time, [
    `--- v1 ${V1_MEMCG}`,
    `memory.usage_in_bytes ${value.trim()}`,
    `memory.failcnt ${failcnt[i]![1].trim()}`,
    ...oomControl[i]![1].trim().split('\n').map((l) => `memory.oom_control ${l}`),
  ].join('\n')]);
  return { text: seriesFile(records), times: usage.map(([time]) => time) };
}

/** The v1 OOM report as record-mode `series/dmesg`: one record per message at boot epoch + stamp. */
export async function oomV1DmesgSeries(bootEpoch: number): Promise<string> {
  const lines = (await real(`${V1}/dmesg_oom_event.txt`)).trimEnd().split('\n');
  return seriesFile(lines.map((line) => [Number((bootEpoch + Number(/^\[\s*([\d.]+)\]/.exec(line)![1])).toFixed(6)), line]));
}
