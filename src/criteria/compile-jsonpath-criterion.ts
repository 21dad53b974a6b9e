/**
 * `type: jsonpath` (checklist §12.6-12.8, §12.10, §12.12): RFC 9535 by default, the
 * seed-style comparison form as a warned fallback, Goessner when the type object asks.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression } from '../expressions/ast.js';
import { compileConditionTemplate } from './compile-condition-template.js';
import { hasError, inField, type CriterionCompilation } from './compiled-criterion.js';
import { comparisonFix } from './jsonpath-comparison-fix.js';
import { compileGoessner, compileJsonPath } from './jsonpath.js';
import { parseCondition } from './parse-condition.js';
import { walkCondition, type ConditionNode } from './simple-condition.js';

export function compileJsonPathCriterion(condition: string, context: RuntimeExpression): CriterionCompilation {
  const embedded = compileConditionTemplate(condition);
  const problems = inField('condition', embedded.problems);
  if (hasError(problems)) return { problems };
  if (embedded.template !== undefined) {
    // The query text is only known after substitution; it is compiled at evaluation.
    return { compiled: { kind: 'jsonpath-template', context, template: embedded.template, source: condition }, problems };
  }
  const compiled = compileJsonPath(condition);
  if (compiled.ok) {
    const lint = condition.startsWith('$[?') ? [rootFilterWarning()] : [];
    return { compiled: { kind: 'jsonpath', context, query: compiled.query, source: condition }, problems: inField('condition', lint) };
  }
  return compileComparison(condition, context) ?? { problems: inField('condition', [{ ...compiled.problem, severity: 'error' }]) };
}

/** RFC 9535 filters select CHILDREN of the root, a trap the spec's own example falls into. */
function rootFilterWarning(): Problem {
  return {
    code: 'criterion-jsonpath-root-filter',
    severity: 'warning',
    offset: 1,
    message: 'a filter on $ tests the children of the context value, not the value itself',
    hint: '`$[?count(@.pets) > 0]` is empty on {"pets": [...]}; to test the root use an existence query such as `$.pets[0]`, or a simple criterion',
  };
}

/** `$.state == "x"`: not RFC 9535, but its meaning is clear (project decision, §12.8). */
function compileComparison(condition: string, context: RuntimeExpression): CriterionCompilation | undefined {
  const parsed = parseCondition(condition, { contextPaths: true });
  if (!parsed.ok || !usesContextPath(parsed.ast)) return undefined;
  const fix = comparisonFix(parsed.ast, context);
  const warning: Problem = {
    code: 'criterion-jsonpath-comparison',
    severity: 'warning',
    offset: 0,
    message: 'a comparison is not an RFC 9535 JSONPath query; evaluated as comparisons over the context value',
    hint: `make it a simple criterion (drop type and context): ${fix ?? 'compare a JSON pointer into the context'}`,
    // `fix` replaces the condition only; `type` and `context` must go too.
    ...(fix === undefined ? {} : { fix }),
  };
  // The fix already single-quotes strings, so the separate double-quote warning is dropped.
  const other = parsed.warnings.filter((w) => w.code !== 'condition-double-quoted-string');
  return {
    compiled: { kind: 'jsonpath-comparison', context, condition: parsed.ast, source: condition },
    problems: inField('condition', [warning, ...other]),
  };
}

function usesContextPath(ast: ConditionNode): boolean {
  let found = false;
  walkCondition(ast, (node) => {
    if (node.type === 'contextPath' && node.steps.length > 0) found = true;
  });
  return found;
}

export function compileGoessnerCriterion(condition: string, context: RuntimeExpression): CriterionCompilation {
  const compiled = compileGoessner(condition);
  if (!compiled.ok) return { problems: inField('condition', [{ ...compiled.problem, severity: 'error' }]) };
  return { compiled: { kind: 'goessner', context, path: compiled.path, source: condition }, problems: [] };
}
