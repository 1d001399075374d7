/**
 * The hostile corpus, generated at test time from the real-shaped sample bundles (samples/):
 * `await buildCorpus(dir)` writes every broken or malicious bundle the tests in test/hostile/
 * feed to the CLI and returns their paths by case name. Nothing binary is committed.
 *
 * Base: samples/process-leak.tar.gz (8 h of series, a global OOM kill of the leaking python3
 * worker) with the tmpfs files of samples/tmpfs-shm.tar.gz (same machine), so one bundle carries
 * procs, cmdlines, cgroups, mounts, tmpfs files and a kernel log, every place hostile text can go.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BundleFiles, compress, corruptMiddle, gzip, hasZstd, writeZeroBomb, zstd, type Compression } from './bundle-files.js';
import { HOSTILE, LONG_STRING, NON_UTF8_COMM, TERMINAL_COMM } from './hostile-values.js';
import { editRecords, shiftTime } from './series-edit.js';
import { END_OF_ARCHIVE, memberBytes, tarBytes, type TarMember } from './tar-bytes.js';

const TMPFS_FILES = /^(proc\/mounts|proc\/sysvipc\/shm|commands\/(df_-kPT|du_.*|ipcs_.*))$/;

/** The clean base bundle (see the module comment). */
export function baseBundle(): BundleFiles {
  const bundle = BundleFiles.fromSample('process-leak');
  const tmpfs = BundleFiles.fromSample('tmpfs-shm');
  for (const [path, body] of tmpfs.files) if (TMPFS_FILES.test(path)) bundle.set(path, body);
  return bundle;
}

