/**
 * Broken and malicious archives through the real CLI: exit 3 with one line naming the file when
 * nothing usable is left, otherwise a report from what could be read with the damage in its
 * diagnostics; never a crash, never a file written anywhere but the output path.
 * (The reader's own unit tests, test/bundle/, check the same archives at the readBundle level.)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/model/report.js';
import { COMPRESSIONS, TRUNCATION_PER_MILLE } from './build-corpus.js';
import { treeSnapshot, useCorpus } from './corpus-dir.js';
import { expectNoCrash, expectUnreadable, reportJson, runCli } from './run-cli.js';

const { corpus, dir } = useCorpus(['archives']);
const EXT = { none: 'tar', gzip: 'tar.gz', zstd: 'tar.zst' } as const;
/** series/meminfo's 97 records plus the one-shot proc/meminfo. */
const BASE_MEMINFO_SAMPLES = 98;

const errorsAbout = (diagnostics: { source: string; severity: string; message: string }[], input: string) =>
  diagnostics.filter((d) => d.source === basename(input) && d.severity === 'error');

describe.concurrent('a clean base archive, as a baseline for the damaged copies', () => {
  it.each(COMPRESSIONS)('%s: exit 0, every series read, no error diagnostic', async (c) => {
    const { report } = await reportJson(corpus[`base.${EXT[c]}`]!);
    expect(report.bundle.samples.meminfo).toBe(BASE_MEMINFO_SAMPLES);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
  });
});

describe.concurrent('truncated archives', () => {
  const cases = COMPRESSIONS.flatMap((c) => TRUNCATION_PER_MILLE.map((perMille) => ({ c, perMille, name: `truncated-${perMille}.${EXT[c]}` })));

  it.each(cases)('$name: a report of what precedes the cut with an error naming the archive, or exit 3', async ({ name, perMille }) => {
    const input = corpus[name]!;
    const run = await runCli(['report', input, '-f', 'json', '-o', '-', '-q']);
    expectNoCrash(run);
    if (run.code === 3) {
      // Only a cut so early that not one whole member is left may be unreadable.
      expect(perMille).toBe(1);
      return expectUnreadable(run, input);
    }
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { diagnostics: { source: string; severity: string; message: string }[] };
    const errors = errorsAbout(report.diagnostics, input);
    expect(errors.length, JSON.stringify(report.diagnostics.slice(0, 5))).toBeGreaterThan(0);
    expect(errors.map((d) => d.message).join('\n')).toMatch(/truncated|corrupt/);
  });

  it('a compressed archive cut in its first bytes is unreadable; cut at 60 % it still gives samples', async () => {
    await Promise.all(COMPRESSIONS.filter((x) => x !== 'none').map(async (c) => {
      expectUnreadable(await runCli(['report', corpus[`truncated-1.${EXT[c]}`]!, '-o', '-', '-q']), corpus[`truncated-1.${EXT[c]}`]!);
      const { report } = await reportJson(corpus[`truncated-600.${EXT[c]}`]!);
      expect(report.bundle.samples.meminfo).toBeGreaterThan(0);
    }));
  });

  it('a plain tar cut exactly at a member boundary (no end-of-archive blocks) keeps every member', async () => {
    const input = corpus['truncated-at-member-boundary.tar']!;
    const { report } = await reportJson(input);
    expect(report.bundle.samples.meminfo).toBe(BASE_MEMINFO_SAMPLES);
    expect(errorsAbout(report.diagnostics, input).map((d) => d.message)).toEqual([
      "archive ends without tar's end-of-archive blocks: truncated at a member boundary",
    ]);
  });
});

