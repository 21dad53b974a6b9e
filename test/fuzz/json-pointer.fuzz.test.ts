/**
 * Issue 6 › fuzzing JSON Pointer (RFC 6901, used by `body#/…`): parsing gives tokens that format
 * back to the same text, or a typed problem; resolving any tokens against any value never throws
 * and finds own properties only — `__proto__`, `constructor` and friends are never inherited.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCode } from '../../src/diagnostics/codes.js';
import { formatPointer, parsePointer, resolvePointer } from '../../src/expressions/json-pointer.js';
import { expressionText, jsonish } from './support/arbitraries.js';
import { FUZZ_RUNS, FUZZ_TIME_LIMIT_MS, withinTimeLimit } from './support/within-time-limit.js';

const pointerText = fc.oneof(expressionText, fc.array(expressionText, { maxLength: 4 }).map((tokens) => tokens.map((t) => `/${t}`).join('')));

/** Walks the same tokens by hand with own-property rules: what the pointer must agree with. */
function ownWalk(value: unknown, tokens: readonly string[]): { found: boolean; value?: unknown } {
  let current = value;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= current.length) return { found: false };
      current = current[Number(token)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

describe('Issue 6 › fuzz: JSON pointer', () => {
  it(`parsePointer round-trips or reports; resolvePointer reads own properties only (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(pointerText, jsonish, (text, value) => {
        const parsed = parsePointer(text);
        if (!parsed.ok) {
          expect(describeCode(parsed.problem.code)).toBeDefined();
          return;
        }
        expect(formatPointer(parsed.tokens)).toBe(text);
        const resolved = resolvePointer(value, parsed.tokens);
        const expected = ownWalk(value, parsed.tokens);
        expect(resolved.found).toBe(expected.found);
        if (resolved.found) expect(Object.is(resolved.value, expected.value)).toBe(true);
        else expect(typeof resolved.reason).toBe('string');
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });
});
