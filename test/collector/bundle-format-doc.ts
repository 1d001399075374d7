/**
 * The artifact table of docs/bundle-format.md, parsed, so that the collector tests check a real
 * bundle against the document itself and the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './collector-run.js';

export interface DocumentedArtifact {
  /** As written in the doc, e.g. `proc/<pid>/status`. */
  pattern: string;
  regex: RegExp;
  modes: string[];
}

/** `<name>` is one path component, `<...>` one or more. */
function patternRegex(pattern: string): RegExp {
  const source = pattern
    .split(/(<\.\.\.>|<[A-Za-z]+>)/)
    .map((part) => {
      if (part === '<...>') return '.+';
      if (/^<[A-Za-z]+>$/.test(part)) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

export function documentedArtifacts(): DocumentedArtifact[] {
  const doc = readFileSync(path.join(repoRoot, 'docs/bundle-format.md'), 'utf8');
  const section = doc.split(/^## Artifacts$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows: DocumentedArtifact[] = [];
  for (const line of section.split('\n')) {
    const cells = /^\| `([^`]+)` \|(.*)\|$/.exec(line);
    if (!cells) continue;
    const columns = cells[2]!.split(/(?<!\\)\|/).map((c) => c.trim());
    rows.push({ pattern: cells[1]!, regex: patternRegex(cells[1]!), modes: columns[1]!.split(/,\s*/) });
  }
  return rows;
}
