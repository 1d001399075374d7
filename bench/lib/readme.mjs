/**
 * Keeps the analyzer's figures in bench/README.md between two markers, so the collector's own
 * section (bench/collector/) in the same file is left as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- analyzer-bench:begin (written by bench/run-all.mjs) -->';
const END = '<!-- analyzer-bench:end -->';

export function writeReadmeSection(file, markdown) {
  const block = `${BEGIN}\n${markdown.trimEnd()}\n${END}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const at = old.indexOf(BEGIN);
  const until = old.indexOf(END);
  const next = at >= 0 && until > at ? `${old.slice(0, at)}${block}${old.slice(until + END.length)}` : `${old.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
