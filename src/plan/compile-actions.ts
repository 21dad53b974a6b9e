/** Success and Failure Action Objects (spec: Success Action Object, Failure Action Object). */
import { childPointer } from '../diagnostics/diagnostic.js';
import { ownField, type JsonObject } from '../document/model.js';
import type { CompileContext } from './compile-context.js';
import type { ActionPlan, ActionTarget, ParameterPlan } from './plan.js';
import { resolveWorkflowId, type ReferenceScope } from './resolve-references.js';
import { resolveEntry } from './resolve-reusable.js';
import { compileParameters } from './compile-parameters.js';

export type ActionKind = 'success' | 'failure';

export interface ActionScope {
  references: ReferenceScope;
  components: JsonObject;
  /** stepId → index in the current workflow. */
  stepIndex: ReadonlyMap<string, number>;
}

export function compileActions(ctx: CompileContext, scope: ActionScope, kind: ActionKind, raw: unknown, pointer: string): ActionPlan[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.report('document-structure', 'error', 'Actions must be a list', pointer);
    return [];
  }
  const slot = kind === 'success' ? 'successActions' : 'failureActions';
  const plans: ActionPlan[] = [];
  raw.forEach((item, index) => {
    const entry = resolveEntry(ctx, scope.components, slot, item, childPointer(pointer, index));
    if (!entry) return;
    const action = compileAction(ctx, scope, kind, entry.object, entry.pointer);
    if (!action) return;
    if (plans.some((p) => p.name === action.name)) {
      ctx.report('action-duplicate', 'error', `Action "${action.name}" is listed twice`, entry.pointer);
      return;
    }
    plans.push(action);
  });
  return plans;
}

function compileAction(ctx: CompileContext, scope: ActionScope, kind: ActionKind, object: JsonObject, pointer: string): ActionPlan | undefined {
  const name = ownField(object, 'name');
  const type = ownField(object, 'type');
  const allowed = kind === 'success' ? ['end', 'goto'] : ['end', 'goto', 'retry'];
  if (typeof name !== 'string' || name === '') {
    ctx.report('action-name-missing', 'error', 'An action needs a name', pointer);
    return undefined;
  }
  if (typeof type !== 'string' || !allowed.includes(type)) {
    ctx.report('action-type-invalid', 'error', `Action "${name}" has type ${JSON.stringify(type)}; a ${kind} action is one of ${allowed.join(', ')}`, childPointer(pointer, 'type'));
    return undefined;
  }
  const target = compileTarget(ctx, scope, object, pointer, name, type);
  if (target === null) return undefined;
  const criteria = ctx.criteria(ownField(object, 'criteria'), childPointer(pointer, 'criteria'));
  const retry = type === 'retry' ? compileRetry(ctx, object, pointer) : { retryAfterMs: 0, retryLimit: 0 };
  if (!retry) return undefined;
  const parameters = compileActionParameters(ctx, scope, object, pointer, target);
  return { pointer, name, type: type as ActionPlan['type'], ...(target ? { target } : {}), ...retry, criteria, ...(parameters.length > 0 ? { parameters } : {}) };
}

/** Arazzo 1.1.0 §Success Action Object / §Failure Action Object: parameters map to the target workflow's inputs. */
function compileActionParameters(ctx: CompileContext, scope: ActionScope, object: JsonObject, pointer: string, target: ActionTarget | undefined): ParameterPlan[] {
  const raw = ownField(object, 'parameters');
  if (raw === undefined || !ctx.arazzoVersion.startsWith('1.1.')) return [];
  const parameters = compileParameters(ctx, scope.components, raw, childPointer(pointer, 'parameters'));
  if (target?.kind !== 'workflow' && parameters.length > 0) {
    ctx.report('action-parameters-without-workflow', 'error', 'Action parameters are passed to a target workflow; this action has no workflowId', childPointer(pointer, 'parameters'));
  }
  return parameters;
}

/** undefined: no target; null: a broken target (already reported). */
function compileTarget(
  ctx: CompileContext,
  scope: ActionScope,
  object: JsonObject,
  pointer: string,
  name: string,
  type: string,
): ActionTarget | undefined | null {
  const stepId = ownField(object, 'stepId');
  const workflowId = ownField(object, 'workflowId');
  if (stepId !== undefined && workflowId !== undefined) {
    ctx.report('action-target-ambiguous', 'error', `Action "${name}" sets both stepId and workflowId`, pointer);
    return null;
  }
  if (stepId === undefined && workflowId === undefined) {
    if (type !== 'goto') return undefined;
    ctx.report('action-target-missing', 'error', `goto action "${name}" needs a stepId or a workflowId`, pointer);
    return null;
  }
  if (type === 'end') {
    ctx.report('action-end-with-target', 'warning', `end action "${name}" ignores its ${stepId !== undefined ? 'stepId' : 'workflowId'}`, pointer);
    return undefined;
  }
  if (typeof stepId === 'string') {
    const index = scope.stepIndex.get(stepId);
    if (index === undefined) {
      ctx.report('action-target-not-found', 'error', `Action "${name}" goes to step "${stepId}", which is not a step of this workflow`, childPointer(pointer, 'stepId'), {
        hint: `Steps here: ${[...scope.stepIndex.keys()].join(', ')}.`,
      });
      return null;
    }
    return { kind: 'step', index, stepId };
  }
  if (typeof workflowId !== 'string') {
    ctx.report('document-structure', 'error', `Action "${name}" has a non-string target`, pointer);
    return null;
  }
  const workflow = resolveWorkflowId(ctx, scope.references, workflowId, childPointer(pointer, 'workflowId'));
  return workflow ? { kind: 'workflow', workflow } : null;
}

function compileRetry(ctx: CompileContext, object: JsonObject, pointer: string): { retryAfterMs: number; retryLimit: number } | undefined {
  const after = ownField(object, 'retryAfter');
  const limit = ownField(object, 'retryLimit');
  if (after !== undefined && (typeof after !== 'number' || !(after >= 0) || !Number.isFinite(after))) {
    ctx.report('action-retry-after-invalid', 'error', 'retryAfter must be a non-negative number of seconds', childPointer(pointer, 'retryAfter'));
    return undefined;
  }
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
    ctx.report('action-retry-limit-invalid', 'error', 'retryLimit must be a non-negative integer', childPointer(pointer, 'retryLimit'));
    return undefined;
  }
  // Spec: "If not specified then a single retry SHALL be attempted."
  return { retryAfterMs: Math.round((after ?? 0) * 1000), retryLimit: limit ?? 1 };
}

/**
 * Workflow-level actions apply to every step; a step may override one by name but never remove
 * it (spec: Workflow Object successActions/failureActions). Step actions come first.
 */
export function mergeActions(step: readonly ActionPlan[], workflow: readonly ActionPlan[]): ActionPlan[] {
  return [...step, ...workflow.filter((w) => !step.some((s) => s.name === w.name))];
}
