/**
 * The sosreport mapping piece by piece, on a directory sosreport built from lines of the real
 * one made on this machine (sos 4.0): a timed-out and a missing command in the manifest, plain
 * `ipcs` with its three sections, `df -al` without types, comms joined from `ps -o comm`.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/load/load-bundle.js';
import { commFromArgs, parseUnameAll } from '../../src/load/sosreport.js';
import type { Artifacts } from '../../src/model/artifacts.js';
import { parseContext } from '../../src/model/diagnostic.js';
import { bundleSummary } from '../../src/report/bundle-summary.js';
import { buildTimeline } from '../../src/timeline/build-timeline.js';
import { packDirectory } from '../bundle/helpers.js';

const command = (exec: string, filepath: string | null, rc: number) =>
  ({ command: exec.split(' ')[0], parameters: exec.split(' ').slice(1), exec, filepath, return_code: rc, run_time: 0.3, tags: [] });

const MANIFEST = {
  version: '4.0', cmdline: 'report --batch -o memory,process', start_time: '2026-11-26 16:56:38.873000', end_time: '2026-11-26 16:57:41.988393', policy: 'Debian',
  components: { report: { plugins: {
    process: {
      start_time: '2026-11-26 16:57:19.824960', end_time: '2026-11-26 16:57:32.728630', timeout_hit: true,
      commands: [command('ps alxwww', 'sos_commands/process/ps_alxwww', 0), command('lsof -b +M -n -l -c', 'sos_commands/process/lsof_-b_M_-n_-l_-c', 124), command('iotop -b -o -d 0.5 -t -n 20', null, 127)],
      files: [{ specification: '/proc/stat', files_copied: ['proc/stat', 'proc/fs/nfsd'], tags: [] }],
    },
    memory: { start_time: '2026-11-26 16:57:14.231753', end_time: '2026-11-26 16:57:31.996661', timeout_hit: false, commands: [], files: [{ specification: '/proc/meminfo', files_copied: ['proc/meminfo'], tags: [] }] },
  } } },
};

const FILES: Record<string, string> = {
  'sos_reports/manifest.json': JSON.stringify(MANIFEST),
  'proc/meminfo': 'MemTotal:       24684096 kB\nMemAvailable:   23200000 kB\n',
  'proc/stat': 'cpu  1 2 3 4\nbtime 1795705296\n',
  'proc/3385/mounts': 'tmpfs /dev/shm tmpfs rw,relatime,size=24684096k 0 0\n/dev/vda / ext4 rw,relatime 0 0\n',
  'sos_commands/process/ps_alxwww': [
    'F   UID   PID  PPID PRI  NI    VSZ   RSS WCHAN  STAT TTY        TIME COMMAND',
    '4     0     1     0  20   0  48956 17876 -      SLl  ?          0:23 /process_api --firecracker-init --addr 0.0.0.0:2024',
    '1     0     2     0  20   0      0     0 kthrea S    ?          0:00 [kthreadd]',
    '4     0  3385  3384  30  10 118208 41796 do_sel SN   ?          0:01 /usr/bin/python3 /usr/bin/sos report --batch',
    '0     0  4607  1080  20   0 722260 55620 do_epo Sl   ?          0:01 npm run bench',
  ].join('\n'),
  'sos_commands/process/ps_axo_pid_ppid_user_group_lwp_nlwp_start_time_comm_cgroup': [
    '  PID  PPID USER     GROUP      LWP NLWP START COMMAND         CGROUP',
    '    1     0 root     root         1   13 16:01 process_api     -',
    ' 3385  3384 root     root      3385    1 16:56 sos             -',
  ].join('\n'),
  'sos_commands/sysvipc/ipcs': [
    '', '------ Message Queues --------', 'key        msqid      owner      perms      used-bytes   messages    ', '0x000004d2 0          root       644        0            0',
    '', '------ Shared Memory Segments --------', 'key        shmid      owner      perms      bytes      nattch     status      ', '0x941f1f85 1          root       644        16777216   0',
    '', '------ Semaphore Arrays --------', 'key        semid      owner      perms      nsems     ', '',
  ].join('\n'),
  'sos_commands/filesys/df_-al_-x_autofs': [
    'Filesystem              1K-blocks     Used Available Use% Mounted on',
    'proc                            0        0         0    - /proc',
    '/dev/vda                264212084 24331660  82059252  23% /',
    'tmpfs                    24684096        0  24684096   0% /dev/shm',
  ].join('\n'),
  'sos_commands/kernel/uname_-a': 'Linux vm 6.18.44-fc-v595 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n',
};

const SOS_TOP = 'sosreport-vm-2026-11-26-eiwlptw';

describe('an sosreport directory, piece by piece', () => {
  let a: Artifacts;
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'memtrail-sos-'));
    const root = path.join(base, SOS_TOP);
    for (const [rel, content] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), content);
    }
    a = await loadBundle(root);
  });

  it('the sos manifest: version and plugins, timed-out and missing commands, plugin times on files', () => {
    expect(a.kind).toBe('sosreport');
    expect(a.manifest).toMatchObject({ format: 'sosreport', collectorVersion: 'sos 4.0', host: 'vm', kernel: '6.18.44-fc-v595', arch: 'x86_64' });
    const messages = a.diagnostics.map((d) => `${d.severity} ${d.source}: ${d.message}`);
    expect(messages).toContain('info sos_reports/manifest.json: sos report 4.0 (policy Debian); plugins: memory, process');
    expect(messages).toContain('warning sos_reports/manifest.json: sos plugin process hit its timeout: commands it had not run yet are missing');
    expect(messages).toContain('warning sos_commands/process/lsof_-b_M_-n_-l_-c: timed out under sos: lsof -b +M -n -l -c');
    const statuses = bundleSummary(buildTimeline(a)).artifacts;
    expect(statuses.find((s) => s.path === 'sos_commands/process/lsof_-b_M_-n_-l_-c')?.status).toBe('timed-out');
    expect(statuses.find((s) => s.path === 'sos_commands/process/iotop_-b_-o_-d_0.5_-t_-n_20')).toMatchObject({ status: 'missing', note: 'command not found: iotop -b -o -d 0.5 -t -n 20' });
    expect(statuses.some((s) => s.path === 'proc/fs/nfsd')).toBe(false);
    expect(a.meminfo[0]!.time).toBe(Date.parse('2026-11-26T16:57:14.231Z') / 1000);
    expect(a.procs[0]!.time).toBe(Date.parse('2026-11-26T16:57:19.824Z') / 1000);
  });

  it('ps: PPID and RSS from ps alxwww, comms from ps -o comm, else from the args', () => {
    expect(a.procs[0]!.data.map((r) => [r.pid, r.ppid, r.comm, r.rssBytes / 1024])).toEqual([
      [1, 0, 'process_api', 17876], [2, 0, 'kthreadd', 0], [3385, 3384, 'sos', 41796], [4607, 1080, 'npm', 55620],
    ]);
  });

  it('ipcs: only the shared-memory section; df -al: types from the mounts', () => {
    expect(a.ipcsShm).toEqual([expect.objectContaining({ key: '0x941f1f85', shmid: 1, bytes: 16777216 })]);
    expect(a.df?.map((r) => [r.mountpoint, r.type, r.sizeBytes / 1024])).toEqual([['/proc', '', 0], ['/', 'ext4', 264212084], ['/dev/shm', 'tmpfs', 24684096]]);
  });

  it.each([['xz', 'xz'], ['gzip', 'gz'], ['zstd', 'zst']] as const)('the same sosreport packed with %s reads the same', async (compressor, ext) => {
    const packed = await loadBundle(packDirectory(base, SOS_TOP, path.join(base, `sos.tar.${ext}`), compressor));
    const facts = (x: Artifacts) => ({ kind: x.kind, manifest: x.manifest, procs: x.procs, df: x.df, ipcs: x.ipcsShm, meminfo: x.meminfo });
    expect(facts(packed)).toEqual(facts(a));
  });
});

describe('helpers', () => {
  it('commFromArgs: kernel threads, paths, 15 bytes', () => {
    expect(commFromArgs('[kworker/0:0H-events_highpri]')).toBe('kworker/0:0H-events_highpri');
    expect(commFromArgs('/usr/lib/systemd/systemd-journald')).toBe('systemd-journal');
    expect(commFromArgs('sshd: root@pts/0')).toBe('sshd');
  });

  it('uname -a with and without the GNU/Linux tail', () => {
    const ctx = parseContext('sos_commands/kernel/uname_-a');
    expect(parseUnameAll('Linux vm 6.18.44-fc-v595 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n', ctx).data).toEqual({ host: 'vm', kernel: '6.18.44-fc-v595', arch: 'x86_64' });
    expect(parseUnameAll('Linux db1 5.14.0-362.el9.x86_64 #1 SMP Tue Oct 3 11:12:36 EDT 2023 aarch64', ctx).data.arch).toBe('aarch64');
  });
});
