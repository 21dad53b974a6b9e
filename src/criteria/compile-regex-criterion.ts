/**
 * `type: regex` (checklist §12.5): an ECMAScript RegExp with search semantics (not
 * anchored; authors anchor with ^…$ as the spec example does), no flags, compiled once.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression } from '../expressions/ast.js';
import { compileConditionTemplate } from './compile-condition-template.js';
import { hasError, inField, type CriterionCompilation } from './compiled-criterion.js';

/**
 * ECMAScript regexes backtrack, so a hostile pattern from a third-party document (e.g.
 * `(a+)+$`) can pin the CPU on a crafted response. Node has no match timeout; capping the
 * pattern length bounds the worst cases we accept without forbidding real-world patterns.
 */
export const MAX_PATTERN_LENGTH = 1000;

export type PatternResult = { ok: true; pattern: RegExp } | { ok: false; problem: Problem };

export function compilePattern(source: string): PatternResult {
  if (source.length > MAX_PATTERN_LENGTH) {
    const message = `regex is ${source.length} characters; the limit is ${MAX_PATTERN_LENGTH}`;
    return { ok: false, problem: { code: 'criterion-regex-too-long', message, severity: 'error', offset: MAX_PATTERN_LENGTH } };
  }
  try {
    return { ok: true, pattern: new RegExp(source) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { code: 'criterion-invalid-regex', message: detail, severity: 'error' } };
  }
}

/**
 * The CLI lets V8 switch a regex that backtracks too much to its linear-time engine, which bounds
 * `(a+)+$` and friends. Backreferences and lookarounds cannot switch engines, so their worst case
 * stays exponential in the length of the response: worth a warning on an untrusted document.
 */
const UNBOUNDED_SYNTAX = /\\[1-9]|\\k<|\(\?<?[=!]/;

function unboundedWarning(source: string): Problem[] {
  const match = UNBOUNDED_SYNTAX.exec(source);
  if (!match) return [];
  const what = match[0].startsWith('(') ? 'a lookaround' : 'a backreference';
  return [{
    code: 'criterion-regex-unbounded',
    severity: 'warning',
    offset: match.index,
    message: `the pattern uses ${what}, so its matching time on a crafted response is not bounded`,
    hint: 'Rewrite it without backreferences and lookarounds if the document or the API is not trusted.',
  }];
}

export function compileRegexCriterion(condition: string, context: RuntimeExpression): CriterionCompilation {
  const embedded = compileConditionTemplate(condition);
  const problems = [...inField('condition', embedded.problems), ...inField('condition', unboundedWarning(condition))];
  if (hasError(problems)) return { problems };
  if (embedded.template !== undefined) {
    return { compiled: { kind: 'regex-template', context, template: embedded.template, source: condition }, problems };
  }
  const compiled = compilePattern(condition);
  if (!compiled.ok) return { problems: [...problems, ...inField('condition', [compiled.problem])] };
  return { compiled: { kind: 'regex', context, pattern: compiled.pattern, source: condition }, problems };
}
