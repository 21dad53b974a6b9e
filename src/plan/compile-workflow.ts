/** Workflow Object (spec: Workflow Object) → WorkflowPlan. */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import { compileActions, type ActionScope } from './compile-actions.js';
import type { CompileContext } from './compile-context.js';
import { compileParameters } from './compile-parameters.js';
import { compileOutputs, compileStep } from './compile-step.js';
import { compileXSecurity } from './compile-x-security.js';
import type { StepPlan, WorkflowPlan, WorkflowRef } from './plan.js';
import { resolveWorkflowId, type ReferenceScope } from './resolve-references.js';
import { resolveInputRefs } from './resolve-input-refs.js';
import { stepsRead } from './steps-read.js';

export function compileWorkflow(
  ctx: CompileContext,
  references: ReferenceScope,
  components: JsonObject,
  raw: JsonObject,
  pointer: string,
): WorkflowPlan | undefined {
  const workflowId = ownField(raw, 'workflowId') as string;
  const rawSteps = ownField(raw, 'steps');
  if (!Array.isArray(rawSteps) || rawSteps.length === 0) {
    ctx.report('workflow-steps-missing', 'error', `Workflow "${workflowId}" has no steps`, pointer, { hint: 'Add at least one step.' });
    return undefined;
  }
  const stepIndex = indexSteps(ctx, rawSteps, childPointer(pointer, 'steps'));
  const scope: ActionScope = { references, components, stepIndex };
  const defaults = {
    parameters: compileParameters(ctx, components, ownField(raw, 'parameters'), childPointer(pointer, 'parameters')),
    successActions: compileActions(ctx, scope, 'success', ownField(raw, 'successActions'), childPointer(pointer, 'successActions')),
    failureActions: compileActions(ctx, scope, 'failure', ownField(raw, 'failureActions'), childPointer(pointer, 'failureActions')),
    security: compileXSecurity(ctx, ownField(raw, 'x-security'), childPointer(pointer, 'x-security')),
  };
  let steps: StepPlan[] = [];
  rawSteps.forEach((step, index) => {
    if (!isObject(step) || typeof step.stepId !== 'string') return; // reported by indexSteps
    const plan = compileStep(ctx, scope, defaults, step, index, childPointer(childPointer(pointer, 'steps'), index));
    if (plan) steps.push(plan);
  });
  if (ctx.arazzoVersion.startsWith('1.1.')) {
    checkStepDependsOn(ctx, steps);
    steps = withJoins(steps);
  }
  const dependsOn = compileDependsOn(ctx, references, ownField(raw, 'dependsOn'), childPointer(pointer, 'dependsOn'));
  const outputs = compileOutputs(ctx, ownField(raw, 'outputs'), childPointer(pointer, 'outputs'));
  const inputs = ownField(raw, 'inputs');
  const summary = ownField(raw, 'summary');
  const description = ownField(raw, 'description');
  if (steps.length !== rawSteps.length) return undefined;
  return {
    pointer,
    ref: { documentKey: references.documentKey, workflowId },
    workflowId,
    ...(typeof summary === 'string' ? { summary } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    ...(inputs !== undefined ? { inputsSchema: resolveInputRefs(ctx, components, inputs, childPointer(pointer, 'inputs')) } : {}),
    dependsOn,
    steps,
    outputs,
  };
}

/**
 * Arazzo 1.1.0 §Step Object dependsOn: "tools supporting only sequential execution MUST execute
 * steps in an order that satisfies" it. This runner starts steps in document order, so a step may
 * depend only on steps before it; an unknown step is an error too. A step of another workflow
 * (`$workflows.<id>.steps.<id>`, `$sourceDescriptions.…`) is not waited for: a warning says so.
 */
function checkStepDependsOn(ctx: CompileContext, steps: readonly StepPlan[]): void {
  const order = new Map(steps.map((step, index) => [step.stepId, index] as const));
  steps.forEach((step, index) => {
    (step.dependsOn ?? []).forEach((dependency, at) => {
      const where = childPointer(childPointer(step.pointer, 'dependsOn'), at);
      if (dependency.startsWith('$')) {
        ctx.report('step-depends-on-external', 'warning', `Step "${step.stepId}" depends on ${dependency}, a step of another workflow, which is not waited for (only steps of the same workflow are)`, where);
        return;
      }
      const target = order.get(dependency);
      if (target === undefined) ctx.report('step-depends-on-unknown', 'error', `Step "${step.stepId}" depends on "${dependency}", which is not a step of this workflow`, where, { hint: `Steps: ${[...order.keys()].join(', ')}.` });
      else if (target >= index) ctx.report('step-depends-on-order', 'error', `Step "${step.stepId}" depends on "${dependency}", which comes ${target === index ? 'at the same place' : 'after it'}; steps start in document order`, where, { hint: `Move "${dependency}" before "${step.stepId}".` });
    });
  });
}

/**
 * Arazzo 1.1.0 §Step Dependencies and Execution Order, "Use Case: Async Coordination": dependsOn
 * is a join point for in-flight async work. An AsyncAPI step that a later step depends on is
 * started without blocking; the steps that depend on it, or read its outputs, wait for it first.
 */
function withJoins(steps: readonly StepPlan[]): StepPlan[] {
  const awaited = new Set(steps.flatMap((step) => (step.dependsOn ?? []).filter((dependency) => !dependency.startsWith('$'))));
  const detached = new Set(steps.filter((step) => step.target.kind === 'asyncapi' && awaited.has(step.stepId)).map((step) => step.stepId));
  if (detached.size === 0) return [...steps];
  return steps.map((step) => {
    const joins = [...new Set([...(step.dependsOn ?? []), ...stepsRead(step)])].filter((stepId) => detached.has(stepId) && stepId !== step.stepId);
    return { ...step, ...(detached.has(step.stepId) ? { runsDetached: true as const } : {}), ...(joins.length > 0 ? { joins } : {}) };
  });
}

function indexSteps(ctx: CompileContext, rawSteps: unknown[], pointer: string): Map<string, number> {
  const index = new Map<string, number>();
  rawSteps.forEach((step, i) => {
    const stepPointer = childPointer(pointer, i);
    const stepId = isObject(step) ? ownField(step, 'stepId') : undefined;
    if (typeof stepId !== 'string' || stepId === '') {
      ctx.report('step-id-missing', 'error', 'A step needs a stepId', stepPointer);
    } else if (index.has(stepId)) {
      ctx.report('step-id-duplicate', 'error', `stepId "${stepId}" is used twice in this workflow`, childPointer(stepPointer, 'stepId'));
    } else {
      index.set(stepId, i);
    }
  });
  return index;
}

function compileDependsOn(ctx: CompileContext, references: ReferenceScope, raw: unknown, pointer: string): WorkflowRef[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.report('document-structure', 'error', 'dependsOn must be a list of workflowIds', pointer);
    return [];
  }
  return raw.flatMap((id, index) => {
    if (typeof id !== 'string') return [];
    const ref = resolveWorkflowId(ctx, references, id, childPointer(pointer, index));
    return ref ? [ref] : [];
  });
}
