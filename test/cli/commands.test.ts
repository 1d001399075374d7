/**
 * The command-line contract (docs/cli.md) exercised as a user would: the built CLI in a child
 * process, on the committed samples. Exit codes, help, default output path, --fail-on, and the
 * rendering check of issue 5: every sample renders and its HTML names the root cause found.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/render/escape.js';
import { ALL_SCENARIOS } from '../../src/synth/generate-samples.js';
import { expectNoCrash, reportJson, runCli } from '../hostile/run-cli.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const sample = (name: string) => join(SAMPLES, `${name}.tar.gz`);
const work = mkdtempSync(join(tmpdir(), 'memtrail-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('help, version and usage errors', () => {
  it('--help lists every command and exits 0; no command prints it and exits 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['report', 'inspect', 'diff', 'batch']) expect(help.stdout).toContain(`memtrail ${cmd}`);
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toContain('Usage:');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`memtrail ${version}`);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['toString'], /unknown command 'toString'/],
    [['__proto__'], /unknown command '__proto__'/],
    [['report'], /report takes exactly one bundle/],
    [['report', sample('healthy-baseline'), '--format', 'pdf'], /--format must be one of html, md, json/],
    [['report', sample('healthy-baseline'), '--fail-on', 'info'], /--fail-on must be one of critical, warning/],
    [['report', sample('healthy-baseline'), '--bogus'], /Unknown option '--bogus'/],
    [['report', sample('healthy-baseline'), '--max-file-mb', '0'], /--max-file-mb takes a positive number/],
  ])('%j is a usage error: exit 2, one message, a pointer to --help', async (args, message) => {
    const run = await runCli(args as string[]);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("Try 'memtrail --help'.");
  });

  it('an output path in a missing directory is a usage error, and nothing is created', async () => {
    const run = await runCli(['report', sample('healthy-baseline'), '-o', join(work, 'no/such/dir/r.html'), '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*ENOENT/);
    expect(readdirSync(work)).toEqual([]);
  });

  it('a missing input is unreadable: exit 3, one line naming it', async () => {
    const missing = join(work, 'nope.tar.zst');
    const run = await runCli(['report', missing]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(missing);
  });
});

describe('report', () => {
  it('writes <bundle name>.report.html in the current directory and nothing else', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    const run = await runCli(['report', sample('fragmentation'), '-q'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['fragmentation.report.html']);
    expect(run.stderr).toContain('wrote fragmentation.report.html');
  });

  it('--fail-on gates a pipeline: 1 with a critical finding (output still written), 0 on the healthy baseline', async () => {
    const out = join(work, 'gate.json');
    const sick = await runCli(['report', sample('process-leak'), '-f', 'json', '-o', out, '--fail-on', 'critical', '-q']);
    expect(sick.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe('memtrail-report/1');
    const healthy = await runCli(['report', sample('healthy-baseline'), '-f', 'json', '-o', '-', '--fail-on', 'warning', '-q']);
    expect(healthy.code).toBe(0);
  });

  // Issue 5's rendering check: the HTML and the Markdown of every sample name the root cause that
  // the JSON result found, so the renderers never drop or contradict the diagnosis.
  it.each(ALL_SCENARIOS.filter((s) => s.expected !== null).map((s) => [s.name, s.expected!] as const))(
    '%s: JSON, HTML and Markdown all name the root cause %s',
    async (name, expected) => {
      const { report } = await reportJson(sample(name));
      expect(report.verdict.rootCause).toBe(expected);
      const finding = report.findings.find((f) => f.id === expected)!;
      const html = await runCli(['report', sample(name), '-o', '-', '-q']);
      expect(html.code).toBe(0);
      expect(html.stdout).toContain(escapeXml(finding.title));
      expect(html.stdout).toContain(escapeXml(report.verdict.text.slice(0, 60)));
      const md = await runCli(['report', sample(name), '-f', 'md', '-o', '-', '-q']);
      expect(md.stdout).toContain(expected);
    },
  );

  it('healthy samples render with an ok verdict', async () => {
    for (const s of ALL_SCENARIOS.filter((x) => x.expected === null)) {
      const { report } = await reportJson(sample(s.name));
      expect(report.findings.filter((f) => f.severity === 'critical'), s.name).toEqual([]);
    }
  });
});

describe('inspect', () => {
  it('prints a plain summary to a pipe even without NO_COLOR, and honours NO_COLOR', async () => {
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const run = await runCli(['inspect', sample('process-leak')], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('app-01');
      expect(run.stdout).toMatch(/oom-kill|OOM kill/i);
      expect(run.stdout).not.toMatch(/\x1b/);
    }
  });
});
