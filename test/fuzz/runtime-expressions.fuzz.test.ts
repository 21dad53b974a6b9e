/**
 * Issue 6 › fuzzing the runtime-expression parser (Arazzo 1.0.1 §Runtime Expressions): for any
 * text, parsing returns a result — an expression whose text is the input, or a typed problem
 * from the code catalogue with an offset inside the text — and evaluating what parsed never
 * throws. No crash, no hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCode } from '../../src/diagnostics/codes.js';
import { evaluateExpression } from '../../src/expressions/evaluate-expression.js';
import { parseExpression, parseExpressionAt } from '../../src/expressions/parse-expression.js';
import { expressionText, scope } from './support/arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIME_LIMIT_MS, withinTimeLimit } from './support/within-time-limit.js';

describe('Issue 6 › fuzz: runtime expression parser', () => {
  it(`parseExpression: an expression or a typed problem, then a safe evaluation (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(expressionText, scope, (text, values) => {
        const result = parseExpression(text);
        if (!result.ok) {
          expect(describeCode(result.problem.code)).toBeDefined();
          expect(result.problem.offset ?? 0).toBeGreaterThanOrEqual(0);
          expect(result.problem.offset ?? 0).toBeLessThanOrEqual(text.length);
          return;
        }
        expect(result.expression.text).toBe(text);
        for (const warning of result.warnings) expect(describeCode(warning.code)).toBeDefined();
        const evaluation = evaluateExpression(result.expression, values);
        expect(typeof evaluation.found).toBe('boolean');
        if (!evaluation.found) expect(typeof evaluation.reason).toBe('string');
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });

  it(`parseExpressionAt: ends inside the text in every embedding mode (${FUZZ_RUNS} inputs)`, () => {
    const modes = fc.constantFrom('condition', 'template', 'bare') as fc.Arbitrary<'condition' | 'template' | 'bare'>;
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(fc.string({ maxLength: 3 }), expressionText, modes, (prefix, tail, mode) => {
        const text = `${prefix}$${tail}`;
        const start = prefix.length;
        const result = parseExpressionAt(text, start, mode);
        if (result.ok) {
          expect(result.end).toBeGreaterThan(start);
          expect(result.end).toBeLessThanOrEqual(text.length);
          expect(result.expression.text).toBe(text.slice(start, result.end));
        } else {
          expect(describeCode(result.problem.code)).toBeDefined();
        }
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });
});
