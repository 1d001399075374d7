import { diffBundles } from '../../diff/build-diff.js';
import { renderDiffHtml } from '../../render/diff/html.js';
import { renderDiffMarkdown } from '../../render/diff/markdown.js';
import { COMMON_OPTIONS, limitsFrom, oneOf, parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { DIFF_HELP } from '../help.js';
import { defaultOutputPath, writeOutput, type OutputFormat } from '../output.js';
import { createProgress } from '../progress.js';
import { VERSION } from '../version.js';

export async function runDiff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    output: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
  });
  if (values.help) {
    process.stdout.write(`${DIFF_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new UsageError('diff takes exactly two bundles: <before> <after>');
  const [before, after] = positionals as [string, string];
  const format: OutputFormat = oneOf(values.format, ['html', 'md', 'json'] as const, '--format') ?? 'html';

  const progress = createProgress(!values.quiet, 'reading');
  const diff = await diffBundles(before, after, { limits: limitsFrom(values), onProgress: progress.update, generatorVersion: VERSION });
  progress.done();

  const text = format === 'html' ? renderDiffHtml(diff) : format === 'md' ? renderDiffMarkdown(diff) : `${JSON.stringify(diff, null, 2)}\n`;
  await writeOutput(values.output ?? defaultOutputPath(after, format, 'diff'), text);
  return EXIT.ok;
}
