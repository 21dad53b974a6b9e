/**
 * Every runtime expression in a compiled value or criterion, in document order: the trees the run
 * evaluates, walked again for what the plan checks about them (1.1 grammar, implicit dependencies).
 */
import type { CompiledCriterion } from '../criteria/compiled-criterion.js';
import { walkCondition } from '../criteria/simple-condition.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';

export function templateExpressions(value: ValueTemplate, visit: (expression: RuntimeExpression) => void): void {
  switch (value.kind) {
    case 'literal':
      return;
    case 'expression':
      return visit(value.expression);
    case 'template':
      for (const part of value.parts) if (typeof part !== 'string') visit(part);
      return;
    case 'object':
      for (const [, entry] of value.entries) templateExpressions(entry, visit);
      return;
    case 'array':
      for (const item of value.items) templateExpressions(item, visit);
      return;
    case 'selector':
      return visit(value.context);
  }
}

export function criterionExpressions(criterion: CompiledCriterion, visit: (expression: RuntimeExpression) => void): void {
  if ('context' in criterion) visit(criterion.context);
  if ('condition' in criterion) walkCondition(criterion.condition, (node) => {
    if (node.type === 'expression') visit(node.expression);
  });
  if ('template' in criterion) templateExpressions(criterion.template, visit);
}
