/** The collector under other shells, as an unprivileged user, and with odd characters in paths. */
import { mkdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskTempDir, extractBundle, isRoot, listFiles, readManifest, removeDir, runCollector } from './collector-run.js';

let tmp: string;
beforeAll(() => void (tmp = diskTempDir()));
afterAll(() => removeDir(tmp));

async function oneSample(name: string, options: Parameters<typeof runCollector>[1]) {
  const run = runCollector(['snapshot', '-d', '0', '-o', path.join(tmp, name)], options);
  expect(run.status, run.stderr).toBe(0);
  const dir = await extractBundle(run.bundlePath, path.join(tmp, name));
  return { manifest: readManifest(dir), files: listFiles(dir) };
}

describe.each([
  ['dash', ['dash']],
  ['busybox sh', ['busybox', 'sh']],
  ['bash --posix', ['bash', '--posix']],
])('under %s', (name, shell) => {
  it('writes a complete bundle', async () => {
    const { manifest, files } = await oneSample(name.replace(/\W/g, '_'), { shell });
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'proc/meminfo', 'series/procs', 'commands/df_-kPT']));
    expect(files.filter((f) => /^proc\/\d+\/status$/.test(f)).length).toBeGreaterThan(0);
    expect(manifest.artifacts.length).toBeGreaterThan(50);
  }, 120_000);
});

describe('as an unprivileged user (uid 65534)', () => {
  it.skipIf(!isRoot)('captures what it can and says what it skipped and why', async () => {
    const { manifest, files } = await oneSample('nobody', { asNobody: true });
    expect(manifest.uid).toBe(65534);
    expect(files).toContain('series/procs');
    const entry = (p: string) => manifest.artifacts.find((a) => a.path === p);
    expect(entry('proc/slabinfo')?.error).toMatch(/^permission denied: .*needs root/);
    expect(entry('series/slabinfo')?.error).toMatch(/needs root/);
    const skipped = manifest.artifacts.filter((a) => /^proc\/\d+\/(maps|smaps_rollup)$/.test(a.path) && a.error?.startsWith('skipped: process of uid'));
    expect(skipped.length).toBeGreaterThan(0);
  }, 120_000);
  if (!isRoot) console.log('skipped the unprivileged run: it needs root to switch to uid 65534');
});

describe('a cgroup named with a quote, a backslash and a control character', () => {
  const odd = '/sys/fs/cgroup/memory/memtrail-test odd "q" \\back \u0001ctl';
  let created = false;
  beforeAll(() => {
    try {
      mkdirSync(odd);
      created = true;
    } catch (error) {
      console.log(`skipped the odd-name run: cannot create a v1 memory cgroup here (${String(error)})`);
    }
  });
  afterAll(() => void (created && rmdirSync(odd)));

  it('still yields a valid manifest naming it exactly', async ({ skip }) => {
    if (!created) skip();
    const { manifest, files } = await oneSample('odd', {});
    const rel = `${odd.slice(1)}/memory.usage_in_bytes`;
    expect(files).toContain(rel);
    expect(manifest.artifacts.map((a) => a.path)).toContain(rel);
  }, 120_000);
});
