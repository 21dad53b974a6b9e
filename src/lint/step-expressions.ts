/** The runtime expressions a step evaluates (its own fields), and those of workflow-level fields. */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import { expressionsInCriteria, expressionsInValue, type FoundExpression } from './collect-expressions.js';
import type { LintParameter, LintStep, LintWorkflow } from './lint-model.js';

export type Site = 'request' | 'criteria' | 'outputs' | 'actions';

export type SiteExpression = FoundExpression & { site: Site };

const tag = (site: Site, found: FoundExpression[]): SiteExpression[] => found.map((f) => ({ ...f, site }));

/** Several rules read the same step; its expressions are collected once. */
const cache = new WeakMap<LintStep, SiteExpression[]>();

export function stepExpressions(step: LintStep): SiteExpression[] {
  let found = cache.get(step);
  if (!found) {
    found = collectStepExpressions(step);
    cache.set(step, found);
  }
  return found;
}

function collectStepExpressions(step: LintStep): SiteExpression[] {
  const { raw, pointer } = step;
  const body = ownField(raw, 'requestBody');
  const bodyPointer = childPointer(pointer, 'requestBody');
  const replacements = isObject(body) ? ownField(body, 'replacements') : undefined;
  const ownActions = [...step.onSuccess, ...step.onFailure].filter((a) => a.site.startsWith(`${pointer}/`));
  return [
    ...tag('request', step.parameters.flatMap(parameterExpressions)),
    ...tag('request', isObject(body) && Object.hasOwn(body, 'payload') ? expressionsInValue(body.payload, childPointer(bodyPointer, 'payload')) : []),
    ...tag('request', Array.isArray(replacements)
      ? replacements.flatMap((r, i) => (isObject(r) ? expressionsInValue(r.value, childPointer(childPointer(childPointer(bodyPointer, 'replacements'), i), 'value')) : []))
      : []),
    ...tag('criteria', expressionsInCriteria(ownField(raw, 'successCriteria'), childPointer(pointer, 'successCriteria'))),
    ...tag('outputs', expressionsInValue(ownField(raw, 'outputs'), childPointer(pointer, 'outputs'))),
    ...tag('actions', ownActions.flatMap((a) => expressionsInCriteria(ownField(a.raw, 'criteria'), childPointer(a.pointer, 'criteria')))),
  ];
}

/** Workflow-level parameters and actions: evaluated for every step, so no step order applies. */
export function workflowLevelExpressions(workflow: LintWorkflow): FoundExpression[] {
  const { raw, pointer } = workflow;
  const actions = (key: string): FoundExpression[] => {
    const list = ownField(raw, key);
    return Array.isArray(list)
      ? list.flatMap((a, i) => (isObject(a) ? expressionsInCriteria(ownField(a, 'criteria'), childPointer(childPointer(childPointer(pointer, key), i), 'criteria')) : []))
      : [];
  };
  return [
    ...workflow.parameters.flatMap(parameterExpressions),
    ...actions('successActions'),
    ...actions('failureActions'),
  ];
}

/** A shared component's value is reported where the step uses it (the Reusable Object). */
function parameterExpressions(parameter: LintParameter): FoundExpression[] {
  const found = expressionsInValue(parameter.value, parameter.valuePointer);
  if (parameter.valuePointer.startsWith(`${parameter.site}/`)) return found;
  return found.map(({ expression }) => ({ expression, pointer: parameter.site, offset: 0 }));
}

export function workflowOutputExpressions(workflow: LintWorkflow): FoundExpression[] {
  return expressionsInValue(ownField(workflow.raw, 'outputs'), childPointer(workflow.pointer, 'outputs'));
}
