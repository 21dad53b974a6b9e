// Prints "N passed, N failed" from vitest's JSON report; exits 1 when no test ran or any failed.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const suitesFailed = report.numFailedTestSuites ?? 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(passed > 0 && failed === 0 && suitesFailed === 0 ? 0 : 1);
