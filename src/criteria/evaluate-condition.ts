/**
 * Evaluates a parsed Simple condition against a scope. No eval: a walk over the tree.
 * A runtime expression that cannot be resolved is "missing" (undefined), never an error.
 */
import { evaluateExpression } from '../expressions/evaluate-expression.js';
import type { ExpressionScope } from '../expressions/scope.js';
import { compareValues, isTruthy } from './compare-values.js';
import type { ConditionNode, NavigationStep } from './simple-condition.js';

export type ConditionResult = { value: boolean } | { error: string };

/**
 * `context` is the value `$.…` context paths start from (jsonpath-comparison criteria);
 * leave it undefined for plain Simple conditions.
 */
export function evaluateCondition(ast: ConditionNode, scope: ExpressionScope, context?: unknown): ConditionResult {
  try {
    return { value: test(ast, scope, context) };
  } catch (error) {
    // Defensive: the walk itself does not throw, but a bug must fail the criterion, not the run.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function test(node: ConditionNode, scope: ExpressionScope, context: unknown): boolean {
  switch (node.type) {
    case 'not':
      return !test(node.operand, scope, context);
    case 'and':
      return test(node.left, scope, context) && test(node.right, scope, context);
    case 'or':
      return test(node.left, scope, context) || test(node.right, scope, context);
    case 'compare':
      return compareValues(node.operator, valueOf(node.left, scope, context), valueOf(node.right, scope, context));
    default:
      return isTruthy(valueOf(node, scope, context));
  }
}

/** The value of an operand; logical sub-trees yield their boolean. */
function valueOf(node: ConditionNode, scope: ExpressionScope, context: unknown): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'expression': {
      const evaluation = evaluateExpression(node.expression, scope);
      return evaluation.found ? navigate(evaluation.value, node.steps) : undefined;
    }
    case 'contextPath':
      return navigate(context, node.steps);
    default:
      return test(node, scope, context);
  }
}

/** Own properties and in-range indexes only; anything else is missing. */
function navigate(value: unknown, steps: readonly NavigationStep[]): unknown {
  let current = value;
  for (const step of steps) {
    current = stepInto(current, step);
    if (current === undefined) return undefined;
  }
  return current;
}

function stepInto(container: unknown, step: NavigationStep): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  if (Array.isArray(container)) {
    const index = step.kind === 'index' ? step.index : arrayIndex(step.name);
    return index === undefined ? undefined : container[index];
  }
  if (step.kind === 'index') return undefined;
  return Object.hasOwn(container, step.name) ? (container as Record<string, unknown>)[step.name] : undefined;
}

/** `.0` on an array reads index 0, as `#/0` does in a JSON pointer. */
function arrayIndex(name: string): number | undefined {
  return /^(?:0|[1-9][0-9]*)$/.test(name) ? Number(name) : undefined;
}
