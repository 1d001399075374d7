import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle, UnreadableInputError } from '../../src/bundle/index.js';
import { BASELINE, BUNDLE_NAME, collect, messages, realBundleFiles, tempDir, writeTree } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('directory inputs', () => {
  it('reads an unpacked collector bundle: manifest first, then sorted paths relative to it, kind collector', async () => {
    const root = writeTree(join(dir, BUNDLE_NAME), realBundleFiles());
    const { outcome, texts } = await collect(root);
    expect(outcome).toMatchObject({ kind: 'collector', rootName: BUNDLE_NAME, diagnostics: [] });
    expect(texts.map(([path]) => path)).toEqual(['manifest.json', 'commands/df_-kPT', 'commands/dmesg', 'proc/buddyinfo', 'proc/meminfo', 'proc/slabinfo']);
    expect(texts[2]![1]).toBe(readFileSync(join(BASELINE, 'dmesg.txt'), 'utf8'));
  });

  it('reads a directory holding only part of the layout as kind directory', async () => {
    const files = realBundleFiles();
    const root = writeTree(join(dir, 'partial'), { 'proc/meminfo': files['proc/meminfo']!, 'commands/dmesg': files['commands/dmesg']! });
    const { outcome } = await collect(root);
    expect(outcome.kind).toBe('directory');
    expect(outcome.index).toEqual([
      { path: 'commands/dmesg', bytes: files['commands/dmesg']!.length },
      { path: 'proc/meminfo', bytes: files['proc/meminfo']!.length },
    ]);
  });

  it('reads a sosreport directory; symlinks are not followed and fifos are skipped, each said', async () => {
    const root = writeTree(join(dir, 'sosreport-vm-2026-11-26'), {
      'sos_commands/memory/free': 'total used free\n',
      'proc/meminfo': realBundleFiles()['proc/meminfo']!,
    });
    symlinkSync('sos_commands/memory/free', join(root, 'free'));
    symlinkSync('/etc', join(root, 'etc-outside'));
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const { outcome, texts } = await collect(root);
    expect(outcome.kind).toBe('sosreport');
    expect(texts.map(([path]) => path)).toEqual(['proc/meminfo', 'sos_commands/memory/free']);
    expect(messages(outcome)).toEqual([
      'etc-outside: skipped: symlink (not followed)',
      'free: skipped: symlink (not followed)',
      'pipe: skipped: not a regular file',
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('says which file could not be opened and reads the others', async () => {
    const root = writeTree(join(dir, 'locked'), { 'proc/meminfo': 'MemTotal: 1 kB\n', 'proc/slabinfo': 'x\n' });
    chmodSync(join(root, 'proc/slabinfo'), 0);
    const { outcome, texts } = await collect(root);
    expect(texts.map(([path]) => path)).toEqual(['proc/meminfo']);
    expect(messages(outcome)).toEqual(['proc/slabinfo: not readable: EACCES']);
  });

  it('an empty directory is unreadable', async () => {
    mkdirSync(join(dir, 'empty'));
    await expect(readBundle(join(dir, 'empty'), async () => {})).rejects.toThrow(UnreadableInputError);
  });
});

describe('a bare kernel log file', () => {
  it('is one entry named after the file, kind kernel-log (real dmesg)', async () => {
    const dmesg = join(BASELINE, 'dmesg.txt');
    const lines: string[] = [];
    const outcome = await readBundle(dmesg, async (entry) => {
      expect(entry.path).toBe('dmesg.txt');
      for await (const line of entry.lines()) lines.push(line);
    });
    expect(outcome).toMatchObject({ kind: 'kernel-log', rootName: null, diagnostics: [] });
    expect(outcome.index).toEqual([{ path: 'dmesg.txt', bytes: readFileSync(dmesg).length }]);
    expect(lines.join('\n')).toBe(readFileSync(dmesg, 'utf8').trimEnd());
    expect(lines.some((line) => line.includes('Killed process 7511'))).toBe(true);
  });

  it('a journalctl -k capture is read the same way', async () => {
    const journal = join(BASELINE, 'journalctl_k_tail300.txt');
    const { outcome, texts } = await collect(journal);
    expect(outcome.kind).toBe('kernel-log');
    expect(texts).toEqual([['journalctl_k_tail300.txt', readFileSync(journal, 'utf8')]]);
  });
});
