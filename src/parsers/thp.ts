/**
 * /sys/kernel/mm/transparent_hugepage/enabled or defrag → `ThpSetting`: the words offered and the
 * one in brackets, which is in force. Samples (01_baseline/thp_enabled.txt, thp_defrag.txt):
 *
 *     always [madvise] never
 *     always defer defer+madvise [madvise] never
 */
import { fileDiagnostic, lineDiagnostic, type Diagnostic, type ParseContext, type Parsed } from '../model/diagnostic.js';
import type { ThpSetting } from '../model/sources.js';
import { quoteLine, splitFields, splitLines } from './text-lines.js';

const OPTION = /^(\[)?([a-z][a-z+_-]*)(\])?$/;

export function parseThpSetting(text: string, ctx: ParseContext): Parsed<ThpSetting> {
  const data: ThpSetting = { selected: null, options: [] };
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(text);
  const settingIndex = lines.findIndex((line) => line.trim() !== '');
  if (settingIndex < 0) return { data, diagnostics: [fileDiagnostic(ctx, 'empty: no THP setting')] };
  for (const word of splitFields(lines[settingIndex] ?? '')) {
    const match = OPTION.exec(word);
    const opens = match?.[1] !== undefined;
    const closes = match?.[3] !== undefined;
    if (match === null || opens !== closes) {
      diagnostics.push(lineDiagnostic(ctx, settingIndex, `expected a THP option like "madvise" or "[madvise]", got ${quoteLine(word)}`));
      continue;
    }
    const option = match[2] ?? '';
    data.options.push(option);
    if (!opens) continue;
    if (data.selected !== null) diagnostics.push(lineDiagnostic(ctx, settingIndex, `two options in brackets; keeping "${data.selected}"`));
    else data.selected = option;
  }
  if (data.selected === null) diagnostics.push(lineDiagnostic(ctx, settingIndex, 'no option in brackets: the setting in force is unknown'));
  lines.forEach((line, index) => {
    if (index > settingIndex && line.trim() !== '') diagnostics.push(lineDiagnostic(ctx, index, `a THP setting is one line; ignored ${quoteLine(line)}`));
  });
  return { data, diagnostics };
}
