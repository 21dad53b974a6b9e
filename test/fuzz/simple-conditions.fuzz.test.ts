/**
 * Issue 6 › fuzzing the Simple condition parser and evaluator (spec: Criterion Object, Literals
 * and Operators): any text parses to a tree or a typed problem with an offset inside the text;
 * any tree evaluates to a boolean or an error string against any scope and context value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/criteria/evaluate-condition.js';
import { parseCondition } from '../../src/criteria/parse-condition.js';
import { describeCode } from '../../src/diagnostics/codes.js';
import { conditionText, jsonish, scope } from './support/arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIME_LIMIT_MS, withinTimeLimit } from './support/within-time-limit.js';

describe('Issue 6 › fuzz: simple-condition parser and evaluator', () => {
  it(`parseCondition → tree or typed problem; evaluateCondition → boolean or error (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(conditionText, fc.boolean(), scope, jsonish, (text, contextPaths, values, context) => {
        const result = parseCondition(text, { contextPaths });
        if (!result.ok) {
          expect(describeCode(result.problem.code)).toBeDefined();
          expect(result.problem.offset ?? 0).toBeGreaterThanOrEqual(0);
          expect(result.problem.offset ?? 0).toBeLessThanOrEqual(text.length);
          return;
        }
        for (const warning of result.warnings) expect(describeCode(warning.code)).toBeDefined();
        const evaluated = evaluateCondition(result.ast, values, contextPaths ? context : undefined);
        if ('error' in evaluated) expect(typeof evaluated.error).toBe('string');
        else expect(typeof evaluated.value).toBe('boolean');
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });
});
