/** Property tests: invariants that example tests can miss (precedence printing, symmetry). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues, looseEquals } from '../../../src/criteria/compare-values.js';
import { evaluateCondition } from '../../../src/criteria/evaluate-condition.js';
import { formatCondition } from '../../../src/criteria/format-condition.js';
import { parseCondition } from '../../../src/criteria/parse-condition.js';
import type { ConditionNode } from '../../../src/criteria/simple-condition.js';
import { makeScope } from './make-scope.js';

const scope = makeScope({ statusCode: 200, body: { a: 1, s: 'X', n: null, t: true } });

const operand = fc.constantFrom('true', 'false', 'null', '0', '1', "'x'", "'X'", '$statusCode', '$response.body#/a', '$response.body#/s', '$response.body#/n', '$response.body#/missing');
const comparison = fc.constantFrom('==', '!=', '<', '<=', '>', '>=');

/** Random well-formed condition text, built from the grammar with explicit parentheses. */
const condition: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    operand,
    fc.tuple(operand, comparison, operand).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('node').map((n) => `!(${n})`),
    fc.tuple(tie('node'), fc.constantFrom('&&', '||'), tie('node')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
  ),
})).node;

function parsed(text: string): ConditionNode {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${text}: ${result.problem.code}`);
  return result.ast;
}

const value = (ast: ConditionNode): unknown => evaluateCondition(ast, scope);

describe('Criterion Object › simple conditions: printing round-trips (checklist 14.3)', () => {
  it('format(parse(x)) parses back to a condition with the same value and the same text', () => {
    fc.assert(
      fc.property(condition, (text) => {
        const ast = parsed(text);
        const printed = formatCondition(ast);
        expect(printed).toBeTypeOf('string');
        const again = parsed(printed ?? '');
        expect(value(again)).toEqual(value(ast));
        expect(formatCondition(again)).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });
});

const scalar = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.constantFrom('', 'a', 'A', '1', ' 2 ', 'true', 'FALSE', '1e1'));

describe('Criterion Object › loose comparison laws (checklist 14.5, 14.6)', () => {
  it('== is symmetric and != is its negation', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        expect(looseEquals(a, b)).toBe(looseEquals(b, a));
        expect(compareValues('!=', a, b)).toBe(!compareValues('==', a, b));
      }),
    );
  });

  it('< and > mirror each other; null and missing are never ordered', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        expect(compareValues('<', a, b)).toBe(compareValues('>', b, a));
        expect(compareValues('<=', a, b)).toBe(compareValues('>=', b, a));
        if (a === null || a === undefined) expect(compareValues('<=', a, b)).toBe(false);
      }),
    );
  });

  it('string equality ignores case', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(looseEquals(s, s.toLowerCase())).toBe(true);
        const ascii = s.replace(/[^\x20-\x7e]/g, '');
        expect(looseEquals(ascii.toUpperCase(), ascii.toLowerCase())).toBe(true);
      }),
    );
  });
});
