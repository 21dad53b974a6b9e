// Prints "N passed, N failed" summed over vitest JSON reports (default test-results/vitest.json);
// exits 1 when no test ran, any failed, or a report is missing (its run crashed).
import { readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['test-results/vitest.json'];
let passed = 0;
let failed = 0;
let broken = false;
for (const file of files) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    if ((report.numFailedTestSuites ?? 0) > 0) broken = true;
    // A suite that failed outside its tests (a beforeAll, an import) left them unrun: they count as
    // failed, so the line never says "0 failed" for a run that failed.
    for (const suite of report.testResults ?? []) {
      if (suite.status !== 'failed') continue;
      const results = suite.assertionResults ?? [];
      if (results.some((result) => result.status === 'failed')) continue;
      failed += Math.max(1, results.filter((result) => result.status !== 'passed').length);
    }
  } catch {
    broken = true;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(passed > 0 && failed === 0 && !broken ? 0 : 1);
