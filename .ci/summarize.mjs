// Adds up vitest JSON reports and prints the closing line CI reads: "N passed, N failed, N skipped".
// A test file that failed to load or crashed outside any test counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) { console.log(`ci: ${file} missing (its suite did not run)`); failed += 1; continue; }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const suite of r.testResults) {
    const anyTestFailed = suite.assertionResults.some((a) => a.status === 'failed');
    if (suite.status === 'failed' && !anyTestFailed) {
      console.log(`ci: ${suite.name} failed outside its tests: ${(suite.message ?? '').split('\n')[0]}`);
      failed += 1;
    }
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
