import type { DiffJson } from '../../src/diff/types.js';
import { HOSTILE } from '../render/fixtures/hostile-report.js';
import { diffSamples } from './sample-diffs.js';

const all = HOSTILE.join(' ');

/** A real diff with attacker-controlled text wherever bundle strings reach the page. */
export async function hostileDiff(): Promise<DiffJson> {
  const diff = structuredClone(await diffSamples('process-leak', 'process-leak-fixed'));
  diff.before.host = `web${HOSTILE[0]}`;
  diff.after.kernel = HOSTILE[3]!;
  diff.before.input = HOSTILE[6]!;
  diff.processes[0]!.comm = HOSTILE[1]!;
  diff.slabs[0]!.name = HOSTILE[4]!;
  diff.config.push({ area: 'tmpfs', key: HOSTILE[2]!, before: all, after: null });
  diff.warnings.push({ kind: 'different-host', text: all });
  diff.findings.checks[0]!.beforeSummary = all;
  diff.charts[0]!.series[0]!.name = HOSTILE[5]!;
  return diff;
}
