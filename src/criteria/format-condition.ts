/**
 * Prints a condition tree back as Simple-condition text (single-quoted strings, minimal
 * parentheses). Used for lint fixes, e.g. rewriting `$.state == "x"` for a context.
 */
import type { RuntimeExpression } from '../expressions/ast.js';
import { quoteSingle } from './double-quote-warning.js';
import type { ConditionNode, LiteralValue, NavigationStep } from './simple-condition.js';

/** Renders a `$.…` context path as an operand, or undefined when it has no Simple form. */
export type ContextPathRenderer = (steps: readonly NavigationStep[]) => string | undefined;

const PRECEDENCE: Record<ConditionNode['type'], number> = {
  or: 1,
  and: 2,
  compare: 3,
  not: 4,
  literal: 5,
  expression: 5,
  contextPath: 5,
};

class Unprintable extends Error {}

/** Undefined when a context path cannot be rendered (or no renderer was given). */
export function formatCondition(node: ConditionNode, renderContextPath?: ContextPathRenderer): string | undefined {
  try {
    return format(node, renderContextPath);
  } catch (error) {
    if (error instanceof Unprintable) return undefined;
    throw error;
  }
}

function format(node: ConditionNode, render: ContextPathRenderer | undefined): string {
  const child = (sub: ConditionNode, minimum: number): string => {
    const text = format(sub, render);
    return PRECEDENCE[sub.type] < minimum ? `(${text})` : text;
  };
  switch (node.type) {
    case 'literal':
      return formatLiteral(node.value);
    case 'expression':
      return node.expression.text + formatExpressionSteps(node.expression, node.steps);
    case 'contextPath': {
      const text = render?.(node.steps);
      if (text === undefined) throw new Unprintable();
      return text;
    }
    case 'not':
      return `!${child(node.operand, PRECEDENCE.not)}`;
    case 'compare':
      // Comparisons do not chain, so a nested comparison always needs parentheses.
      return `${child(node.left, PRECEDENCE.not)} ${node.operator} ${child(node.right, PRECEDENCE.not)}`;
    case 'and':
      return `${child(node.left, PRECEDENCE.and)} && ${child(node.right, PRECEDENCE.and)}`;
    case 'or':
      return `${child(node.left, PRECEDENCE.or)} || ${child(node.right, PRECEDENCE.or)}`;
  }
}

function formatLiteral(value: LiteralValue): string {
  if (typeof value === 'string') return quoteSingle(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Unprintable();
  return JSON.stringify(value);
}

const SIMPLE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Names and pointers of runtime expressions may contain dots, so `.name` straight after one
 * would be read as part of it; only a plain `$response.body`, or a previous step, is safe.
 */
function formatExpressionSteps(expression: RuntimeExpression, steps: readonly NavigationStep[]): string {
  const dotSafeStart = /\.body$/.test(expression.text);
  return steps
    .map((step, i) => {
      if (step.kind === 'index') return `[${step.index}]`;
      const dotSafe = (i > 0 || dotSafeStart) && SIMPLE_NAME.test(step.name);
      return dotSafe ? `.${step.name}` : `[${quoteSingle(step.name)}]`;
    })
    .join('');
}
