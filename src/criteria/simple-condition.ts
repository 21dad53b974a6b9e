/**
 * The Simple condition language of the Criterion Object (spec: "Literals", "Operators";
 * checklist §14) as a typed tree. Parsed once by parse-condition.ts, evaluated many times
 * by evaluate-condition.ts, printed back by format-condition.ts (for lint fixes).
 *
 * Precedence, lowest first (the spec is silent; checklist §14.3 decision):
 *   ||  <  &&  <  == != < <= > >= (non-associative)  <  ! (unary)  <  operand
 */
import type { RuntimeExpression } from '../expressions/ast.js';

/** `.name` / `['name']` is a property step, `[0]` an index step (0-based). */
export type NavigationStep =
  | { kind: 'property'; name: string; offset: number }
  | { kind: 'index'; index: number; offset: number };

export type LiteralValue = boolean | null | number | string;

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Every node carries `offset`: where its text starts inside the condition string. */
export type ConditionNode =
  | { type: 'literal'; value: LiteralValue; offset: number }
  /** A runtime expression followed by navigation: `$response.body#/items[0].id`. */
  | { type: 'expression'; expression: RuntimeExpression; steps: readonly NavigationStep[]; offset: number }
  /**
   * `$.state`, `$.items[0].id`: a singular path into the criterion's context value. Only
   * produced with `contextPaths: true` (the seed-style "JSONPath comparison", §12.8).
   */
  | { type: 'contextPath'; steps: readonly NavigationStep[]; offset: number }
  | { type: 'not'; operand: ConditionNode; offset: number }
  | { type: 'compare'; operator: ComparisonOperator; left: ConditionNode; right: ConditionNode; offset: number }
  | { type: 'and'; left: ConditionNode; right: ConditionNode; offset: number }
  | { type: 'or'; left: ConditionNode; right: ConditionNode; offset: number };

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['==', '!=', '<', '<=', '>', '>='];

/** Depth-first walk; `visit` sees every node once, parents before children. */
export function walkCondition(node: ConditionNode, visit: (node: ConditionNode) => void): void {
  visit(node);
  switch (node.type) {
    case 'not':
      walkCondition(node.operand, visit);
      return;
    case 'compare':
    case 'and':
    case 'or':
      walkCondition(node.left, visit);
      walkCondition(node.right, visit);
      return;
    default:
      return;
  }
}
