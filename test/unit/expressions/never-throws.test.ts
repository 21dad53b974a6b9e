import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileValue } from '../../../src/expressions/compile-value.js';
import { parseExpression, parseExpressionAt } from '../../../src/expressions/parse-expression.js';
import { formatPointer, parsePointer } from '../../../src/expressions/json-pointer.js';

// Strings biased towards expression syntax, so the parser's deeper branches are reached.
const fragments = ['$', '{', '}', '.', '#', '/', '~', '~0', '~1', '[0]', ' ', '==', '&&', 'inputs', 'steps', 'outputs',
  'response', 'request', 'body', 'header', 'query', 'path', 'workflows', 'components', 'parameters', 'sourceDescriptions',
  'statusCode', 'url', 'method', 'x', 'a-b', '_', '"', "'", ')', '\u00e9', '\ud83d\ude00'];
const expressionish = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));
const anyString = fc.oneof(fc.string(), expressionish);

describe('Runtime Expressions: parsing never throws (style rule 1: errors are values)', () => {
  it('parseExpression returns a result with an offset inside the text', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const result = parseExpression(text);
        if (!result.ok) {
          expect(result.problem.code).toMatch(/^expression-/);
          expect(result.problem.offset).toBeGreaterThanOrEqual(0);
          expect(result.problem.offset).toBeLessThanOrEqual(text.length);
        } else {
          expect(result.expression.text).toBe(text);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('parseExpressionAt ends inside the text in every mode', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom('condition', 'template', 'bare') as fc.Arbitrary<'condition' | 'template' | 'bare'>, (tail, mode) => {
        const text = `x$${tail}`;
        const result = parseExpressionAt(text, 1, mode);
        if (result.ok) expect(result.end).toBeLessThanOrEqual(text.length);
        if (result.ok) expect(result.expression.text).toBe(text.slice(1, result.end));
      }),
      { numRuns: 2500 },
    );
  });

  it('compileValue only returns problems, with offsets inside the string', () => {
    fc.assert(
      fc.property(anyString, fc.boolean(), (text, bareExpressions) => {
        const { template, problems } = compileValue({ k: [text] }, { bareExpressions });
        expect(template.kind).toBe('object');
        for (const problem of problems) {
          expect(problem.path).toEqual(['k', 0]);
          expect(problem.offset ?? 0).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('parsePointer round-trips or reports', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const result = parsePointer(text);
        if (!result.ok) expect(result.problem.code).toBe('expression-invalid-pointer');
        else expect(formatPointer(result.tokens)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
