/**
 * The lint fix for a seed-style JSONPath comparison (checklist §12.8): the same condition
 * as a Simple criterion, each `$.a[0]` rewritten as the context expression plus a JSON
 * pointer: context `$response.body`, `$.state == "x"` → `$response.body#/state == 'x'`.
 */
import type { RuntimeExpression } from '../expressions/ast.js';
import { formatPointer } from '../expressions/json-pointer.js';
import { formatCondition } from './format-condition.js';
import { parseCondition } from './parse-condition.js';
import type { ConditionNode, NavigationStep } from './simple-condition.js';

/** The pointer already on the context expression, or undefined when it takes none. */
function contextPointer(context: RuntimeExpression): readonly string[] | undefined | 'none' {
  switch (context.kind) {
    case 'request':
    case 'response':
      return context.source.kind === 'body' ? context.source.pointer : 'none';
    case 'inputs':
    case 'outputs':
    case 'steps':
    case 'workflows':
      return context.pointer;
    default:
      return 'none';
  }
}

/** Characters that end or split a pointer inside a condition, so the fix would mean something else. */
const UNSAFE_IN_POINTER = /[\s()[\]=!<>&|'"{}]/;

function renderPath(context: RuntimeExpression, steps: readonly NavigationStep[]): string | undefined {
  const existing = contextPointer(context);
  if (existing === 'none') return undefined;
  if (steps.some((step) => step.kind === 'property' && UNSAFE_IN_POINTER.test(step.name))) return undefined;
  if (steps.length === 0) return context.text;
  const pointer = formatPointer(steps.map((step) => (step.kind === 'index' ? String(step.index) : step.name)));
  return existing === undefined ? `${context.text}#${pointer}` : `${context.text}${pointer}`;
}

/**
 * Undefined when the context cannot carry a pointer, or when the printed text would not
 * parse back (a pointer in a condition ends at whitespace, brackets and operators).
 */
export function comparisonFix(ast: ConditionNode, context: RuntimeExpression): string | undefined {
  const fix = formatCondition(ast, (steps) => renderPath(context, steps));
  if (fix === undefined) return undefined;
  return parseCondition(fix).ok ? fix : undefined;
}