describe.concurrent('corrupt compressed data and corrupt tar headers', () => {
  const compressed = COMPRESSIONS.filter((c) => c !== 'none');

  it.each(compressed)('%s corrupt in the middle: the members before the damage are analysed, the error names the archive', async (c) => {
    const input = corpus[`corrupt-middle.${EXT[c]}`]!;
    const { report } = await reportJson(input);
    // gzip's CRC catches the damage; zstd frames without a checksum decode garbage, and the tar
    // layer then reports damaged headers.
    const aboutArchive = report.diagnostics.filter((d) => d.source === basename(input) && d.severity !== 'info');
    expect(aboutArchive.map((d) => d.message).join('\n')).toMatch(/corrupt|truncated|damaged/);
    expect(report.events.some((e) => e.type === 'oom-kill')).toBe(true);
  });

  it.each(compressed)('%s corrupt from its header: exit 3, one line', async (c) => {
    const input = corpus[`corrupt-head.${EXT[c]}`]!;
    expectUnreadable(await runCli(['report', input, '-q']), input);
  });

  it('damaged tar header blocks in a plain tar are skipped with a warning, later members still read', async () => {
    const input = corpus['corrupt-headers.tar']!;
    const { report } = await reportJson(input);
    expect(report.diagnostics.find((d) => d.source === basename(input))?.message).toMatch(/damaged tar header/);
    expect(report.bundle.samples.meminfo).toBeGreaterThan(0);
  });
});

describe('inputs with nothing usable: exit 3, one stderr line naming the file', () => {
  const names = () => Object.keys(corpus).filter((n) => /^(not-a-tar|elf-binary|empty|directories-only|unknown-files-only)/.test(n));

  it('binary garbage (plain and compressed), an ELF file, empty archives, a 0-byte file, directories or unknown files only', async () => {
    expect(names().length).toBeGreaterThanOrEqual(COMPRESSIONS.length * 2 + 4);
    const runs = names().map((name, i) => ({ name, command: i % 3 === 0 ? 'inspect' : 'report' }));
    await Promise.all(runs.map(async ({ name, command }) => {
      const run = await runCli([command, corpus[name]!, '-q']);
      expectUnreadable(run, corpus[name]!);
      expect(run.stdout, `${command} ${name}`).toBe('');
    }));
  });

  it('a missing path', async () => {
    const missing = join(dir(), 'no-such-bundle.tar.zst');
    expectUnreadable(await runCli(['report', missing]), missing);
  });
});

