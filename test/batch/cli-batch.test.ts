/**
 * `memtrail batch` end to end through the built CLI: worker threads run dist/batch/worker.js, so
 * this needs `npm run build` first (npm test does it).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/batch/batch-line.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(repo, 'dist/cli/main.js');
const SAMPLES = ['process-leak', 'healthy-baseline', 'tmpfs-shm'].map((n) => join(repo, 'samples', `${n}.tar.gz`));

function memtrail(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: repo }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
    );
  });
}

const readLines = async (file: string) => (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as BatchLine);

describe('memtrail batch', () => {
  let work: string;
  let garbage: string;
  beforeAll(async () => {
    expect(existsSync(join(repo, 'dist/batch/worker.js')), 'run `npm run build` first').toBe(true);
    work = await mkdtemp(join(tmpdir(), 'memtrail-batch-'));
    garbage = join(work, 'garbage.tar.gz');
    // Deterministic binary junk under an archive's name: neither a tar archive nor a text log.
    await writeFile(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
  });

  it('writes one line per bundle in input order, an error line for the broken one, and exits 0', async () => {
    const out = join(work, 'findings.ndjson');
    const { code, stderr } = await memtrail(['batch', SAMPLES[0]!, garbage, SAMPLES[1]!, SAMPLES[2]!, '--out', out, '--jobs', '2']);
    expect(code).toBe(0);
    const lines = await readLines(out);
    expect(lines.map((l) => [l.bundle, l.status])).toEqual([
      [SAMPLES[0], 'ok'], [garbage, 'error'], [SAMPLES[1], 'ok'], [SAMPLES[2], 'ok'],
    ]);
    expect(lines[0]).toMatchObject({ host: 'app-01', root_cause: 'process-leak', oom_kill_count: 1 });
    expect(lines[2]!.root_cause).toBeNull();
    expect(lines[3]!.root_cause).toBe('tmpfs-shm');
    expect(lines[1]!.error).toMatch(/\S/);
    expect(stderr).toMatch(/^\[4\/4\] /m);
    expect(stderr).toMatch(/3 analysed, 1 failed/);
  });

  it('gives the same lines with one job as with two (apart from timing)', async () => {
    const [one, two] = [join(work, 'one.ndjson'), join(work, 'two.ndjson')];
    await memtrail(['batch', ...SAMPLES, '--out', one, '--jobs', '1', '-q']);
    await memtrail(['batch', ...SAMPLES, '--out', two, '--jobs', '2', '-q']);
    const strip = (lines: BatchLine[]) => lines.map(({ analysis_s: _, ...rest }) => rest);
    expect(strip(await readLines(one))).toEqual(strip(await readLines(two)));
  });

  it('exits 3 when the arguments hold no bundle, 2 without --out', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'memtrail-batch-empty-'));
    expect((await memtrail(['batch', empty, '--out', join(work, 'none.ndjson')])).code).toBe(3);
    expect((await memtrail(['batch', SAMPLES[0]!])).code).toBe(2);
  });
});
