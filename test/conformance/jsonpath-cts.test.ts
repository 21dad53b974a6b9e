/**
 * RFC 9535 JSONPath Compliance Test Suite, run through the criteria room's own door
 * (compileJsonPath / queryJsonPath), not through json-p3 directly.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileJsonPath, queryJsonPath } from '../../src/criteria/jsonpath.js';

interface CtsCase {
  name: string;
  selector: string;
  document?: unknown;
  result?: unknown[];
  results?: unknown[][];
  invalid_selector?: boolean;
}

const ctsUrl = new URL('../../../shared/corpora/jsonpath-cts/cts.json', import.meta.url);
const cases = (JSON.parse(readFileSync(ctsUrl, 'utf8')) as { tests: CtsCase[] }).tests;

/** Every deviation from the suite, by case name, with the reason. Keep it empty if possible. */
const SKIPS: Readonly<Record<string, string>> = {};

const outcomes = { passed: 0, skipped: 0 };

function matchesExpected(actual: unknown[], test: CtsCase): boolean {
  const candidates = test.results ?? (test.result === undefined ? [] : [test.result]);
  return candidates.some((expected) => isDeepStrictEqual(actual, expected));
}

function runCase(test: CtsCase): void {
  const compiled = compileJsonPath(test.selector);
  if (test.invalid_selector === true) {
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.problem.code).toBe('criterion-invalid-jsonpath');
    return;
  }
  expect(compiled.ok).toBe(true);
  if (!compiled.ok) return;
  const actual = queryJsonPath(compiled.query, test.document);
  expect(matchesExpected(actual, test), `got ${JSON.stringify(actual)}`).toBe(true);
}

describe('RFC 9535 compliance (Criterion Object, type: jsonpath; checklist 12.6)', () => {
  it('loads the whole suite', () => {
    expect(cases.length).toBe(703);
  });

  for (const test of cases) {
    const reason = SKIPS[test.name];
    if (reason !== undefined) {
      it.skip(`${test.name} (skipped: ${reason})`, () => undefined);
      outcomes.skipped += 1;
      continue;
    }
    it(test.name, () => {
      runCase(test);
      outcomes.passed += 1;
    });
  }

  it('every skip names a real case', () => {
    const names = new Set(cases.map((test) => test.name));
    expect(Object.keys(SKIPS).filter((name) => !names.has(name))).toEqual([]);
  });

  it('passes every case that is not skipped', () => {
    expect(outcomes.passed + outcomes.skipped).toBe(cases.length);
  });
});
