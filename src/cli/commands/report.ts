import { analyzeBundle } from '../../analyze.js';
import type { FindingSeverity } from '../../model/report.js';
import { renderHtml } from '../../render/html.js';
import { renderMarkdown } from '../../render/markdown.js';
import { COMMON_OPTIONS, limitsFrom, oneOf, parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { REPORT_HELP } from '../help.js';
import { defaultOutputPath, writeOutput, type OutputFormat } from '../output.js';
import { createProgress } from '../progress.js';

const RANK: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

export async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    output: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    'fail-on': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${REPORT_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('report takes exactly one bundle');
  const input = positionals[0]!;
  const format: OutputFormat = oneOf(values.format, ['html', 'md', 'json'] as const, '--format') ?? 'html';
  const failOn = oneOf(values['fail-on'], ['critical', 'warning'] as const, '--fail-on');

  const progress = createProgress(!values.quiet, 'reading');
  const { report } = await analyzeBundle(input, { limits: limitsFrom(values), onProgress: progress.update });
  progress.done();

  const text =
    format === 'html' ? renderHtml(report) : format === 'md' ? renderMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`;
  await writeOutput(values.output ?? defaultOutputPath(input, format), text);

  if (failOn && report.findings.some((f) => RANK[f.severity] <= RANK[failOn])) return EXIT.findingsGate;
  return EXIT.ok;
}
