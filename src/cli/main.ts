#!/usr/bin/env node
/**
 * memtrail's command line: dispatch, usage errors and exit codes. The only module that decides
 * how the process ends; everything below it returns values or throws typed errors.
 */
import { UnreadableInputError } from '../bundle/errors.js';
import { EXIT, UsageError } from './exit-codes.js';
import { MAIN_HELP } from './help.js';
import { sanitizeTerminal } from '../inspect/sanitize-terminal.js';
import { VERSION } from './version.js';
type Command = (argv: string[]) => Promise<number>;

/** Loaded on demand: each command's module graph costs 0.1–0.25 s to load, and `--help` needs none. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  report: async () => (await import('./commands/report.js')).runReport,
  inspect: async () => (await import('./commands/inspect.js')).runInspect,
  diff: async () => (await import('./commands/diff.js')).runDiff,
  batch: async () => (await import('./commands/batch.js')).runBatch,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${MAIN_HELP}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`memtrail ${VERSION}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`unknown command '${command}'`);
  return (await load())(rest);
}

function fail(message: string, code: number): number {
  process.stderr.write(`memtrail: ${sanitizeTerminal(message)}\n`);
  return code;
}

process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) return fail(`${err.message}\nTry 'memtrail --help'.`, EXIT.usage);
  if (err instanceof UnreadableInputError) return fail(err.message, EXIT.unreadable);
  if (process.env.MEMTRAIL_DEBUG) console.error(err);
  const message = err instanceof Error ? err.message : String(err);
  return fail(`internal error: ${message} (MEMTRAIL_DEBUG=1 shows the stack)`, EXIT.internal);
});
