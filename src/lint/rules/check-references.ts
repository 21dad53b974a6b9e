/**
 * What the expressions read must exist (spec: Runtime Expressions; checklist 11.6, 15.10):
 * `$steps.X.outputs.Y` — X a step of this workflow that declares Y and can have run before;
 * `$inputs.x#/p` — declared by the inputs schema; `$workflows.W.outputs.Y` and `$outputs.Y` —
 * declared outputs. Workflow outputs that read a step some successful path skips are warned.
 */
import type { RuntimeExpression } from '../../expressions/ast.js';
import type { FoundExpression } from '../collect-expressions.js';
import { canFinishWithout, reachableAfter, type ControlFlow } from '../control-flow.js';
import type { LintModel, LintStep, LintWorkflow } from '../lint-model.js';
import type { LintReport } from '../lint-report.js';
import { dotPathFix, type DotPath } from '../dot-path-fix.js';
import { lookupInput } from '../lookup-input.js';
import { stepExpressions, workflowLevelExpressions, workflowOutputExpressions } from '../step-expressions.js';

interface Scope {
  model: LintModel;
  workflow: LintWorkflow;
  flow: ControlFlow;
  report: LintReport;
}

export function checkReferences(model: LintModel, flows: ReadonlyMap<LintWorkflow, ControlFlow>, report: LintReport): void {
  for (const workflow of model.workflows) {
    const scope: Scope = { model, workflow, flow: flows.get(workflow)!, report };
    for (const step of workflow.steps) {
      for (const found of stepExpressions(step)) checkExpression(scope, found, { step });
    }
    for (const found of workflowLevelExpressions(workflow)) checkExpression(scope, found, {});
    for (const found of workflowOutputExpressions(workflow)) checkExpression(scope, found, { workflowOutput: true });
  }
}

interface Where {
  /** The step evaluating the expression (absent for workflow-level fields). */
  step?: LintStep;
  workflowOutput?: boolean;
}

function checkExpression(scope: Scope, found: FoundExpression, where: Where): void {
  const { expression } = found;
  switch (expression.kind) {
    case 'steps':
      return checkStepReference(scope, found, expression, where);
    case 'inputs':
      return checkInput(scope, found, scope.workflow, expression.name, expression.pointer ?? []);
    case 'workflows':
      return checkWorkflowReference(scope, found, expression);
    case 'outputs':
      return checkOutputsReference(scope, found, expression.name, where);
    default:
      return undefined;
  }
}

type StepsExpression = Extract<RuntimeExpression, { kind: 'steps' }>;

function checkStepReference(scope: Scope, found: FoundExpression, expression: StepsExpression, where: Where): void {
  const { workflow, report, flow } = scope;
  const at = { offset: found.offset };
  const index = workflow.stepIndex.get(expression.stepId);
  const target = workflow.steps.find((s) => s.index === index);
  if (index === undefined || !target) {
    const elsewhere = scope.model.workflows.find((w) => w !== workflow && w.stepIndex.has(expression.stepId));
    report.add('step-reference-unknown', `${expression.text}: workflow "${workflow.workflowId}" has no step "${expression.stepId}"`, found.pointer, {
      ...at,
      hint: elsewhere
        ? `"${expression.stepId}" is a step of workflow "${elsewhere.workflowId}"; $steps only sees the current workflow (use $workflows.${elsewhere.workflowId}.outputs.<name>).`
        : `Steps here: ${workflow.steps.map((s) => s.stepId).join(', ')}.`,
    });
    return;
  }
  if (expression.name !== undefined && !target.outputNames.has(expression.name)) {
    reportUndeclaredOutput(scope, found, { ...expression, name: expression.name }, target);
    return;
  }
  if (where.step && !reachableAfter(flow, index).has(where.step.index) && !readsOwnOutcome(found, where.step, index)) {
    const later = index > where.step.index ? 'comes later' : index === where.step.index ? 'is this step itself, which has not finished yet' : 'never runs before it';
    report.add('step-reference-order', `${expression.text}: step "${target.stepId}" ${later} (read by step "${where.step.stepId}")`, found.pointer, at);
    return;
  }
  if (where.workflowOutput && canFinishWithout(flow, index)) {
    report.add('output-step-may-be-skipped', `${expression.text}: workflow "${workflow.workflowId}" can finish without running step "${target.stepId}"`, found.pointer, at);
  }
}

/**
 * A step's own actions are chosen after its outputs are stored, so their criteria may read the
 * step's own outputs of this execution (checklist 6.16: a failed step still exposes its outputs).
 */
function readsOwnOutcome(found: FoundExpression, step: LintStep, index: number): boolean {
  return index === step.index && (found.pointer.startsWith(`${step.pointer}/onSuccess/`) || found.pointer.startsWith(`${step.pointer}/onFailure/`));
}

function reportUndeclaredOutput(scope: Scope, found: FoundExpression, expression: StepsExpression & { name: string }, target: LintStep): void {
  const head = `$steps.${expression.stepId}.outputs.`;
  const dotted = dotPathFix(found, head, expression.name, expression.pointer ?? [], (name) => target.outputNames.has(name));
  if (dotted) return reportDotPath(scope, found, dotted, `output "${dotted.name}" of step "${target.stepId}"`);
  const child = target.calls !== undefined ? scope.model.byId.get(target.calls) : undefined;
  if (child?.outputNames.has(expression.name) && target.outputNames.size === 0) {
    // Issue 10 item 9: several runners expose a called workflow's outputs as the step's own; so do we.
    scope.report.add('step-output-from-child', `${expression.text}: step "${target.stepId}" declares no outputs; this reads workflow "${child.workflowId}"'s output "${expression.name}" (not portable)`, found.pointer, {
      offset: found.offset,
      hint: `Declare "${expression.name}: $outputs.${expression.name}" in the outputs of step ${target.stepId}, which every runner understands.`,
    });
    return;
  }
  const declared = [...target.outputNames];
  const hint = child?.outputNames.has(expression.name)
    ? `Step ${target.stepId} calls workflow ${child.workflowId}; declare "${expression.name}: $outputs.${expression.name}" in the step outputs to expose it.`
    : declared.length > 0 ? `Outputs of ${target.stepId}: ${declared.join(', ')}.` : `Add it to the outputs of step ${target.stepId}.`;
  scope.report.add('step-output-undeclared', `${expression.text}: step "${target.stepId}" declares no output "${expression.name}"`, found.pointer, {
    offset: found.offset,
    hint,
  });
}

