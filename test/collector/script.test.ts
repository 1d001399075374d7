/** The script itself: shellcheck-clean POSIX sh, documented options, refusal of tmpfs output. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectorPath, fsTypeOf, runCollector } from './collector-run.js';

describe('memtrail-collect', () => {
  it('passes shellcheck -s sh with no findings at all', () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', collectorPath], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('documents in --help every option it parses', () => {
    const parsed = [...readFileSync(collectorPath, 'utf8').matchAll(/^\t(-[\w-]+(?: \| -[\w-]+)?)\)/gm)].flatMap((m) => m[1]!.split(' | '));
    expect(parsed).toEqual(expect.arrayContaining(['-d', '-i', '-o', '-D', '--since', '--max-mb', '--top', '--no-redact', '--force-tmpfs']));
    const help = runCollector(['--help']).stdout;
    for (const option of parsed) expect(help, option).toContain(option);
    expect(runCollector(['--version']).stdout).toMatch(/^memtrail-collect \d+\.\d+\.\d+\n$/);
  });

  it('refuses to write onto tmpfs unless forced, and rejects unknown arguments', () => {
    expect(fsTypeOf('/dev/shm')).toBe('tmpfs');
    const refused = runCollector(['-d', '0', '-o', '/dev/shm']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/refusing to write to \/dev\/shm: it is on tmpfs/);
    expect(refused.stdout).toBe('');
    const unknown = runCollector(['--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown argument '--frobnicate'");
  });
});
