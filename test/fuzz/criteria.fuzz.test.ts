/**
 * Issue 6 › fuzzing the criteria compiler and evaluator (spec: Criterion Object): any raw
 * criterion (well-formed or not, any type, context and condition) compiles to a criterion or to
 * typed problems; any compiled criterion evaluates against any scope to passed/failed, never a
 * throw (regex, RFC 9535 JSONPath, Goessner JSONPath in its safe interpreter, templates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCriterion } from '../../src/criteria/compile-criterion.js';
import { evaluateCriterion } from '../../src/criteria/evaluate-criterion.js';
import { describeCode } from '../../src/diagnostics/codes.js';
import { conditionText, expressionText, jsonish, scope } from './support/arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIME_LIMIT_MS, withinTimeLimit } from './support/within-time-limit.js';

const JSONPATH_FRAGMENTS = ['$', '$.', '$..', '[*]', '[0]', '[-1]', '[0:2]', "['a']", '.a', '.state', '[?@.a == 1]', '[?(@.a == 1)]', '@', 'length()', 'count(@.*)', '&&', '||', '!', ' ', '{$inputs.x}', '{$response.body#/a}'];
const jsonPathText = fc.array(fc.oneof(fc.constantFrom(...JSONPATH_FRAGMENTS), fc.string({ maxLength: 2 })), { maxLength: 8 }).map((parts) => parts.join(''));
const REGEX_FRAGMENTS = ['^', '$', '.', '*', '+', '?', '(', ')', '[', ']', '{2}', '{1,}', '|', '\\d', '\\', 'a', 'ready', '(?=', '\\1', '{$inputs.x}'];
const regexText = fc.array(fc.oneof(fc.constantFrom(...REGEX_FRAGMENTS), fc.string({ maxLength: 2 })), { maxLength: 8 }).map((parts) => parts.join(''));

const type = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('simple', 'regex', 'jsonpath', 'xpath', 'JSONPath', ''),
  fc.record({ type: fc.constantFrom('jsonpath', 'xpath', 'regex'), version: fc.constantFrom('draft-goessner-dispatch-jsonpath-00', 'xpath-30', 'x') }, { requiredKeys: [] }),
  jsonish,
);

const criterion = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    condition: fc.oneof(conditionText, jsonPathText, regexText, jsonish),
    context: fc.oneof(fc.constant(undefined), fc.constantFrom('$response.body', '$response.body#/items', '$inputs.x', '$statusCode'), expressionText, jsonish),
    type,
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: jsonish },
);

describe('Issue 6 › fuzz: criteria compiler and evaluator', () => {
  it(`compileCriterion → criterion or typed problems; evaluateCriterion → passed/failed (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(criterion, scope, (raw, values) => {
        const { compiled, problems } = compileCriterion(raw);
        for (const problem of problems) expect(describeCode(problem.code)).toBeDefined();
        if (!compiled) {
          expect(problems.some((p) => (p.severity ?? 'error') === 'error')).toBe(true);
          return;
        }
        const result = evaluateCriterion(compiled, values);
        expect(typeof result.passed).toBe('boolean');
        if (!result.passed) expect(typeof result.reason).toBe('string');
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });
});
