/**
 * Embedded `{$…}` in regex/JSONPath conditions (checklist §12.12; 1.1 makes it explicit).
 * Only conditions containing `{$` take this path; bare `$…` is never substituted here,
 * because `$` is JSONPath's root and a regex anchor.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { ValueTemplate } from '../expressions/ast.js';
import { compileValue } from '../expressions/compile-value.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import type { ExpressionScope } from '../expressions/scope.js';

export interface ConditionTemplate {
  /** Set only when the condition really embeds an expression. */
  template?: ValueTemplate;
  problems: Problem[];
}

export function compileConditionTemplate(condition: string): ConditionTemplate {
  if (!condition.includes('{$')) return { problems: [] };
  const { template, problems } = compileValue(condition, { bareExpressions: false });
  return template.kind === 'template' ? { template, problems } : { problems };
}

export type RenderedCondition = { ok: true; text: string } | { ok: false; reason: string };

/**
 * A missing embedded value fails the criterion instead of rendering as '': `^{$inputs.p}`
 * would otherwise become `^` and match everything.
 */
export function renderConditionTemplate(template: ValueTemplate, scope: ExpressionScope): RenderedCondition {
  const misses: string[] = [];
  const rendered = renderValue(template, scope, (expression, reason) => misses.push(`${expression.text}: ${reason}`));
  if (misses.length > 0) return { ok: false, reason: `embedded expression has no value (${misses.join('; ')})` };
  return typeof rendered === 'string' ? { ok: true, text: rendered } : { ok: false, reason: 'condition template did not render to text' };
}
