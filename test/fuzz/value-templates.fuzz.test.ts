/**
 * Issue 6 › fuzzing `{...}` templates and document values (compileValue → renderValue): for any
 * document value, compiling returns a template plus typed problems located by key path and
 * offset, and rendering it against any scope never throws and never reaches a prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCode } from '../../src/diagnostics/codes.js';
import { compileValue } from '../../src/expressions/compile-value.js';
import { renderValue } from '../../src/expressions/evaluate-expression.js';
import { documentValue, scope, templateText } from './support/arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIME_LIMIT_MS, withinTimeLimit } from './support/within-time-limit.js';

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);
}

describe('Issue 6 › fuzz: {...} templates and compiled values', () => {
  it(`compileValue + renderValue on strings (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(templateText, fc.boolean(), scope, (text, bareExpressions, values) => {
        const { template, problems } = compileValue(text, { bareExpressions });
        for (const problem of problems) {
          expect(describeCode(problem.code)).toBeDefined();
          expect(problem.path).toEqual([]);
          expect(problem.offset ?? 0).toBeLessThanOrEqual(text.length);
        }
        const misses: string[] = [];
        const rendered = renderValue(template, values, (_expression, reason) => misses.push(reason));
        if (template.kind === 'template') expect(typeof rendered).toBe('string');
        if (template.kind === 'literal') expect(rendered).toBe(text);
        for (const reason of misses) expect(typeof reason).toBe('string');
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });

  it(`compileValue + renderValue on nested document values (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(documentValue, scope, (value, values) => {
        const { template, problems } = compileValue(value);
        for (const problem of problems) {
          expect(describeCode(problem.code)).toBeDefined();
          expect(typeof valueAt(value, problem.path)).toBe('string');
        }
        const rendered = renderValue(template, values);
        if (rendered !== null && typeof rendered === 'object') {
          const proto: unknown = Object.getPrototypeOf(rendered);
          expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });
});