describe('members that try to leave the bundle', () => {
  const outer = mkdtempSync(join(tmpdir(), 'memtrail-escape-'));
  afterAll(() => rmSync(outer, { recursive: true, force: true }));
  const ESCAPED_IN_TMP = ['memtrail-hostile-escaped-absolute.txt', 'memtrail-hostile-through-symlink.txt'];

  it('../, absolute, Windows, symlink, hardlink, device and fifo members: all skipped and listed, the rest analysed, nothing written outside the output path', async () => {
    const input = corpus['escapes.tar']!;
    const cwd = join(outer, 'parent', 'work');
    mkdirSync(cwd, { recursive: true });
    for (const name of ESCAPED_IN_TMP) expect(existsSync(join('/tmp', name))).toBe(false);
    const parentBefore = treeSnapshot(join(outer, 'parent'));
    const corpusBefore = treeSnapshot(dir());

    const runs = [['report', input, '-q'], ['report', input, '-f', 'json', '-q'], ['inspect', input, '--no-color']];
    for (const run of await Promise.all(runs.map((args) => runCli(args, { cwd })))) expectNoCrash(run);

    // Exactly the two default outputs appear, in the current directory; nothing else anywhere.
    const added = treeSnapshot(join(outer, 'parent')).filter((line) => !parentBefore.includes(line));
    expect(added.map((l) => l.split(' ')[0])).toEqual(['work/escapes.report.html', 'work/escapes.report.json']);
    expect(treeSnapshot(dir())).toEqual(corpusBefore);
    for (const name of ESCAPED_IN_TMP) expect(existsSync(join('/tmp', name))).toBe(false);
    for (const up of ['escaped-dotdot.txt', 'escaped-nested.txt', '../escaped-dotdot.txt', '../../escaped-dotdot.txt']) {
      expect(existsSync(join(cwd, up))).toBe(false);
    }

    const report = JSON.parse(readFileSync(join(cwd, 'escapes.report.json'), 'utf8')) as ReportJson;
    const skipped = report.diagnostics.filter((d) => d.message.startsWith('skipped:')).map((d) => `${d.source}: ${d.message}`);
    expect(skipped).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\.\.\/\.\.\/escaped-dotdot\.txt: skipped: path climbs out/),
      expect.stringMatching(/escaped-nested\.txt: skipped: path climbs out/),
      expect.stringMatching(/^\/tmp\/memtrail-hostile-escaped-absolute\.txt: skipped: absolute path/),
      expect.stringMatching(/^C:\\escaped-windows\.txt: skipped: absolute path/),
      expect.stringMatching(/^proc\/swaps: skipped: SymbolicLink/),
      expect.stringMatching(/^proc\/zoneinfo: skipped: Link/),
      expect.stringMatching(/^commands\/link-up: skipped: SymbolicLink/),
      expect.stringMatching(/^escape-dir: skipped: SymbolicLink/),
      expect.stringMatching(/^proc\/kmem: skipped: CharacterDevice/),
      expect.stringMatching(/^dev-sda: skipped: BlockDevice/),
      expect.stringMatching(/^series\/fifo: skipped: FIFO/),
    ]));
    // The symlinked and hard-linked members were never read as the files they point to.
    expect(JSON.stringify(report)).not.toMatch(/root:x:0:0|escaped\\n/);
    expect(report.bundle.samples.meminfo).toBe(BASE_MEMINFO_SAMPLES);
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
  });

  it('an output path in a missing directory is a usage error (exit 2) and creates nothing', async () => {
    const cwd = mkdtempSync(join(outer, 'out-'));
    const run = await runCli(['report', corpus['base.tar']!, '-o', join(cwd, 'missing', 'report.html'), '-q'], { cwd });
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^memtrail: cannot write .*missing\/report\.html: ENOENT/);
    expect(treeSnapshot(cwd)).toEqual([]);
  });
});

describe.concurrent('duplicate entries and a single huge entry', () => {
  it('a duplicated member is reported by path', async () => {
    const { report } = await reportJson(corpus['duplicates.tar.gz']!);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({
      source: 'proc/meminfo', severity: 'warning', message: expect.stringMatching(/^duplicate entry in the archive/),
    }));
  });

  // The reader says "the later copy replaces the earlier one" (tar semantics); the loader must agree.
  it('the later copy of a duplicated member is the one analysed (tar semantics)', async () => {
    const { report } = await reportJson(corpus['duplicates.tar.gz']!);
    expect(report.diagnostics.filter((d) => d.source === 'proc/meminfo').map((d) => d.message)).toEqual([
      'duplicate entry in the archive: the later copy replaces the earlier one',
    ]);
  });

  it('--max-file-mb 1 cuts a 6 MiB kernel log at 1 MiB with a diagnostic; the OOM kill in its first MiB is still found', async () => {
    const { report } = await reportJson(corpus['huge-entry.tar.gz']!, ['--max-file-mb', '1']);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({
      source: 'commands/dmesg', severity: 'warning', message: expect.stringMatching(/^file of 6(\.\d)? MiB cut to its first 1(\.0)? MiB \(maxFileBytes\)$/),
    }));
    expect(report.events.filter((e) => e.type === 'oom-kill').length).toBeGreaterThan(0);
  });

  it('limit flags that are not positive numbers are usage errors (exit 2)', async () => {
    await Promise.all([['--max-file-mb', '0'], ['--max-total-mb', 'lots'], ['--max-file-mb', '-1']].map(async (bad) => {
      const run = await runCli(['report', corpus['base.tar']!, ...bad]);
      expectNoCrash(run);
      expect(run.code).toBe(2);
    }));
  });
});
