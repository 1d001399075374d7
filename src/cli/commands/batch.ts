import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { BatchLine } from '../../batch/batch-line.js';
import { expandInputs } from '../../batch/expand-inputs.js';
import { batchAnalyze } from '../../batch/run-batch.js';
import { UnreadableInputError } from '../../bundle/errors.js';
import { sanitizeTerminal } from '../../inspect/sanitize-terminal.js';
import { COMMON_OPTIONS, limitsFrom, parseCommandArgs, positiveNumber } from '../args.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { BATCH_HELP } from '../help.js';

/** `[12/50] web-07 ok (3 findings, 1 OOM kill, 1.2 s) samples/x.tar.zst` on stderr. */
function progressLine(line: BatchLine, finishedCount: number, total: number): string {
  const head = `[${finishedCount}/${total}]`;
  if (line.status === 'error') return `${head} error ${sanitizeTerminal(line.bundle)}: ${sanitizeTerminal(line.error ?? '')}\n`;
  const kills = line.oom_kill_count ? `, ${line.oom_kill_count} OOM kill${line.oom_kill_count === 1 ? '' : 's'}` : '';
  return `${head} ${sanitizeTerminal(line.host ?? '?')} ok (${line.findings.length} findings${kills}, ${line.analysis_s.toFixed(1)} s) ${sanitizeTerminal(line.bundle)}\n`;
}

function openOutput(path: string): Writable {
  if (path === '-') return process.stdout;
  const stream = createWriteStream(path);
  stream.on('error', () => {});
  return stream;
}

export async function runBatch(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    out: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
  });
  if (values.help) {
    process.stdout.write(`${BATCH_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('batch takes at least one bundle or directory');
  if (!values.out) throw new UsageError('batch needs --out FILE.ndjson (or --out - for stdout)');
  const jobs = Math.round(positiveNumber(values.jobs, '--jobs') ?? availableParallelism());
  const limits = limitsFrom(values);

  const bundles = await expandInputs(positionals);
  if (bundles.length === 0) throw new UnreadableInputError(`no bundles found in ${positionals.join(', ')}`);
  const out = openOutput(values.out);
  const opened = new Promise<void>((resolve, reject) => (out === process.stdout ? resolve() : out.once('ready', resolve).once('error', reject)));
  await opened.catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write ${values.out}: ${err.code ?? err.message}`);
  });

  const began = performance.now();
  const summary = await batchAnalyze(bundles, out, {
    jobs,
    limits,
    onLine: values.quiet ? undefined : (line, done, total) => process.stderr.write(progressLine(line, done, total)),
  });
  if (out !== process.stdout) {
    out.end();
    await finished(out);
  }
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  process.stderr.write(`memtrail: ${summary.ok} analysed, ${summary.failed} failed, ${seconds} s with ${jobs} jobs → ${values.out === '-' ? 'stdout' : values.out}\n`);
  return EXIT.ok;
}