/** A deterministic byte soup (xorshift), so a failing case replays. */
export function garbageBytes(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function replaceBytes(body: Buffer, search: string, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(search, from); at >= 0; at = body.indexOf(search, from)) {
    parts.push(body.subarray(from, at), replacement);
    from = at + search.length;
  }
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

const COMM_FILES = /^(series\/(procs|smaps_rollup)|proc\/\d+\/status|commands\/dmesg)$/;

/** Attacker text in every field that reaches the report (hostile-values.ts says which where). */
export function hostileBundle(): BundleFiles {
  return baseBundle()
    .edit(COMM_FILES, (t) => t.replaceAll('python3', HOSTILE.comm))
    .edit(/^proc\/\d+\/cmdline$/, (t) => t.replaceAll('/opt/app/worker.py', HOSTILE.cmdline))
    .edit(/^proc\/2103\/cmdline$/, () => `/usr/bin/java\0${LONG_STRING}\0`)
    .edit(/^series\/procs$/, (t) => t.replaceAll(' java ', ` ${LONG_STRING} `))
    .edit(/^(proc\/\d+\/cgroup|commands\/dmesg|series\/cgroup-memory)$/, (t) => t.replaceAll('app-worker.service', HOSTILE.cgroup))
    .edit(/^(proc\/mounts|commands\/(df_-kPT|du_.*))$/, (t) => t.replaceAll('/run/shm', HOSTILE.mountPoint))
    .edit(/^commands\/du_.*$/, (t) => t.replaceAll('ipc_queue_buffer', HOSTILE.fileName))
    .manifest((m) => ({ ...m, host: HOSTILE.host }));
}

/** Terminal escapes and non-UTF-8 bytes in process names and the host, for `inspect`. */
export function terminalBundle(): BundleFiles {
  const bundle = baseBundle()
    .edit(COMM_FILES, (t) => t.replaceAll('python3', TERMINAL_COMM))
    .manifest((m) => ({ ...m, host: `host\x1b[31m\u009b2J\x1b]8;;http://evil/\x07link` }));
  for (const path of bundle.files.keys()) {
    if (COMM_FILES.test(path)) bundle.set(path, replaceBytes(bundle.files.get(path)!, 'java', NON_UTF8_COMM));
  }
  return bundle;
}

/** Binary garbage in /proc files, a 10 MB line, empty files: each costs its file only. */
export function brokenFilesBundle(): BundleFiles {
  const dmesg = baseBundle().text('commands/dmesg').split('\n');
  return baseBundle()
    .set('proc/meminfo', garbageBytes(4096, 1))
    .set('proc/1842/status', garbageBytes(2048, 2))
    .set('proc/vmstat', Buffer.concat([Buffer.from('nr_free_pages 12\n'), garbageBytes(300, 3), Buffer.from('\npgfault 7\n')]))
    .set('proc/buddyinfo', `Node 0, zone Normal ${'9'.repeat(10 * 1024 * 1024)}\n`)
    .set('commands/dmesg', [dmesg[0], dmesg[1], 'x'.repeat(10 * 1024 * 1024), ...dmesg.slice(2)].join('\n'))
    .set('proc/slabinfo', '')
    .set('proc/swaps', '')
    .set('series/pressure-memory', '')
    .edit(/^series\/buddyinfo$/, (t) =>
      editRecords(t, (r, i) => [i === 3 ? { ...r, body: `${garbageBytes(500, 4).toString('latin1')}\n` } : r]));
}

/** A manifest that is valid JSON with every field of the wrong type. */
export function wrongTypesManifest(): string {
  return JSON.stringify({
    format: 7, collector: 'v1', host: ['a'], kernel: { r: 1 }, arch: null, pageSize: '4096', bootTime: 'yesterday',
    start: true, end: '1773108000', timezone: 42, interval: -5, mode: 1, uid: 'root', redaction: 'yes',
    synthetic: 0, artifacts: [null, 3, 'proc/meminfo', { path: 12, exit: 'x', bytes: '1', truncated: 'no' }],
  });
}

/** Series with duplicate and out-of-order records, a clock step back, a reboot, pid reuse, missing fields. */
export function brokenSeriesBundle(): BundleFiles {
  return baseBundle()
    .edit(/^series\/meminfo$/, (t) =>
      editRecords(t, (r, i, n) =>
        i === 5 ? [r, r] // a duplicate record
        : i === 10 ? [{ ...r, time: shiftTime(r.time, 450) }] // out of order: after record 11
        : i === 20 ? [{ ...r, body: r.body.replace(/^MemAvailable:.*\n/m, '') }]
        : i === 21 ? [{ ...r, body: r.body.replace(/^MemTotal:.*\n/m, '').replace(/^MemFree:.*\n/m, '') }]
        : i > n / 2 && i < n / 2 + 3 ? [{ ...r, time: shiftTime(r.time, -3600) }] // clock stepped back an hour
        : [r]))
    .edit(/^series\/vmstat$/, (t) =>
      // A reboot halfway: every counter starts again from a few thousand.
      editRecords(t, (r, i, n) => [i < n / 2 ? r : { ...r, body: r.body.replace(/^(\w+) (\d+)$/gm, (_l, k: string, v: string) => `${k} ${Math.floor(Number(v) / 1e4) + i}`) }]))
    .edit(/^series\/procs$/, (t) =>
      editRecords(t, (r, i, n) => {
        if (i < n / 2) return [r];
        // pid 1842 exits and the pid comes back as a short-lived bash; one row lost its last columns.
        const body = r.body.replace(/^1842 1 python3 \d+ \d+ \d+$/m, '1842 2290 bash 3100 0 0').replace(/^(611 1 rsyslogd) \d+ \d+ \d+$/m, '$1');
        return [{ ...r, body }];
      }));
}

/** Member names carrying `name`: an unknown file (indexed), a skipped symlink, a refused path. */
function hostileMemberNames(top: string, name: string): TarMember[] {
  return [
    { path: `${top}/commands/${name}`, body: Buffer.from('unknown command output\n') },
    { path: `${top}/proc/${name}`, type: 'SymbolicLink', linkpath: '/etc/passwd' },
    { path: `../${name}`, body: Buffer.from('escaped\n') },
  ];
}

/**
 * Stamps beyond what Date holds (year 318857): a series record, the manifest's bootTime, a
 * kernel log line. Found by the long fuzz run: each made the report throw `Invalid time value`.
 */
export const ABSURD_EPOCH_S = 9_999_999_999_999;

export function absurdTimesBundle(): BundleFiles {
  return baseBundle()
    .edit(/^series\/pressure-memory$/, (t) => editRecords(t, (r, i) => [i === 4 ? { ...r, time: String(ABSURD_EPOCH_S) } : r]))
    .edit(/^commands\/dmesg$/, (t) => t.replace(/^\[ *[\d.]+\]/, `[${ABSURD_EPOCH_S}.000000]`))
    .manifest((m) => ({ ...m, bootTime: ABSURD_EPOCH_S }));
}

/** The bundle's contents are ordinary; the archive around them is hostile. */
function escapingMembers(top: string): TarMember[] {
  return [
    { path: '../../escaped-dotdot.txt', body: Buffer.from('escaped\n') },
    { path: `${top}/../../escaped-nested.txt`, body: Buffer.from('escaped\n') },
    { path: '/tmp/memtrail-hostile-escaped-absolute.txt', body: Buffer.from('escaped\n') },
    { path: 'C:\\escaped-windows.txt', body: Buffer.from('escaped\n') },
    { path: `${top}/proc/swaps`, type: 'SymbolicLink', linkpath: '/etc/passwd' },
    { path: `${top}/proc/zoneinfo`, type: 'Link', linkpath: '/etc/shadow' },
    { path: `${top}/commands/link-up`, type: 'SymbolicLink', linkpath: '../../../../../../etc/passwd' },
    { path: `${top}/escape-dir`, type: 'SymbolicLink', linkpath: '/tmp' },
    { path: `${top}/escape-dir/memtrail-hostile-through-symlink.txt`, body: Buffer.from('escaped\n') },
    { path: `${top}/proc/kmem`, type: 'CharacterDevice' },
    { path: `${top}/dev-sda`, type: 'BlockDevice' },
    { path: `${top}/series/fifo`, type: 'FIFO' },
  ];
}

export type Corpus = Record<string, string>;

export const CORPUS_GROUPS = ['archives', 'bombs', 'files', 'series', 'hostile'] as const;
export type CorpusGroup = (typeof CORPUS_GROUPS)[number];

const ARCHIVE_EXT = { none: 'tar', gzip: 'tar.gz', zstd: 'tar.zst' } as const;
export const COMPRESSIONS: Compression[] = hasZstd ? ['none', 'gzip', 'zstd'] : ['none', 'gzip'];
/** Where the truncation cases cut, as a share of the archive's bytes (see archivesGroup). */
export const TRUNCATION_PER_MILLE = [1, 300, 600, 999];

/** Writes the cases of `groups` into `dir` (existing, empty) and returns their paths by name. */
export async function buildCorpus(dir: string, groups: readonly CorpusGroup[] = CORPUS_GROUPS): Promise<Corpus> {
  const corpus: Corpus = {};
  const put = (name: string, bytes: Buffer | string) => {
    corpus[name] = join(dir, name);
    writeFileSync(corpus[name], bytes);
  };
  const builders: Record<CorpusGroup, () => void | Promise<void>> = {
    archives: () => archivesGroup(put),
    bombs: () => bombsGroup(dir, corpus),
    files: () => filesGroup(put, dir, corpus),
    series: () => {
      put('broken-series.tar.gz', gzip(brokenSeriesBundle().tar()));
      put('absurd-times.tar.gz', gzip(absurdTimesBundle().tar()));
    },
    hostile: () => {
      const hostile = hostileBundle();
      put('hostile.tar.gz', gzip(hostile.tar(hostileMemberNames(hostile.top, HOSTILE.comm))));
      const terminal = terminalBundle();
      put('terminal.tar.gz', gzip(terminal.tar(hostileMemberNames(terminal.top, TERMINAL_COMM))));
    },
  };
  for (const group of groups) await builders[group]();
  return corpus;
}

type Put = (name: string, bytes: Buffer | string) => void;

function archivesGroup(put: Put): void {
  const base = baseBundle();
  const baseTar = base.tar();
  for (const c of COMPRESSIONS) {
    const bytes = compress(baseTar, c);
    put(`base.${ARCHIVE_EXT[c]}`, bytes);
    // Cut inside the first header, inside early members, mid-archive, near and just before the end.
    for (const perMille of TRUNCATION_PER_MILLE) {
      put(`truncated-${perMille}.${ARCHIVE_EXT[c]}`, bytes.subarray(0, Math.max(1, Math.floor((bytes.length * perMille) / 1000))));
    }
  }
  put('truncated-at-member-boundary.tar', baseTar.subarray(0, baseTar.length - END_OF_ARCHIVE.length));
  put('corrupt-middle.tar.gz', corruptMiddle(gzip(baseTar)));
  put('corrupt-head.tar.gz', corruptMiddle(gzip(baseTar), 12));
  // The header of the member halfway through the archive (a series file's checksum breaks).
  const members = base.members();
  const headerAt = members.slice(0, members.length / 2).reduce((at, m) => at + memberBytes(m).length, 0);
  put('corrupt-headers.tar', corruptMiddle(baseTar, headerAt + 100));
  if (hasZstd) {
    put('corrupt-middle.tar.zst', corruptMiddle(zstd(baseTar)));
    put('corrupt-head.tar.zst', corruptMiddle(zstd(baseTar), 8));
  }

  put('not-a-tar.bin', garbageBytes(64 * 1024, 5));
  put('not-a-tar.gz', gzip(garbageBytes(64 * 1024, 6)));
  put('elf-binary', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'), garbageBytes(20_000, 7)]));
  if (hasZstd) put('not-a-tar.zst', zstd(garbageBytes(64 * 1024, 8)));

  put('escapes.tar', tarBytes([...base.clone().delete(/^proc\/(swaps|zoneinfo)$/).members(), ...escapingMembers(base.top)]));
  const later = base.clone().set('proc/meminfo', base.text('proc/meminfo').replace(/^MemTotal:.*$/m, `MemTotal:       33554432 kB`));
  put('duplicates.tar.gz', gzip(tarBytes([...base.members(), ...later.members().filter((m) => m.path.endsWith('/proc/meminfo'))])));
  const dmesg = base.text('commands/dmesg');
  put('huge-entry.tar.gz', gzip(base.clone().set('commands/dmesg', dmesg.repeat(Math.ceil((6 * 1024 * 1024) / dmesg.length))).tar()));

  put('empty.tar', END_OF_ARCHIVE);
  put('empty.tar.gz', gzip(END_OF_ARCHIVE));
  if (hasZstd) put('empty.tar.zst', zstd(END_OF_ARCHIVE));
  put('empty-file.tar', '');
  put('directories-only.tar', tarBytes([{ path: 'memtrail-x/', type: 'Directory' }, { path: 'memtrail-x/proc/', type: 'Directory' }]));
  put('unknown-files-only.tar', tarBytes([{ path: 'stuff/README.txt', body: Buffer.from('hello\n') }, { path: 'stuff/photo.jpg', body: garbageBytes(900, 9) }]));
}


/** Zeros as the last member (commands/dmesg: streamed line by line to the kernel-log parser). */
async function bombsGroup(dir: string, corpus: Corpus): Promise<void> {
  const noDmesg = baseBundle().delete(/^commands\/dmesg$/);
  const bomb = async (name: string, zeroMiB: number, compression: 'gzip' | 'zstd') => {
    corpus[name] = join(dir, name);
    await writeZeroBomb(corpus[name], noDmesg, { zeroMiB, memberPath: 'commands/dmesg', compression });
  };
  await bomb('bomb-ratio.tar.gz', 256, 'gzip');
  if (hasZstd) await bomb('bomb-ratio.tar.zst', 1024, 'zstd');
  // 40 MiB stays under the 64 MiB where the ratio is judged: only --max-total-mb stops it.
  await bomb('bomb-size.tar.gz', 40, 'gzip');
}

function filesGroup(put: Put, dir: string, corpus: Corpus): void {
  const base = baseBundle();
  put('broken-files.tar.gz', gzip(brokenFilesBundle().tar()));
  put('no-manifest.tar.gz', gzip(base.clone().delete(/^manifest\.json$/).tar()));
  put('no-btime.tar.gz', gzip(base.clone().delete(/^proc\/stat$/).manifest((m) => ({ ...m, bootTime: null })).tar()));
  put('manifest-wrong-types.tar.gz', gzip(base.clone().set('manifest.json', wrongTypesManifest()).tar()));
  put('manifest-not-json.tar.gz', gzip(base.clone().set('manifest.json', '{"format": "memtrail-bundle/1", "host": "app-').tar()));
  const absent = base.clone().delete(/^(?!manifest\.json$)/).manifest((m) => ({
    ...m,
    artifacts: (m.artifacts as { path: string }[]).map((a) => ({ ...a, bytes: null, exit: 1, error: `absent: ${a.path} does not exist here` })),
  }));
  put('every-artifact-missing.tar.gz', gzip(absent.tar()));
  const emptyDir = join(dir, 'empty-files');
  mkdirSync(emptyDir);
  corpus['empty-files'] = base.clone().edit(/^(proc|commands|series)\//, () => '').writeDirectory(emptyDir);
}
