/**
 * Running times of the scenarios, printed as each finishes, with the total of this vitest run so far.
 * Each test file runs in its own worker, so the total lives in a file keyed by the vitest main
 * process (the workers' parent); files of finished runs are removed on the way.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'memtrail-e2e-times-';
const totalsFile = path.join(tmpdir(), `${PREFIX}${process.ppid}.json`);

function removeFinishedRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = name.startsWith(PREFIX) ? name.slice(PREFIX.length, -'.json'.length) : '';
    if (pid && !existsSync(`/proc/${pid}`)) rmSync(path.join(tmpdir(), name), { force: true });
  }
}

export function printScenarioTime(name: string, seconds: number): void {
  removeFinishedRuns();
  const times: Record<string, number> = existsSync(totalsFile) ? JSON.parse(readFileSync(totalsFile, 'utf8')) as Record<string, number> : {};
  times[name] = seconds;
  writeFileSync(totalsFile, JSON.stringify(times));
  const total = Object.values(times).reduce((a, b) => a + b, 0);
  console.log(`[e2e] ${name}: ${seconds.toFixed(1)} s; e2e total so far ${total.toFixed(1)} s over ${Object.keys(times).length} scenario(s)`);
}
