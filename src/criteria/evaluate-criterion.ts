/**
 * CompiledCriterion × scope → passed or not, with a reason (spec: Criterion Object;
 * checklist §12.4-12.12). Never throws: an evaluation error fails the criterion and says
 * why (1.1 clarifies), so the engine can log it and pick the failure path.
 */
import type { RuntimeExpression } from '../expressions/ast.js';
import { evaluateExpression } from '../expressions/evaluate-expression.js';
import type { ExpressionScope } from '../expressions/scope.js';
import { renderConditionTemplate } from './compile-condition-template.js';
import { compilePattern } from './compile-regex-criterion.js';
import type { CompiledCriterion } from './compiled-criterion.js';
import { evaluateCondition } from './evaluate-condition.js';
import { compileJsonPath, queryGoessner, queryJsonPath } from './jsonpath.js';

export interface CriterionResult {
  passed: boolean;
  reason?: string;
}

const pass: CriterionResult = { passed: true };
const fail = (reason: string): CriterionResult => ({ passed: false, reason });

export function evaluateCriterion(criterion: CompiledCriterion, scope: ExpressionScope): CriterionResult {
  try {
    return evaluateKind(criterion, scope);
  } catch (error) {
    return fail(`evaluation error in "${criterion.source}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** All criteria must pass (AND); the first failure is reported with its index. */
export function evaluateCriteria(
  criteria: readonly CompiledCriterion[],
  scope: ExpressionScope,
): CriterionResult & { failedIndex?: number } {
  for (const [index, criterion] of criteria.entries()) {
    const result = evaluateCriterion(criterion, scope);
    if (!result.passed) return { ...result, failedIndex: index };
  }
  return pass;
}

function evaluateKind(criterion: CompiledCriterion, scope: ExpressionScope): CriterionResult {
  if (criterion.kind === 'simple') {
    const result = evaluateCondition(criterion.condition, scope);
    if ('error' in result) return fail(`evaluation error in "${criterion.source}": ${result.error}`);
    return result.value ? pass : fail(`condition is false: ${criterion.source}`);
  }
  const context = readContext(criterion.context, scope);
  if (!context.ok) return fail(context.reason);
  return evaluateOnContext(criterion, context.value, scope);
}

type ContextValue = { ok: true; value: unknown } | { ok: false; reason: string };

/** Missing or null context fails the criterion (checklist §12.5, §12.6). */
function readContext(context: RuntimeExpression, scope: ExpressionScope): ContextValue {
  const evaluation = evaluateExpression(context, scope);
  if (!evaluation.found) return { ok: false, reason: `context ${context.text} has no value: ${evaluation.reason}` };
  if (evaluation.value === null) return { ok: false, reason: `context ${context.text} is null` };
  return { ok: true, value: evaluation.value };
}

function evaluateOnContext(criterion: Exclude<CompiledCriterion, { kind: 'simple' }>, value: unknown, scope: ExpressionScope): CriterionResult {
  switch (criterion.kind) {
    case 'regex':
      return testPattern(criterion.pattern, value, criterion.source);
    case 'regex-template': {
      const rendered = renderConditionTemplate(criterion.template, scope);
      if (!rendered.ok) return fail(rendered.reason);
      const compiled = compilePattern(rendered.text);
      return compiled.ok ? testPattern(compiled.pattern, value, rendered.text) : fail(`invalid regex after substitution: ${compiled.problem.message}`);
    }
    case 'jsonpath':
      return nonEmpty(queryJsonPath(criterion.query, value), criterion.source);
    case 'jsonpath-template': {
      const rendered = renderConditionTemplate(criterion.template, scope);
      if (!rendered.ok) return fail(rendered.reason);
      const compiled = compileJsonPath(rendered.text);
      return compiled.ok ? nonEmpty(queryJsonPath(compiled.query, value), rendered.text) : fail(`invalid JSONPath after substitution: ${compiled.problem.message}`);
    }
    case 'jsonpath-comparison': {
      const result = evaluateCondition(criterion.condition, scope, value);
      if ('error' in result) return fail(`evaluation error in "${criterion.source}": ${result.error}`);
      return result.value ? pass : fail(`condition is false on the context: ${criterion.source}`);
    }
    case 'goessner':
      return nonEmpty(queryGoessner(criterion.path, value), criterion.path);
  }
}

/** Regex criteria test the context as text: scalars via String, objects/arrays as JSON. */
function testPattern(pattern: RegExp, value: unknown, source: string): CriterionResult {
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return pattern.test(text) ? pass : fail(`${JSON.stringify(text.slice(0, 80))} does not match /${source}/`);
}

/** JSONPath criteria pass when the nodelist is not empty (1.1 clarifies; checklist §12.6). */
function nonEmpty(nodes: readonly unknown[], source: string): CriterionResult {
  return nodes.length > 0 ? pass : fail(`JSONPath ${source} selected nothing`);
}
