/** Evaluation of $steps, $workflows, $sourceDescriptions and $components references. */
import type { RuntimeExpression } from './ast.js';
import { applyPointer, lookupName, missing, ownValue } from './lookup-value.js';
import type { Evaluation, ExpressionScope } from './scope.js';

type ReferenceExpression = Extract<RuntimeExpression, { kind: 'steps' | 'workflows' | 'sourceDescriptions' | 'components' }>;

export function evaluateReference(e: ReferenceExpression, scope: ExpressionScope): Evaluation {
  switch (e.kind) {
    case 'steps': {
      const outputs = ownValue(scope.steps, e.stepId, `step ${e.stepId} has not run`);
      if (!outputs.found) return outputs;
      if (e.name === undefined) return applyPointer(outputs, e.pointer, `the outputs of step ${e.stepId}`);
      const value = lookupName(outputs.value, e.name, `step ${e.stepId} has no output ${e.name}`);
      return applyPointer(value, e.pointer, `output ${e.name} of step ${e.stepId}`);
    }
    case 'workflows': {
      const workflow = ownValue(scope.workflows, e.workflowId, `workflow ${e.workflowId} has not run`);
      if (!workflow.found) return workflow;
      const values = ownValue(workflow.value, e.field, `workflow ${e.workflowId} has no ${e.field}`);
      if (!values.found) return values;
      const what = e.field === 'inputs' ? 'input' : 'output';
      const value = lookupName(values.value, e.name, `workflow ${e.workflowId} has no ${what} ${e.name}`);
      return applyPointer(value, e.pointer, `${what} ${e.name} of workflow ${e.workflowId}`);
    }
    case 'sourceDescriptions':
      return evaluateSourceDescription(e.name, e.member, scope);
    case 'components': {
      const section = ownValue(scope.components, e.section, `no ${e.section} components are defined`);
      if (!section.found) return section;
      return lookupName(section.value, e.name, `component ${e.section}.${e.name} is not defined`);
    }
  }
}

const SOURCE_FIELDS: readonly string[] = ['url', 'type', 'name'];

function evaluateSourceDescription(name: string, member: string, scope: ExpressionScope): Evaluation {
  const source = ownValue(scope.sourceDescriptions, name, `source description ${name} is not defined`);
  if (!source.found) return source;
  if (!SOURCE_FIELDS.includes(member)) {
    return missing(`$sourceDescriptions.${name}.${member} names an operation or workflow, not a value`);
  }
  return ownValue(source.value, member, `source description ${name} has no ${member}`);
}
