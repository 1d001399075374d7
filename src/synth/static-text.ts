/**
 * Static-capture texts of a synthetic bundle: swaps, df, mounts, ipcs, sysvipc, du, per-process
 * status/maps, in the exact shapes of the real captures in shared/fixtures/real/.
 */
import type { ProcState, ServerState, ShmSegment } from './server-state.js';

export function procSwapsText(s: ServerState, device: { name: string; type: string } | null): string {
  const header = 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n';
  if (!device || s.swapTotalKb === 0) return header;
  return `${header}${device.name.padEnd(40)}${device.type}\t${s.swapTotalKb}\t${Math.round(s.swapUsedKb)}\t-2\n`;
}

export function swaponText(s: ServerState, device: { name: string; type: string } | null): string {
  if (!device || s.swapTotalKb === 0) return '';
  return `NAME${' '.repeat(device.name.length - 2)}TYPE        SIZE       USED PRIO\n${device.name}  ${device.type} ${s.swapTotalKb * 1024} ${Math.round(s.swapUsedKb) * 1024}   -2\n`;
}

const DISKS = [
  { fs: '/dev/nvme0n1p2', type: 'ext4', mount: '/', sizeKb: 102_687_672, usedKb: 41_230_116 },
  { fs: '/dev/nvme0n1p1', type: 'vfat', mount: '/boot/efi', sizeKb: 523_248, usedKb: 5_972 },
];

export function dfText(s: ServerState): string {
  const rows = [
    ...DISKS.map((d) => [d.fs, d.type, d.sizeKb, d.usedKb, d.mount] as const),
    ['udev', 'devtmpfs', 8_156_000, 0, '/dev'] as const,
    ...s.tmpfs.map((t) => [t.device, 'tmpfs', t.sizeKb, Math.round(t.usedKb), t.mountpoint] as const),
  ];
  const lines = rows.map(([fs, type, size, used, mount]) => {
    const avail = Math.max(0, size - used);
    const pct = size > 0 ? Math.ceil((used / size) * 100) : 0;
    return `${fs.padEnd(15)} ${type.padEnd(8)} ${String(size).padStart(10)} ${String(used).padStart(9)} ${String(avail).padStart(9)} ${String(pct).padStart(7)}% ${mount}`;
  });
  return `Filesystem      Type     1024-blocks      Used Available Capacity Mounted on\n${lines.join('\n')}\n`;
}

export function mountsText(s: ServerState): string {
  const lines = [
    '/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0',
    'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
    'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
    'udev /dev devtmpfs rw,nosuid,relatime,size=8156000k,nr_inodes=2039000,mode=755 0 0',
    ...s.tmpfs.map((t) => `${t.device} ${t.mountpoint.replace(/ /g, '\\040')} tmpfs rw,nosuid,nodev${t.hasSizeOption ? `,size=${t.sizeKb}k` : ''},inode64 0 0`),
    '/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077,dmask=0077 0 0',
  ];
  return `${lines.join('\n')}\n`;
}

const hexKey = (key: number) => `0x${(key >>> 0).toString(16).padStart(8, '0')}`;

export function ipcsText(segments: ShmSegment[]): string {
  const rows = segments.map(
    (g) => `${hexKey(g.key)} ${String(g.shmid).padEnd(10)} ${g.owner.padEnd(10)} 600        ${String(g.bytes).padEnd(10)} ${String(g.nattch).padEnd(10)} ${g.dest ? 'dest' : ''}`.trimEnd(),
  );
  return `\n------ Shared Memory Segments --------\nkey        shmid      owner      perms      bytes      nattch     status      \n${rows.map((r) => `${r}\n`).join('')}\n`;
}

export function ipcsPidsText(segments: ShmSegment[]): string {
  const rows = segments.map((g) => `${String(g.shmid).padEnd(10)} ${g.owner.padEnd(10)} ${String(g.cpid).padEnd(10)} ${g.lpid}`);
  return `\n------ Shared Memory Creator/Last-op PIDs --------\nshmid      owner      cpid       lpid      \n${rows.map((r) => `${r}\n`).join('')}\n`;
}

