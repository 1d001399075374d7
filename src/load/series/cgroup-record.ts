/**
 * One `series/cgroup-memory` record (docs/bundle-format.md): per cgroup a line
 * `--- v<version> <path below the controller's mount>`, then its files one value per line, each
 * prefixed with the file name. The lines of one file are put back together and read by the same
 * parser as the static copies under sys/fs/cgroup/.
 *
 *   --- v1 /process_api
 *   memory.usage_in_bytes 822751232
 *   memory.oom_control oom_kill_disable 0
 *   memory.oom_control under_oom 0
 */
import type { Diagnostic, ParseContext, Parsed } from '../../model/diagnostic.js';
import { lineDiagnostic } from '../../model/diagnostic.js';
import type { CgroupMemory } from '../../model/sources.js';
import { parseCgroupMemory } from '../../parsers/cgroup-memory.js';

const HEADER = /^--- v[12] (.*)$/;
const FILE_LINE = /^(memory\.[\w.]+) (.*)$/;

interface Block {
  path: string;
  index: number;
  files: Record<string, string>;
}

export function parseCgroupSeriesRecord(text: string, ctx: ParseContext): Parsed<CgroupMemory[]> {
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const header = HEADER.exec(line);
    if (header) {
      blocks.push({ path: header[1]!, index: i, files: {} });
      return;
    }
    const file = FILE_LINE.exec(line);
    const block = blocks.at(-1);
    if (!file || !block) {
      diagnostics.push(lineDiagnostic(ctx, i, `not a "--- v<N> <path>" or "memory.<file> <value>" line: ${line.slice(0, 60)}`));
      return;
    }
    block.files[file[1]!] = (block.files[file[1]!] ?? '') + file[2] + '\n';
  });
  const data = blocks.map((block) => {
    const parsed = parseCgroupMemory(block.files, block.path, { ...ctx, firstLine: ctx.firstLine + block.index });
    diagnostics.push(...parsed.diagnostics);
    return parsed.data;
  });
  return { data, diagnostics };
}
