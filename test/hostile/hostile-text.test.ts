/**
 * Attacker-chosen text (process names, cmdlines, cgroup paths, mount points, tmpfs file names,
 * the host) through the CLI: kept literally in the JSON, escaped in Markdown, and stripped of
 * terminal control sequences by `inspect` and in error messages. (The HTML: report-browser.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { garbageBytes } from './build-corpus.js';
import { useCorpus } from './corpus-dir.js';
import { HOSTILE, LONG_STRING } from './hostile-values.js';
import { expectNoCrash, reportJson, runCli } from './run-cli.js';

const { corpus } = useCorpus(['hostile']);

/** ESC, BEL, the other C0 controls but newline, DEL and the C1 range (8-bit CSI, OSC, ST …). */
const TERMINAL_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/u;

describe.concurrent('hostile text', () => {
  it('inspect strips escape sequences and C0/C1 controls from names and the host, and shows the rest', async () => {
    for (const args of [['inspect', corpus['terminal.tar.gz']!], ['inspect', corpus['terminal.tar.gz']!, '--no-color']]) {
      const run = await runCli(args, { env: { TERM: 'xterm-256color' } });
      expectNoCrash(run);
      expect(run.code).toBe(0);
      const bad = [...run.stdout].filter((ch) => TERMINAL_CONTROL.test(ch)).map((ch) => ch.codePointAt(0)!.toString(16));
      expect(bad).toEqual([]);
      expect(run.stdout).toContain('evilred');
      // Archive member names are bundle text too (the data-quality lines name skipped members).
      expect(run.stdout).toMatch(/proc\/evilred +skipped: SymbolicLink/);
      expect(run.stdout).not.toContain('pwned');
      // The non-UTF-8 bytes of a process name arrive as U+FFFD, the name is still shown.
      expect(run.stdout).toMatch(/bad\ufffd+/);
    }
  });

  it('a 100 kB process name: inspect and report succeed, the JSON keeps it whole', async () => {
    const run = await runCli(['inspect', corpus['hostile.tar.gz']!]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    const { report } = await reportJson(corpus['hostile.tar.gz']!);
    expect(JSON.stringify(report)).toContain(LONG_STRING);
  });

  it('an error message naming a file with escapes in its name is stripped too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memtrail-name-'));
    try {
      const evil = join(dir, 'evil\x1b]0;pwned\x07\x1b[2J.tar');
      writeFileSync(evil, garbageBytes(4096, 11));
      const run = await runCli(['report', evil]);
      expectNoCrash(run);
      expect(run.code).toBe(3);
      expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
      expect(run.stderr).toMatch(/^memtrail: .*evil.*\.tar: not a bundle/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('the JSON keeps every hostile value literally (it is data, escaping is the renderer\'s job)', async () => {
    const { report } = await reportJson(corpus['hostile.tar.gz']!);
    expect(report.bundle.host).toBe(HOSTILE.host);
    expect(report.events.find((e) => e.type === 'oom-kill')?.comm).toBe(HOSTILE.comm);
    const text = JSON.stringify(report);
    for (const value of [HOSTILE.cgroup, HOSTILE.mountPoint, HOSTILE.fileName]) expect(text).toContain(JSON.stringify(value).slice(1, -1));
  });

  it('Markdown escapes HTML and template syntax from the bundle: no live tag survives', async () => {
    const run = await runCli(['report', corpus['hostile.tar.gz']!, '-f', 'md', '-o', '-', '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Fenced code blocks are inert in Markdown; everywhere else a tag must arrive escaped.
    const prose = run.stdout.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
    expect(prose).not.toMatch(/<(img|script|svg|iframe)\b/i);
  });

  // Security: remediation commands are copied into a root shell, so a process named `x;reboot` or a
  // mount point with `$(…)` must stay one quoted word, never a command of the attacker's.
  it('remediation commands shell-quote every value taken from the bundle', async () => {
    const { report } = await reportJson(corpus['hostile.tar.gz']!);
    const commands = report.findings.flatMap((f) => f.remediation.map((r) => r.command ?? '')).filter((c) => /alert\(1\)/.test(c));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(/'[^']*alert\(1\)[^']*'/);
  });
});
