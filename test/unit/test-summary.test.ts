// Issue 12 item 3: .ci/run runs the e2e tests a second time under Node 24 and still ends with one
// line "N passed, N failed", summed over both vitest reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(name: string, passed: number, failed: number, failedSuites = 0): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numFailedTestSuites: failedSuites }));
  return file;
}
const summarise = (files: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/test-summary.mjs'), ...files], { encoding: 'utf8' });

describe('issue 12 item 3: one summary line over the Node 20 and Node 24 runs', () => {
  it('sums passed and failed tests of every report', () => {
    const result = summarise([report('a.json', 700, 0), report('b.json', 80, 2)]);
    expect(result.stdout).toBe('780 passed, 2 failed\n');
    expect(result.status).toBe(1);
  });

  it('exits 0 only when every report ran clean', () => {
    expect(summarise([report('c.json', 700, 0), report('d.json', 80, 0)]).status).toBe(0);
    expect(summarise([report('e.json', 700, 0), report('f.json', 80, 0, 1)]).status).toBe(1);
  });

  it('a suite that failed outside its tests (a beforeAll) counts its unrun tests as failed; one that failed to load counts once', () => {
    const file = path.join(dir, 'suite.json');
    writeFileSync(file, JSON.stringify({
      numPassedTests: 12,
      numFailedTests: 0,
      numFailedTestSuites: 2,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'skipped' }, { status: 'skipped' }] },
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'skipped' }] },
      ],
    }));
    const result = summarise([file]);
    expect(result.stdout).toBe('12 passed, 3 failed\n');
    expect(result.status).toBe(1);
  });

  it('a missing report (its run crashed) fails the summary', () => {
    const result = summarise([report('g.json', 700, 0), path.join(dir, 'missing.json')]);
    expect(result.stdout).toBe('700 passed, 0 failed\n');
    expect(result.status).toBe(1);
  });
});
