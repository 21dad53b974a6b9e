/**
 * Arazzo 1.1.0 §Step Dependencies and Execution Order, "Tool Behavior": an output reference
 * (`$steps.<id>.outputs…`) is an implicit dependency, so the steps a step reads are found in its
 * compiled templates and criteria (the trees the run evaluates, not the text again).
 */
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import type { CriterionPlan, StepPlan } from './plan.js';
import { criterionExpressions, templateExpressions } from './template-expressions.js';

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
