/**
 * What `arazzo test` writes besides its lines (issue 16 "the usual reports"): JUnit XML through the
 * one JUnit writer (a suite per scenario file, a case per scenario), TAP version 14 (a test point
 * per scenario, the differences in a YAML block), and GitHub annotations on the scenario file.
 * Pure: outcomes in, text out.
 */
import path from 'node:path';
import { renderJunit, type JunitCase } from '../report/junit-xml.js';

export interface ScenarioOutcome {
  name: string;
  /** Absolute path of the scenario file. */
  file: string;
  passed: boolean;
  differences: string[];
  unscripted: string[];
  seconds?: number;
}

const problemsOf = (outcome: ScenarioOutcome): string[] => [
  ...outcome.unscripted.map((request) => `no scripted response for ${request} (the run got 501)`),
  ...outcome.differences,
];

export function scenariosJunit(outcomes: readonly ScenarioOutcome[], cwd: string, timestamp: string): string {
  const byFile = new Map<string, ScenarioOutcome[]>();
  for (const outcome of outcomes) byFile.set(outcome.file, [...(byFile.get(outcome.file) ?? []), outcome]);
  return renderJunit({
    name: 'arazzo test',
    timestamp,
    suites: [...byFile].map(([file, list]) => {
      const relative = path.relative(cwd, file).split(path.sep).join('/');
      return {
        name: relative,
        file: relative,
        timestamp,
        cases: list.map((outcome): JunitCase => ({
          name: outcome.name,
          classname: relative,
          file: relative,
          ...(outcome.seconds !== undefined ? { seconds: outcome.seconds } : {}),
          ...(outcome.passed ? {} : { failure: { type: 'scenario-failed', message: problemsOf(outcome)[0] ?? 'the scenario failed', detail: problemsOf(outcome).join('\n') } }),
        })),
      };
    }),
  });
}

/** TAP version 14: `ok`/`not ok` per scenario; a failure's problems in a YAML diagnostic block. */
export function scenariosTap(outcomes: readonly ScenarioOutcome[], cwd: string): string {
  const lines = ['TAP version 14', `1..${outcomes.length}`];
  outcomes.forEach((outcome, index) => {
    const description = `${outcome.name} (${path.relative(cwd, outcome.file).split(path.sep).join('/')})`.replace(/#/g, '\\#');
    lines.push(`${outcome.passed ? 'ok' : 'not ok'} ${index + 1} - ${description}`);
    if (outcome.passed) return;
    lines.push('  ---', '  message: scenario failed', '  problems:');
    for (const problem of problemsOf(outcome)) lines.push(`    - ${JSON.stringify(problem)}`);
    lines.push('  ...');
  });
  return `${lines.join('\n')}\n`;
}
