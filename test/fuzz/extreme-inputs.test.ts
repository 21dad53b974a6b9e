/**
 * Issue 6 › the inputs random fuzzing rarely reaches: very long and very deep texts for each
 * parser. The only allowed failure is a typed problem; no RangeError escapes, nothing hangs
 * (each block runs under a watchdog), and the process stays healthy afterwards.
 */
import { describe, expect, it } from 'vitest';
import { compileCriterion } from '../../src/criteria/compile-criterion.js';
import { evaluateCriterion } from '../../src/criteria/evaluate-criterion.js';
import { evaluateCondition } from '../../src/criteria/evaluate-condition.js';
import { parseCondition } from '../../src/criteria/parse-condition.js';
import { describeCode } from '../../src/diagnostics/codes.js';
import { compileValue } from '../../src/expressions/compile-value.js';
import { renderValue } from '../../src/expressions/evaluate-expression.js';
import { parsePointer, resolvePointer } from '../../src/expressions/json-pointer.js';
import { parseExpression } from '../../src/expressions/parse-expression.js';
import type { ExpressionScope } from '../../src/expressions/scope.js';
import { withinTimeLimit } from './support/within-time-limit.js';

const LIMIT_MS = 20_000;
const scope: ExpressionScope = { inputs: { a: 1 }, steps: {}, workflows: {}, sourceDescriptions: {}, response: { statusCode: 200, headers: {}, body: { a: [1, 2] } } };

function typedOrOk(result: { ok: boolean; problem?: { code: string } }): void {
  if (!result.ok) expect(describeCode(result.problem!.code)).toBeDefined();
}

describe('Issue 6 › extreme inputs: the watchdog itself', () => {
  it('a synchronous endless loop is stopped and reported', () => {
    expect(() => withinTimeLimit(50, () => {
      for (;;) { /* a hang */ }
    })).toThrow(/hangs/);
  });
});

describe('Issue 6 › extreme inputs: simple conditions', () => {
  it.each([
    ['90 && terms (under the nesting limit)', Array.from({ length: 90 }, () => '$statusCode == 200').join(' && ')],
    ['50,000 && terms', Array.from({ length: 50_000 }, () => '$statusCode == 200').join(' && ')],
    ['50,000 || terms', Array.from({ length: 50_000 }, () => '$statusCode == 404').join(' || ')],
    ['10,000 nested parentheses', `${'('.repeat(10_000)}true${')'.repeat(10_000)}`],
    ['10,000 negations', `${'!'.repeat(10_000)}true`],
    ['a 1 MB string literal', `'${'x'.repeat(1_000_000)}' == 'x'`],
    ['10,000 navigation steps', `$response.body${'.a'.repeat(10_000)} == 1`],
    ['a comparison chain', Array.from({ length: 10_000 }, () => '1').join(' == ')],
  ])('%s: parses or reports a typed problem; evaluation returns', (_name, text) => {
    withinTimeLimit(LIMIT_MS, () => {
      const parsed = parseCondition(text);
      typedOrOk(parsed);
      if (parsed.ok) {
        const evaluated = evaluateCondition(parsed.ast, scope);
        expect('value' in evaluated || typeof evaluated.error === 'string').toBe(true);
      }
      const criterion = compileCriterion({ condition: text });
      for (const problem of criterion.problems) expect(describeCode(problem.code)).toBeDefined();
      if (criterion.compiled) expect(typeof evaluateCriterion(criterion.compiled, scope).passed).toBe('boolean');
    });
    // Still healthy: a fresh parse works (a stack overflow inside V8's regexp compiler would not).
    expect(parseCondition("$statusCode == 200 && $response.body#/a/0 == 1").ok).toBe(true);
  });
});

describe('Issue 6 › extreme inputs: the chain limit', () => {
  it('a 90-term && chain still parses and evaluates; 10,000 terms are condition-syntax at the operator past the limit', () => {
    const chain = (n: number) => Array.from({ length: n }, () => '$statusCode == 200').join(' && ');
    const ok = parseCondition(chain(90));
    expect(ok.ok && evaluateCondition(ok.ast, scope)).toEqual({ value: true });
    const long = parseCondition(chain(10_000));
    expect(long.ok ? undefined : long.problem.code).toBe('condition-syntax');
  });
});

describe('Issue 6 › extreme inputs: runtime expressions, templates and pointers', () => {
  it.each([
    ['a 1 MB input name', `$inputs.${'a'.repeat(1_000_000)}`],
    ['a pointer of 100,000 tokens', `$response.body#${'/a'.repeat(100_000)}`],
    ['100,000 dots', `$steps.${'.'.repeat(100_000)}`],
    ['a 1 MB header name', `$response.header.${'h'.repeat(1_000_000)}`],
  ])('%s: parses or reports, and evaluates', (_name, text) => {
    withinTimeLimit(LIMIT_MS, () => {
      const parsed = parseExpression(text);
      typedOrOk(parsed);
    });
  });

  it('a template with 20,000 embedded expressions renders', () => {
    withinTimeLimit(LIMIT_MS, () => {
      const text = Array.from({ length: 20_000 }, (_, i) => `x{$inputs.a}${i}`).join('');
      const { template, problems } = compileValue(text);
      expect(problems).toEqual([]);
      expect(String(renderValue(template, scope))).toHaveLength(text.length - 20_000 * '{$inputs.a}'.length + 20_000);
    });
  });

  it('20,000 unbalanced braces are typed problems', () => {
    withinTimeLimit(LIMIT_MS, () => {
      for (const problem of compileValue('{'.repeat(20_000)).problems) expect(describeCode(problem.code)).toBeDefined();
      for (const problem of compileValue('{$'.repeat(20_000)).problems) expect(describeCode(problem.code)).toBeDefined();
    });
  });

  it('a value nested 10,000 deep (a library caller, past the YAML limit) → a typed problem, not a stack overflow', () => {
    withinTimeLimit(LIMIT_MS, () => {
      let value: unknown = '$inputs.a';
      for (let i = 0; i < 10_000; i++) value = { k: [value] };
      const { template, problems } = compileValue(value);
      expect(problems.map((p) => [p.code, p.path.length])).toEqual([['yaml-too-deep', 200]]);
      expect(renderValue(template, scope)).toBeDefined();
    });
  });

  it('a value nested 50 deep compiles and renders to the end', () => {
    let value: unknown = '$inputs.a';
    for (let i = 0; i < 50; i++) value = { k: [value] };
    let rendered = renderValue(compileValue(value).template, scope);
    for (let i = 0; i < 50; i++) rendered = (rendered as { k: unknown[] }).k[0];
    expect(rendered).toBe(1);
  });

  it('a JSON pointer of 200,000 tokens resolves or misses', () => {
    withinTimeLimit(LIMIT_MS, () => {
      const parsed = parsePointer('/0'.repeat(200_000));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(resolvePointer([[1]], parsed.tokens).found).toBe(false);
    });
  });
});
