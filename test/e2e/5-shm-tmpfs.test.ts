/**
 * Scenario 5: SysV shared memory (a 64 MiB segment marked for deletion while still attached, so
 * `dest`, and a 16 MiB one left with nattch 0) plus a tmpfs of our own, mounted with size= and
 * filled. The report must name the segments, their owners and creators, and the mount.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { python, realScriptsDir } from './harness/env.js';
import { describeIncident, type Incident } from './harness/incident.js';
import { findingOf, tableOf } from './harness/report.js';

const MiB = 1024 * 1024;
const TMPFS_SIZE_MIB = 256;
const TMPFS_FILL_MIB = 240;

let big = { shmid: -1, creator: 0 };
let small = { shmid: -1, creator: 0 };
let attacherPid = 0;
let mountpoint = '';

function run(argv: string[]): { stdout: string; pid: number } {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return { stdout: r.stdout, pid: r.pid ?? 0 };
}

/** `ipcmk -M SIZE` ("Shared memory id: N"), removed again by the cleanup unless already gone. */
function makeSegment(incident: Incident, size: string): { shmid: number; creator: number } {
  const made = run(['ipcmk', '-M', size]);
  const shmid = Number(/Shared memory id: (\d+)/.exec(made.stdout)?.[1] ?? NaN);
  if (!Number.isInteger(shmid)) throw new Error(`ipcmk said: ${made.stdout}`);
  incident.defer(`ipcrm -m ${shmid}`, () => spawnSync('ipcrm', ['-m', String(shmid)]));
  return { shmid, creator: made.pid };
}

describeIncident('shm-tmpfs', 'scenario 5: SysV shared memory and a full tmpfs', { tools: ['ipcmk', 'ipcrm', 'mount', 'umount'] }, async (incident) => {
  const recorder = await incident.record();
  big = makeSegment(incident, '64MiB');
  small = makeSegment(incident, '16MiB');
  const ready = path.join(incident.dir, 'attacher.ready');
  // Attaches small, touches 8 MiB, detaches; attaches big, touches it all, IPC_RMID while attached.
  const attacher = incident.start([python, path.join(realScriptsDir, 'shm_attach.py'), String(big.shmid), String(small.shmid), ready]);
  attacherPid = attacher.pid;
  await attacher.waitForOutput(/shmctl\(IPC_RMID\) -> 0/, 10_000);
  mountpoint = path.join(incident.dir, 'tmpfs');
  mkdirSync(mountpoint);
  run(['mount', '-t', 'tmpfs', '-o', `size=${TMPFS_SIZE_MIB}m`, 'memtrail-e2e', mountpoint]);
  incident.defer(`umount ${mountpoint}`, () => run(['umount', mountpoint]));
  const tenMiB = Buffer.alloc(10 * MiB, 0x5a);
  for (let i = 0; i < TMPFS_FILL_MIB / 10; i++) writeFileSync(path.join(mountpoint, `fill_${i}.bin`), tenMiB);
  await recorder.moreSamples(3, 'of the full state');
  return incident.bundle(recorder);
}, (report) => {
  it('names the full tmpfs mount with its size and use', () => {
    const f = findingOf(report(), 'tmpfs-shm');
    expect(f.severity).toBe('warning');
    expect(f.summary).toMatch(new RegExp(`tmpfs ${mountpoint} holds ${TMPFS_FILL_MIB} MiB of RAM \\([\\d.]+% of MemTotal\\), ${(100 * TMPFS_FILL_MIB / TMPFS_SIZE_MIB).toFixed(1)}% of its ${TMPFS_SIZE_MIB} MiB size\\.`));
    expect(f.remediation.some((r) => r.command === `mount -o remount,size=512m ${mountpoint}`)).toBe(true);
  });

  it('names the dest segment still attached, with its owner, creator and the attached pid', () => {
    const f = findingOf(report(), 'tmpfs-shm');
    expect(f.summary).toContain(`SysV segment ${big.shmid} (key 0x00000000, owner root, 64 MiB, 64 MiB resident) is marked for deletion (dest) but still attached 1 time(s), so its memory stays until pid ${attacherPid} detaches or exits; created by pid ${big.creator}, last used by pid ${attacherPid}.`);
  });

  it('names the orphaned segment with nattch 0', () => {
    const f = findingOf(report(), 'tmpfs-shm');
    expect(f.summary).toMatch(new RegExp(`SysV segment ${small.shmid} \\(key 0x[0-9a-f]{8}, owner root, 16 MiB, 8.0 MiB resident\\) has no process attached \\(nattch 0\\) and persists until removed or reboot; created by pid ${small.creator}, last used by pid ${attacherPid}\\.`));
    expect(tableOf(f, 'SysV shared memory segments').rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ shmid: big.shmid, owner: 'root', bytes: 64 * MiB, nattch: 1, status: 'dest', cpid: big.creator, lpid: attacherPid }),
      expect.objectContaining({ shmid: small.shmid, owner: 'root', bytes: 16 * MiB, rss: 8 * MiB, nattch: 0, status: '', cpid: small.creator }),
    ]));
  });
});
