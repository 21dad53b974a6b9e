/**
 * Arazzo 1.1.0 §Step Dependencies and Execution Order, "Tool Behavior": an output reference
 * (`$steps.<id>.outputs…`) is an implicit dependency, so the steps a step reads are found in its
 * compiled templates and criteria (the trees the run evaluates, not the text again).
 */
import type { CompiledCriterion } from '../criteria/compiled-criterion.js';
import { walkCondition } from '../criteria/simple-condition.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import type { CriterionPlan, StepPlan } from './plan.js';

/** The stepIds whose outputs the step's parameters, body, criteria, outputs or actions read. */
export function stepsRead(step: StepPlan): Set<string> {
  const read = new Set<string>();
  const visit = (expression: RuntimeExpression): void => {
    if (expression.kind === 'steps') read.add(expression.stepId);
  };
  const template = (value: ValueTemplate | undefined): void => {
    if (value) templateExpressions(value, visit);
  };
  const criteria = (list: readonly CriterionPlan[]): void => {
    for (const plan of list) criterionExpressions(plan.criterion, visit);
  };
  for (const parameter of step.parameters) template(parameter.value);
  template(step.requestBody?.payload);
  for (const replacement of step.requestBody?.replacements ?? []) template(replacement.value);
  template(step.correlationId);
  criteria(step.successCriteria);
  for (const output of step.outputs) template(output.value);
  for (const action of [...step.onSuccess, ...step.onFailure]) {
    criteria(action.criteria);
    for (const parameter of action.parameters ?? []) template(parameter.value);
  }
  for (const entry of step.security ?? []) Object.values(entry.values).forEach(template);
  return read;
}

function templateExpressions(value: ValueTemplate, visit: (expression: RuntimeExpression) => void): void {
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

function criterionExpressions(criterion: CompiledCriterion, visit: (expression: RuntimeExpression) => void): void {
  if ('context' in criterion) visit(criterion.context);
  if ('condition' in criterion) walkCondition(criterion.condition, (node) => {
    if (node.type === 'expression') visit(node.expression);
  });
  if ('template' in criterion) templateExpressions(criterion.template, visit);
}
