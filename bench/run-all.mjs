#!/usr/bin/env node
/**
 * `npm run bench` (issue 8): generates the reference bundles into bench/out/ when absent, measures
 * report --format html, report --format json, inspect and diff on the 24-hour and 7-day bundles
 * against the native baseline `zstd -dc | tar -xO | wc -l`, then the batch scaling from 1 to 2
 * jobs on a fleet of 50 bundles. Prints the tables and writes them into bench/README.md.
 *   node bench/run-all.mjs [--only 24h,7d,fleet] [--fleet-count 50] [--no-readme]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateFleet, generateBundle, uncompressedBytes } from './lib/bundles.mjs';
import { machine } from './lib/machine.mjs';
import { measure } from './lib/measure.mjs';
import { writeReadmeSection } from './lib/readme.mjs';
import { markdownTable, textTable } from './lib/tables.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench/out');
const CLI = join(ROOT, 'dist/cli/main.js');
const MB = 1e6;

const BUNDLES = [
  { name: '24h', hours: 24, target: { wallS: 3, rssMb: 400, ratio: 8 } },
  { name: '7d', hours: 168, target: { wallS: 20, rssMb: 1024, ratio: null } },
];

const { values } = parseArgs({
  options: { only: { type: 'string' }, 'fleet-count': { type: 'string' }, 'no-readme': { type: 'boolean' } },
});
const only = new Set((values.only ?? '24h,7d,fleet').split(','));
const fleetCount = Number(values['fleet-count'] ?? 50);

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm run bench does)`);
mkdirSync(OUT, { recursive: true });

const cli = (...args) => [process.execPath, CLI, ...args];
const hasDiff = measure(cli('diff', '--help')).ok;

/** `runs` measurements of one command; the one with the median wall time, with every wall time. */
function medianRun(argv, runs) {
  const all = Array.from({ length: runs }, () => measure(argv)).sort((a, b) => a.wallS - b.wallS);
  return { ...all[Math.floor(runs / 2)], ok: all.every((m) => m.ok), walls: all.map((m) => m.wallS) };
}

/** The native baseline: the cost of merely decompressing and reading the bytes. Best of three. */
function baseline(file) {
  const runs = [1, 2, 3].map(() => measure(`zstd -dc '${file}' | tar -xO | wc -l`, { stdout: 'pipe' }));
  return runs.reduce((best, r) => (r.wallS < best.wallS ? r : best));
}

function commandsFor(file, name) {
  return [
    // The targets are judged on this row: three runs, the median by wall time.
    { label: 'report --format html', argv: cli('report', file, '-o', join(OUT, `${name}.report.html`), '-q'), output: join(OUT, `${name}.report.html`), runs: 3 },
    { label: 'report --format json', argv: cli('report', file, '-f', 'json', '-o', join(OUT, `${name}.report.json`), '-q'), output: join(OUT, `${name}.report.json`) },
    { label: 'inspect', argv: cli('inspect', file, '--no-color', '-q') },
    hasDiff
      ? { label: 'diff (bundle against itself)', argv: cli('diff', file, file, '-o', join(OUT, `${name}.diff.html`), '-q'), output: join(OUT, `${name}.diff.html`), bytesFactor: 2 }
      : { label: 'diff', missing: 'n/a (not built)' },
  ];
}

/** Files the reader cut at --max-file-mb (from the JSON report's diagnostics): the analysis did not see all of them. */
function cutFiles(reportJson) {
  if (!existsSync(reportJson)) return [];
  const { diagnostics } = JSON.parse(readFileSync(reportJson, 'utf8'));
  return diagnostics.filter((d) => /maxFileBytes|maxTotalBytes/.test(d.message)).map((d) => `${d.source}: ${d.message}`);
}

function benchBundle({ name, hours, target }) {
  const file = join(OUT, `bench-${name}.tar.zst`);
  const generated = generateBundle(file, hours);
  const rawBytes = uncompressedBytes(file, generated);
  const base = baseline(file);
  const rows = [];
  for (const c of commandsFor(file, `bench-${name}`)) {
    if (c.missing) {
      rows.push({ command: c.label, note: c.missing });
      continue;
    }
    process.stderr.write(`bench: ${name} ${c.label}…\n`);
    const m = c.runs ? medianRun(c.argv, c.runs) : measure(c.argv);
    rows.push({
      command: c.label, ...m,
      mbPerS: ((c.bytesFactor ?? 1) * rawBytes) / MB / m.wallS,
      outputBytes: c.output && m.ok ? statSync(c.output).size : null,
      ratio: m.wallS / base.wallS,
      cpuRatio: m.cpuS / base.cpuS,
      note: m.ok ? (c.runs ? `median of ${c.runs} (wall ${m.walls.map((w) => w.toFixed(2)).join(', ')})` : '') : `exit ${m.status}: ${m.stderr.trim().split('\n').at(-1)}`,
    });
  }
  const html = rows[0];
  const cut = cutFiles(join(OUT, `bench-${name}.report.json`));
  const verdict = [
    ['wall', html.wallS, target.wallS, 's'],
    ['peak RSS', html.maxRssMb, target.rssMb, 'MB'],
    ...(target.ratio ? [['ratio to native', html.ratio, target.ratio, '×']] : []),
  ].map(([what, got, limit, unit]) => `${what} ${got?.toFixed(1)} ${unit} (target ≤ ${limit}): ${got !== undefined && got <= limit && html.ok ? 'met' : 'MISSED'}`);
  return { name, hours, file, generated, rawBytes, compressedBytes: statSync(file).size, base, rows, verdict, cut };
}

