import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle, UnreadableInputError } from '../../src/bundle/index.js';
import {
  BUNDLE_NAME, collect, compress, messages, packDirectory, realBundleFiles, tarOf, tempDir, writeTree,
} from './helpers.js';

let dir: string;
let cleanup: () => void;
const files = realBundleFiles();

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeTree(join(dir, BUNDLE_NAME), files);
});
afterAll(() => cleanup());

describe('readBundle on collector archives', () => {
  it.each([
    ['.tar', undefined, 'b.tar'],
    ['.tar.gz', 'gzip', 'b.tar.gz'],
    ['.tar.zst', 'zstd', 'b.tar.zst'],
    // Detected by magic bytes, not by name.
    ['zstd named .bin', 'zstd', 'bundle.bin'],
  ] as const)('reads a %s bundle: every file, byte for byte, top directory stripped', async (_label, compressor, name) => {
    const archive = packDirectory(dir, BUNDLE_NAME, join(dir, name), compressor);
    const { outcome, texts } = await collect(archive);
    expect(outcome.kind).toBe('collector');
    expect(outcome.rootName).toBe(BUNDLE_NAME);
    expect(outcome.diagnostics).toEqual([]);
    expect(new Map(texts)).toEqual(new Map(Object.entries(files).map(([path, body]) => [path, body.toString()])));
    expect(new Map(outcome.index.map((row) => [row.path, row.bytes]))).toEqual(
      new Map(Object.entries(files).map(([path, body]) => [path, body.length])),
    );
  });

  it('streams lines and reports progress in compressed bytes up to the file size', async () => {
    const archive = packDirectory(dir, BUNDLE_NAME, join(dir, 'progress.tar.zst'), 'zstd');
    const seen: [number, number | null][] = [];
    let dmesgLines: string[] = [];
    await readBundle(archive, async (entry) => {
      if (entry.path !== 'commands/dmesg') return;
      for await (const line of entry.lines()) dmesgLines.push(line);
    }, {}, { onProgress: (read, total) => seen.push([read, total]) });
    dmesgLines = dmesgLines.filter((line) => line.includes('Killed process'));
    expect(dmesgLines[0]).toContain('Killed process 7511');
    const [lastRead, total] = seen.at(-1)!;
    expect(lastRead).toBe(total);
  });

  it('says sosreport when the top directory holds sos_commands/', async () => {
    const archive = join(dir, 'sos.tar');
    writeFileSync(archive, tarOf([
      { path: 'sosreport-vm-2026/', type: 'Directory' },
      { path: 'sosreport-vm-2026/sos_commands/memory/free', body: 'total used\n' },
      { path: 'sosreport-vm-2026/proc/meminfo', body: 'MemTotal: 1 kB\n' },
    ]));
    const { outcome } = await collect(archive);
    expect(outcome.kind).toBe('sosreport');
    expect(outcome.index.map((row) => row.path)).toEqual(['sos_commands/memory/free', 'proc/meminfo']);
  });

  it('says directory for an archive of part of the layout without a manifest', async () => {
    const archive = join(dir, 'partial.tar');
    writeFileSync(archive, tarOf([{ path: 'proc/meminfo', body: 'MemTotal: 1 kB\n' }, { path: 'commands/dmesg', body: '[1.0] x\n' }]));
    const { outcome } = await collect(archive);
    expect(outcome).toMatchObject({ kind: 'directory', rootName: null });
    expect(outcome.index).toHaveLength(2);
  });
});