/**
 * Dots into a declared output or input: the runner resolves them (the declared name, then a
 * property walk), so this is a warning with the JSON-pointer rewrite, not an error.
 */
function reportDotPath(scope: Scope, found: FoundExpression, dotted: DotPath, what: string): void {
  scope.report.add('expression-dot-path', `${found.expression.text}: reads into ${what} with dots`, found.pointer, {
    offset: found.offset,
    hint: `Use a JSON pointer: ${dotted.expression}.`,
    ...(dotted.fix !== undefined ? { fix: dotted.fix } : {}),
  });
}

function checkInput(scope: Scope, found: FoundExpression, workflow: LintWorkflow, name: string, pointer: readonly string[]): void {
  const lookup = lookupInput(workflow.inputsSchema, name, pointer);
  if (lookup.result === 'declared' || lookup.result === 'unknown') return;
  const head = found.expression.kind === 'workflows' ? `$workflows.${workflow.workflowId}.inputs.` : '$inputs.';
  const exists = (n: string): boolean => ['declared', 'unknown'].includes(lookupInput(workflow.inputsSchema, n).result);
  const dotted = pointer.length === 0 ? dotPathFix(found, head, name, [], exists) : undefined;
  if (dotted) return reportDotPath(scope, found, dotted, `input "${dotted.name}"`);
  const text = found.expression.text;
  if (lookup.result === 'unlisted') {
    scope.report.add('input-reference-unlisted', `${text}: "${lookup.at}" is not listed in the inputs schema of workflow "${workflow.workflowId}", which allows other properties`, found.pointer, {
      offset: found.offset,
      hint: `Listed: ${lookup.known.join(', ')}. Add it under properties (or set additionalProperties: false to make this an error).`,
    });
    return;
  }
  const message = workflow.inputsSchema === undefined
    ? `${text}: workflow "${workflow.workflowId}" declares no inputs`
    : lookup.at === name && pointer.length === 0
      ? `${text}: input "${name}" is not declared by workflow "${workflow.workflowId}"`
      : `${text}: "${lookup.at}" is not declared in the inputs schema of workflow "${workflow.workflowId}"`;
  scope.report.add('input-reference-undeclared', message, found.pointer, {
    offset: found.offset,
    hint: lookup.known.length > 0 ? `Declared: ${lookup.known.join(', ')}.` : 'Declare it under the workflow inputs (a JSON Schema with properties).',
  });
}

type WorkflowsExpression = Extract<RuntimeExpression, { kind: 'workflows' }>;

function checkWorkflowReference(scope: Scope, found: FoundExpression, expression: WorkflowsExpression): void {
  const target = scope.model.byId.get(expression.workflowId);
  if (!target) {
    if (declaredElsewhere(scope.model, expression.workflowId)) return;
    scope.report.add('workflow-reference-unknown', `${expression.text}: no workflow "${expression.workflowId}" in this document`, found.pointer, {
      offset: found.offset,
      hint: `Workflows here: ${[...scope.model.byId.keys()].join(', ')}.`,
    });
    return;
  }
  if (expression.field === 'inputs') {
    checkInput(scope, found, target, expression.name, expression.pointer ?? []);
    return;
  }
  if (target.outputNames.has(expression.name)) return;
  const head = `$workflows.${expression.workflowId}.outputs.`;
  const dotted = dotPathFix(found, head, expression.name, expression.pointer ?? [], (name) => target.outputNames.has(name));
  if (dotted) return reportDotPath(scope, found, dotted, `output "${dotted.name}" of workflow "${target.workflowId}"`);
  scope.report.add('workflow-output-undeclared', `${expression.text}: workflow "${target.workflowId}" declares no output "${expression.name}"`, found.pointer, {
    offset: found.offset,
    hint: target.outputNames.size > 0 ? `Outputs: ${[...target.outputNames].join(', ')}.` : undefined,
  });
}

/** `$outputs.Y`: a workflowId step's child outputs, or (in workflow outputs) this workflow's own. */
function checkOutputsReference(scope: Scope, found: FoundExpression, name: string, where: Where): void {
  const owner = where.workflowOutput
    ? scope.workflow
    : where.step?.calls !== undefined ? scope.model.byId.get(where.step.calls) : undefined;
  if (!owner || owner.outputNames.has(name)) return;
  scope.report.add('output-reference-undeclared', `${found.expression.text}: workflow "${owner.workflowId}" declares no output "${name}"`, found.pointer, {
    offset: found.offset,
    hint: owner.outputNames.size > 0 ? `Outputs: ${[...owner.outputNames].join(', ')}.` : undefined,
  });
}

/** `$workflows.<id>` also sees workflows of other loaded Arazzo documents that ran in this execution. */
function declaredElsewhere(model: LintModel, workflowId: string): boolean {
  for (const [key, ids] of model.references.workflowIds) {
    if (key !== model.file && ids.has(workflowId)) return true;
  }
  return false;
}
