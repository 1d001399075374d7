import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../src/bundle/index.js';
import { baseline, collect, compress, messages, tarOf, tempDir } from './helpers.js';

const MIB = 1024 * 1024;
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

function write(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('per-file and per-line limits', () => {
  it('cuts a single huge entry at maxFileBytes and goes on with the next entry', async () => {
    const slabinfo = baseline('proc_slabinfo.txt');
    const archive = write('huge.tar.zst', compress(tarOf([
      { path: 'b/proc/slabinfo', body: slabinfo },
      { path: 'b/proc/meminfo', body: baseline('proc_meminfo.txt') },
    ]), 'zstd'));
    const { outcome, texts } = await collect(archive, { maxFileBytes: 10_000 });
    expect(texts[0]).toEqual(['proc/slabinfo', slabinfo.subarray(0, 10_000).toString()]);
    expect(texts[1]![1]).toBe(baseline('proc_meminfo.txt').toString());
    expect(messages(outcome)).toEqual(['proc/slabinfo: file of 25 KiB cut to its first 9.8 KiB (maxFileBytes)']);
  });

  it('cuts a 10 MB line at maxLineBytes, names file and line, and keeps the lines after it', async () => {
    const body = Buffer.concat([Buffer.from('Name:\tok\n'), Buffer.alloc(10 * MIB, 'A'), Buffer.from('\nState:\tR\n')]);
    const archive = write('longline.tar.gz', compress(tarOf([{ path: 'b/proc/1/status', body }]), 'gzip'));
    const { outcome, texts } = await collect(archive, {}, 'lines');
    expect(texts[0]![1]).toBe(`Name:\tok\n${'A'.repeat(MIB)}\nState:\tR`);
    expect(outcome.diagnostics).toEqual([{ source: 'proc/1/status', line: 2, severity: 'warning', message: 'line of 10 MiB cut to its first 1.0 MiB (maxLineBytes)' }]);
  });

  it('stops after maxEntries entries with an error diagnostic', async () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ path: `b/proc/${i}/cmdline`, body: `cmd${i}\n` }));
    const { outcome, texts } = await collect(write('many.tar', tarOf(members)), { maxEntries: 10 });
    expect(texts).toHaveLength(10);
    expect(messages(outcome)).toEqual(['many.tar: more than 10 entries (maxEntries): reading stopped here, later entries were not read']);
  });
});

describe('decompression bombs', () => {
  // 300 MiB of zeros, as a tar member, compresses to about 10 KiB with zstd.
  let bomb: string;
  beforeAll(() => {
    bomb = join(dir, 'bomb.tar.zst');
    execFileSync('sh', ['-c', `mkdir -p "$1/b" && head -c ${300 * MIB} /dev/zero > "$1/b/zeros" && tar cf - -C "$1" b | zstd -q -c > "$2" && rm -r "$1/b"`, 'sh', dir, bomb]);
  });

  it('trips the ratio limit once past 64 MiB, without decompressing the rest', async () => {
    let delivered = 0;
    const outcome = await readBundle(bomb, async (entry) => {
      for await (const line of entry.lines()) delivered += line.length;
    });
    const [diagnostic] = outcome.diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostic?.source).toBe('bomb.tar.zst');
    expect(diagnostic?.message).toMatch(/^decompression ratio \d+:1 after 64(\.\d)? MiB passed the 200:1 limit \(maxRatio\): treated as a decompression bomb/);
    // The lone line of zeros was cut at 1 MiB; the reader stopped near 64 MiB, not at 300.
    expect(delivered).toBe(MIB);
    expect(outcome.index).toEqual([{ path: 'zeros', bytes: 300 * MIB }]);
  });

  it('trips the absolute limit (maxTotalBytes) when the ratio is allowed', async () => {
    const outcome = await readBundle(bomb, async (entry) => void (await entry.text()), { maxRatio: 1e9, maxTotalBytes: 8 * MIB, maxFileBytes: 4 * MIB });
    expect(messages(outcome)).toEqual([
      'zeros: file of 300 MiB cut to its first 4.0 MiB (maxFileBytes)',
      'bomb.tar.zst: decompressed bundle passed 8.0 MiB (maxTotalBytes): reading stopped here, later entries were not read',
    ]);
  });
});

describe('one entry at a time', () => {
  it('awaits the visitor before the next entry arrives, and skips entries the visitor ignores', async () => {
    const members = Array.from({ length: 5 }, (_, i) => ({ path: `b/f${i}`, body: baseline('proc_slabinfo.txt') }));
    const archive = write('order.tar.zst', compress(tarOf(members), 'zstd'));
    const events: string[] = [];
    await readBundle(archive, async (entry) => {
      events.push(`start ${entry.path}`);
      if (entry.path !== 'f2') await entry.text();
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${entry.path}`);
    });
    expect(events).toEqual(['f0', 'f1', 'f2', 'f3', 'f4'].flatMap((f) => [`start ${f}`, `end ${f}`]));
  });

  it("rejects with the visitor's own error and stops reading", async () => {
    const archive = write('throws.tar', tarOf([{ path: 'b/a', body: 'a\n' }, { path: 'b/b', body: 'b\n' }]));
    const seen: string[] = [];
    const reading = readBundle(archive, async (entry) => {
      seen.push(entry.path);
      throw new Error('visitor bug');
    });
    await expect(reading).rejects.toThrow('visitor bug');
    expect(seen).toEqual(['a']);
  });

  it('refuses to read an entry twice', async () => {
    const archive = write('twice.tar', tarOf([{ path: 'b/a', body: 'a\n' }]));
    await expect(readBundle(archive, async (entry) => {
      await entry.text();
      await entry.text();
    })).rejects.toThrow('a: entry already read');
  });
});