describe('hostile members', () => {
  it('skips ../, absolute paths, links, devices and fifos with a diagnostic each, and delivers the rest', async () => {
    const archive = join(dir, 'hostile.tar');
    writeFileSync(archive, tarOf([
      { path: `${BUNDLE_NAME}/`, type: 'Directory' },
      { path: `${BUNDLE_NAME}/proc/meminfo`, body: 'MemTotal: 1 kB\n' },
      { path: `${BUNDLE_NAME}/../../../tmp/evil`, body: 'pwned\n' },
      { path: '/etc/cron.d/evil', body: '* * * * * root sh\n' },
      { path: `${BUNDLE_NAME}/proc/slabinfo`, type: 'SymbolicLink', linkpath: '/etc/shadow' },
      { path: `${BUNDLE_NAME}/proc/stat`, type: 'Link', linkpath: '/etc/passwd' },
      { path: `${BUNDLE_NAME}/dev/sda`, type: 'BlockDevice' },
      { path: `${BUNDLE_NAME}/dev/mem`, type: 'CharacterDevice' },
      { path: `${BUNDLE_NAME}/fifo`, type: 'FIFO' },
      { path: 'elsewhere/proc/meminfo', body: 'x\n' },
    ]));
    const { outcome, texts } = await collect(archive);
    expect(texts).toEqual([['proc/meminfo', 'MemTotal: 1 kB\n']]);
    expect(messages(outcome)).toEqual([
      `${BUNDLE_NAME}/../../../tmp/evil: skipped: path climbs out with '..'`,
      '/etc/cron.d/evil: skipped: absolute path',
      'proc/slabinfo: skipped: SymbolicLink entry (only regular files are read)',
      'proc/stat: skipped: Link entry (only regular files are read)',
      'dev/sda: skipped: BlockDevice entry (only regular files are read)',
      'dev/mem: skipped: CharacterDevice entry (only regular files are read)',
      'fifo: skipped: FIFO entry (only regular files are read)',
      `elsewhere/proc/meminfo: skipped: outside the top directory '${BUNDLE_NAME}/'`,
    ]);
    expect(outcome.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('keeps the last of duplicate entries in the index, with a diagnostic', async () => {
    const archive = join(dir, 'dup.tar');
    writeFileSync(archive, tarOf([
      { path: 'b/proc/meminfo', body: 'first\n' },
      { path: 'b/commands/dmesg', body: 'log\n' },
      { path: 'b/proc/meminfo', body: 'second copy\n' },
    ]));
    const { outcome, texts } = await collect(archive);
    expect(texts.map(([path, text]) => `${path}=${text}`)).toEqual(['proc/meminfo=first\n', 'commands/dmesg=log\n', 'proc/meminfo=second copy\n']);
    expect(outcome.index).toEqual([{ path: 'commands/dmesg', bytes: 4 }, { path: 'proc/meminfo', bytes: 12 }]);
    expect(messages(outcome)).toEqual(['proc/meminfo: duplicate entry in the archive: the later copy replaces the earlier one']);
  });

  it('summarises after 20 skipped entries of one kind instead of flooding', async () => {
    const links = Array.from({ length: 50 }, (_, i) => ({ path: `b/l${i}`, type: 'SymbolicLink' as const, linkpath: '/' }));
    const archive = join(dir, 'links.tar');
    writeFileSync(archive, tarOf([{ path: 'b/proc/meminfo', body: 'x\n' }, ...links]));
    const { outcome } = await collect(archive);
    expect(outcome.diagnostics).toHaveLength(21);
    expect(outcome.diagnostics.at(-1)?.message).toBe('30 more entries skipped (SymbolicLink entry (only regular files are read)), 50 in all');
  });
});

describe('inputs with nothing usable', () => {
  const unreadable = async (name: string, content: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const error = await readBundle(path, async () => {}).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UnreadableInputError);
    const message = (error as Error).message;
    expect(message.startsWith(path)).toBe(true);
    expect(message).not.toContain('\n');
    return message;
  };

  it('an empty tar, gzip and zstd archive', async () => {
    expect(await unreadable('empty.tar', tarOf([]))).toContain('empty archive');
    expect(await unreadable('empty.tar.gz', compress(tarOf([]), 'gzip'))).toContain('empty archive');
    expect(await unreadable('dirs-only.tar.zst', compress(tarOf([{ path: 'b/', type: 'Directory' }, { path: 'b/x', type: 'SymbolicLink', linkpath: '/' }]), 'zstd'))).toContain('empty archive');
  });

  it('binary garbage, a compressed non-tar binary, an empty file, a corrupt xz, a missing path', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(await unreadable('garbage.bin', garbage)).toContain('not a bundle');
    expect(await unreadable('garbage.tar.gz', compress(garbage, 'gzip'))).toContain('gzip-compressed, but holds neither a tar archive nor a text kernel log');
    expect(await unreadable('zero', Buffer.alloc(0))).toContain('empty file');
    expect(await unreadable('b.tar.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]))).toMatch(/xz data corrupt or truncated near compressed byte \d+/);
    await expect(readBundle(join(dir, 'missing.tar.zst'), async () => {})).rejects.toThrow(/missing\.tar\.zst: no such file or directory$/);
  });

  it('a zstd frame asking for a window above 128 MiB (zstd --long=30 from a pipe)', async () => {
    const longWindow = execFileSync('sh', ['-c', 'printf "MemTotal: 1 kB\\n" | zstd -q --long=30 -c'], { encoding: 'buffer' });
    expect(await unreadable('long.tar.zst', longWindow)).toMatch(/window of 1073741824 bytes is above the 134217728-byte limit/);
  });

  it('a zstd or gzip stream corrupt from its first bytes', async () => {
    const zst = compress(tarOf([{ path: 'b/proc/meminfo', body: 'MemTotal: 1 kB\n'.repeat(100) }]), 'zstd');
    zst.fill(0xee, 4, 40);
    expect(await unreadable('corrupt0.tar.zst', zst)).toMatch(/zstd data corrupt or truncated near compressed byte \d+/);
    const gz = compress(tarOf([{ path: 'b/proc/meminfo', body: 'MemTotal: 1 kB\n'.repeat(100) }]), 'gzip');
    gz.fill(0xee, 10, 40);
    expect(await unreadable('corrupt0.tar.gz', gz)).toMatch(/gzip data corrupt or truncated near compressed byte \d+/);
  });
});

describe('a bare kernel log', () => {
  it('reads a compressed rotated log (kern.log.2.gz) as one kernel-log entry named without .gz', async () => {
    const path = join(dir, 'kern.log.2.gz');
    const log = realBundleFiles()['commands/dmesg']!;
    writeFileSync(path, compress(log, 'gzip'));
    const { outcome, texts } = await collect(path);
    expect(outcome).toMatchObject({ kind: 'kernel-log', rootName: null, index: [{ path: 'kern.log.2', bytes: log.length }] });
    expect(texts).toEqual([['kern.log.2', log.toString()]]);
  });
});
