/** Secrets planted in a live process's arguments never reach the bundle (unless --no-redact). */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskTempDir, extractBundle, listFiles, removeDir, runCollector } from './collector-run.js';

const SECRETS = ['hunter2', 'abc9token', 'pw77', 'AKIAIOSFODNN7EXAMPLE', 'zzsecret', 'tok55bearer', 'pgpass66'];
const ARGS = [
  '--password', 'hunter2', 'token=abc9token', 'https://u:pw77@db.example/x', 'AKIAIOSFODNN7EXAMPLE',
  '--api-key=zzsecret', 'Authorization: Bearer tok55bearer', 'PGPASSWORD=pgpass66',
];

let tmp: string;
let victim: ChildProcess;
beforeAll(async () => {
  tmp = diskTempDir();
  victim = spawn('python3', ['-c', 'import time; time.sleep(120)', ...ARGS], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 300));
});
afterAll(() => {
  victim.kill('SIGKILL');
  removeDir(tmp);
});

/** Every file of the bundle, as bytes decoded loosely: a secret must not appear in any encoding we write. */
async function bundleText(extraArgs: string[], name: string): Promise<{ all: string; cmdline: string }> {
  const run = runCollector(['-d', '0', '--top', '1000', '-o', path.join(tmp, name), ...extraArgs]);
  expect(run.status, run.stderr).toBe(0);
  const dir = await extractBundle(run.bundlePath, path.join(tmp, name));
  const all = listFiles(dir).map((f) => readFileSync(path.join(dir, f), 'latin1')).join('\n');
  return { all, cmdline: readFileSync(path.join(dir, `proc/${victim.pid}/cmdline`), 'latin1') };
}

describe('cmdline redaction', () => {
  it('leaves none of the planted secrets anywhere in the bundle, and keeps the argument names', async () => {
    const { all, cmdline } = await bundleText([], 'redacted');
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
    expect(cmdline.split('\0')).toEqual(expect.arrayContaining([
      '--password', '[redacted]', 'token=[redacted]', 'https://[redacted]@db.example/x', '--api-key=[redacted]',
      'Authorization: [redacted]', 'PGPASSWORD=[redacted]', 'import time; time.sleep(120)',
    ]));
  }, 120_000);

  it('keeps them with --no-redact, so the check above saw the planted process', async () => {
    const { cmdline } = await bundleText(['--no-redact'], 'verbatim');
    expect(cmdline.split('\0')).toEqual(expect.arrayContaining(ARGS));
  }, 120_000);
});