async function benchFleet() {
  const dir = join(OUT, 'fleet');
  const generated = await generateFleet(dir, fleetCount);
  const runs = [1, 2].map((jobs) => {
    process.stderr.write(`bench: batch of ${fleetCount} with --jobs ${jobs}…\n`);
    const out = join(OUT, `fleet-j${jobs}.ndjson`);
    const m = measure(cli('batch', dir, '--out', out, '--jobs', String(jobs), '-q'));
    const lines = m.ok ? readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    return { jobs, ...m, bundles: lines.length, errors: lines.filter((l) => l.status === 'error').length };
  });
  return { dir, generated, runs, speedup: runs[0].wallS / runs[1].wallS };
}

const fmt = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? '' : n.toFixed(digits));

function bundleTable(b) {
  const head = ['command', 'wall s', 'CPU s', 'peak RSS MB', 'MB/s', 'output KB', '× native wall', '× native CPU', 'note'];
  const body = b.rows.map((r) => [r.command, fmt(r.wallS), fmt(r.cpuS), fmt(r.maxRssMb, 0), fmt(r.mbPerS, 1), r.outputBytes ? fmt(r.outputBytes / 1024, 0) : '', fmt(r.ratio, 1), fmt(r.cpuRatio, 1), r.note ?? '']);
  const native = ['native: zstd -dc | tar -xO | wc -l', fmt(b.base.wallS), fmt(b.base.cpuS), fmt(b.base.maxRssMb, 0), fmt(b.rawBytes / MB / b.base.wallS, 1), '', '1.0', '1.0', 'best of 3'];
  return { head, body: [native, ...body] };
}

function fleetTable(f) {
  const head = ['batch', 'wall s', 'CPU s', 'peak RSS MB', 'bundles/s', 'lines', 'errors'];
  const body = f.runs.map((r) => [`--jobs ${r.jobs}`, fmt(r.wallS), fmt(r.cpuS), fmt(r.maxRssMb, 0), fmt(r.bundles / r.wallS, 1), String(r.bundles), String(r.errors)]);
  return { head, body };
}

const loadBefore = machine().load;
const results = BUNDLES.filter((b) => only.has(b.name)).map(benchBundle);
const fleet = only.has('fleet') ? await benchFleet() : null;

const sections = [];
for (const b of results) {
  const gen = b.generated ? `, generated in ${fmt(b.generated.generateS, 1)} s + packed in ${fmt(b.generated.packS, 1)} s` : '';
  const title = `${b.name} bundle: ${fmt(b.rawBytes / MB, 0)} MB uncompressed, ${fmt(b.compressedBytes / MB, 1)} MB .tar.zst${gen}`;
  const t = bundleTable(b);
  const cut = b.cut.length ? `Cut by the reader's default limits (so not analysed in full): ${b.cut.join('; ')}.` : 'No file was cut by the reader\'s default limits.';
  process.stdout.write(`\n${title}\n${textTable(t.head, t.body)}\n${b.verdict.map((v) => `  ${v}`).join('\n')}\n  ${cut}\n`);
  sections.push(`### ${title}\n\n${markdownTable(t.head, t.body)}\n\nTargets (HTML report): ${b.verdict.join('; ')}. ${cut}`);
}
if (fleet) {
  const t = fleetTable(fleet);
  const title = `Fleet: ${fleetCount} bundles (2 h at 10 s, 100 processes each), memtrail batch`;
  process.stdout.write(`\n${title}\n${textTable(t.head, t.body)}\n  speedup 1 → 2 jobs: ${fmt(fleet.speedup)}×\n`);
  sections.push(`### ${title}\n\n${markdownTable(t.head, t.body)}\n\nSpeedup from 1 to 2 jobs: ${fmt(fleet.speedup)}×.`);
}

const m = machine();
if (!values['no-readme']) {
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  writeReadmeSection(join(ROOT, 'bench/README.md'), [
    '## Analyzer: a day, a week and a fleet (issue 8)',
    '',
    `Latest figures, ${when}, from \`npm run bench\` (= \`npm run build && node bench/run-all.mjs\`).`,
    'Bundles come from `node dist/synth/bench-bundle.js --hours H --interval 10 --out FILE` (src/synth/bench/: full 6.18 vmstat,',
    '400 processes, slabinfo/procs/top-20 smaps_rollup every 60 s, ~100k kernel lines per day with memcg OOM reports, one 200 MB/h leak).',
    'Wall, CPU (user + sys) and peak RSS from GNU time (`/usr/bin/time -f "%e %U %S %M"`); MB/s is uncompressed bundle bytes per wall second;',
    '× native is wall time over the best of three runs of `zstd -dc bundle | tar -xO | wc -l` in the same run.',
    '',
    `Machine: \`${m.uname}\`; ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM; node ${m.node}; ${m.zstd}; load average (1, 5, 15 min) before ${loadBefore}, after ${m.load}: other work on the machine inflates wall time, not CPU time.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n'));
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify({ machine: m, results, fleet }, null, 2)}\n`);
}