/** /proc/sysvipc/shm: key in signed decimal, perms in octal with SHM_DEST (01000) set for `dest`. */
export function sysvipcText(segments: ShmSegment[], now: number): string {
  const header =
    '       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n';
  const rows = segments.map((g) => {
    const perms = g.dest ? '1600' : '600';
    return `${String(g.key | 0).padStart(10)} ${String(g.shmid).padStart(10)} ${perms.padStart(5)} ${String(g.bytes).padStart(21)} ${String(g.cpid).padStart(5)} ${String(g.lpid).padStart(5)} ${String(g.nattch).padStart(6)} ${String(g.uid).padStart(5)} ${String(g.uid).padStart(5)} ${String(g.uid).padStart(5)} ${String(g.uid).padStart(5)} ${String(now - 7200).padStart(10)} ${String(now - 3600).padStart(10)} ${String(now - 86_400).padStart(10)} ${String(g.bytes).padStart(21)} ${'0'.padStart(21)}`;
  });
  return header + rows.map((r) => `${r}\n`).join('');
}

/** `du -akx -d 3 <mount> | sort -rn`: KiB, a tab, the path; the mount itself first, then largest first. */
export function duText(s: ServerState, mountpoint: string): string {
  const mount = s.tmpfs.find((t) => t.mountpoint === mountpoint);
  if (!mount) return '';
  const files = [{ path: mountpoint, kb: mount.usedKb }, ...mount.files].sort((a, b) => b.kb - a.kb);
  return files.map((f) => `${Math.round(f.kb)}\t${f.path}\n`).join('');
}

export function statusText(p: ProcState): string {
  const kb = (v: number) => `${String(Math.round(v)).padStart(8)} kB`;
  const rss = p.anonKb + p.fileKb;
  return [
    `Name:\t${p.comm}`, 'Umask:\t0022', `State:\t${p.state ?? 'S'} (${p.state === 'D' ? 'disk sleep' : 'sleeping'})`,
    `Tgid:\t${p.pid}`, 'Ngid:\t0', `Pid:\t${p.pid}`, `PPid:\t${p.ppid}`, 'TracerPid:\t0',
    `Uid:\t${p.uid ?? 0}\t${p.uid ?? 0}\t${p.uid ?? 0}\t${p.uid ?? 0}`, `Gid:\t${p.uid ?? 0}\t${p.uid ?? 0}\t${p.uid ?? 0}\t${p.uid ?? 0}`,
    'FDSize:\t64', 'Groups:\t', `VmPeak:\t${kb(rss * 1.5)}`, `VmSize:\t${kb(rss * 1.4)}`, 'VmLck:\t       0 kB', 'VmPin:\t       0 kB',
    `VmHWM:\t${kb(rss)}`, `VmRSS:\t${kb(rss)}`, `RssAnon:\t${kb(p.anonKb)}`, `RssFile:\t${kb(p.fileKb)}`, 'RssShmem:\t       0 kB',
    `VmData:\t${kb(p.anonKb * 1.1)}`, 'VmStk:\t     132 kB', 'VmExe:\t    2820 kB', 'VmLib:\t    6512 kB', 'VmPTE:\t     412 kB',
    `VmSwap:\t${kb(p.swapKb)}`, 'HugetlbPages:\t       0 kB', 'CoreDumping:\t0', 'THP_enabled:\t1', 'Threads:\t4',
  ].join('\n').concat('\n');
}

/** /proc/PID/maps: heap, the mmap'd files (each mapped `count` times), libraries, stack. */
export function mapsText(p: ProcState): string {
  let address = 0x7f0000000000;
  const line = (kb: number, perms: string, path: string, inode = 0) => {
    const start = address;
    const bytes = Math.round(kb) * 1024;
    address += bytes + 0x1000;
    return `${start.toString(16)}-${(start + bytes).toString(16)} ${perms} 00000000 ${inode ? 'fd:01' : '00:00'} ${inode} ${path ? `                    ${path}` : ''}`.trimEnd();
  };
  const lines = [
    `55d4a3c4e000-55d4a3c70000 r--p 00000000 fd:01 1310730                    /usr/bin/${p.comm}`,
    `55d4a5000000-${(0x55d4a5000000 + Math.round(p.anonKb) * 1024).toString(16)} rw-p 00000000 00:00 0                          [heap]`,
  ];
  for (const f of p.mappedFiles ?? []) {
    for (let i = 0; i < f.count; i++) lines.push(line(f.kb, 'r--s', f.path, 2_621_444));
  }
  lines.push(line(2_048, 'r-xp', '/usr/lib/x86_64-linux-gnu/libc.so.6', 1_835_322));
  lines.push('7ffd8a5d0000-7ffd8a5f1000 rw-p 00000000 00:00 0                          [stack]');
  return `${lines.join('\n')}\n`;
}
