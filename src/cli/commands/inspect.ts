import { loadBundle } from '../../load/load-bundle.js';
import { buildTimeline } from '../../timeline/build-timeline.js';
import { renderInspect } from '../../inspect/render-inspect.js';
import { COMMON_OPTIONS, limitsFrom, parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { INSPECT_HELP } from '../help.js';
import { createProgress } from '../progress.js';

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
function useColor(noColorFlag: boolean | undefined): boolean {
  return !noColorFlag && !process.env.NO_COLOR && process.stdout.isTTY === true;
}

export async function runInspect(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    'no-color': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${INSPECT_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one bundle');
  const progress = createProgress(!values.quiet, 'reading');
  const artifacts = await loadBundle(positionals[0]!, { limits: limitsFrom(values), onProgress: progress.update });
  progress.done();
  const text = renderInspect(buildTimeline(artifacts), {
    color: useColor(values['no-color']),
    width: process.stdout.columns,
  });
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT.ok;
}
