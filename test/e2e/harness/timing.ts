/**
 * Running times of the scenarios, printed as each finishes, with the total of this vitest run so far.
 * Each test file runs in its own worker, so the total lives in a file in the run's temporary
 * directory (test/run-tmpdir.ts), which is removed when the run ends.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const totalsFile = path.join(tmpdir(), 'memtrail-e2e-times.json');

export function printScenarioTime(name: string, seconds: number): void {
  const times: Record<string, number> = existsSync(totalsFile) ? JSON.parse(readFileSync(totalsFile, 'utf8')) as Record<string, number> : {};
  times[name] = seconds;
  writeFileSync(totalsFile, JSON.stringify(times));
  const total = Object.values(times).reduce((a, b) => a + b, 0);
  console.log(`[e2e] ${name}: ${seconds.toFixed(1)} s; e2e total so far ${total.toFixed(1)} s over ${Object.keys(times).length} scenario(s)`);
}
