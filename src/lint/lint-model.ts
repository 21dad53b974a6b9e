/**
 * The raw document as lint rules see it: workflows and steps with reusable objects resolved,
 * operations and workflow targets looked up, actions merged as the runner merges them. Built from
 * the raw value (not the plan) so a workflow that failed to compile is still checked.
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import { CompileContext } from '../plan/compile-context.js';
import type { ResolvedOperation } from '../plan/operation.js';
import { resolveInputRefs } from '../plan/resolve-input-refs.js';
import { resolveOperationId, resolveOperationPath, resolveWorkflowId, type ReferenceScope } from '../plan/resolve-references.js';
import { resolveEntry, type ComponentSlot } from '../plan/resolve-reusable.js';
import type { LintDocument } from './lint-input.js';
import { setOwn } from '../document/set-own.js';

export interface LintParameter {
  /** Pointer of the list entry (the Reusable Object itself for a reference). */
  site: string;
  name: string;
  in?: unknown;
  pointer: string;
  value: unknown;
  valuePointer: string;
}

export interface LintAction {
  /** Pointer of the list entry (the Reusable Object itself for a reference). */
  site: string;
  name: string;
  type: string;
  pointer: string;
  raw: JsonObject;
  hasCriteria: boolean;
  /** Index of the goto/retry target step in this workflow. */
  targetStep?: number;
  /** A goto/retry to a workflow (transfer, or a detour for retry). */
  targetsWorkflow: boolean;
}

export interface LintStep {
  index: number;
  pointer: string;
  stepId: string;
  raw: JsonObject;
  kind: 'operation' | 'workflow' | 'none';
  operation?: ResolvedOperation;
  /** For workflowId steps: the local workflow it calls, when it is in this document. */
  calls?: string;
  parameters: LintParameter[];
  outputNames: ReadonlySet<string>;
  /** Step actions first, then the workflow's not overridden by name (as the runner merges them). */
  onSuccess: LintAction[];
  onFailure: LintAction[];
}

export interface LintWorkflow {
  pointer: string;
  workflowId: string;
  raw: JsonObject;
  steps: LintStep[];
  stepIndex: ReadonlyMap<string, number>;
  inputsSchema?: unknown;
  outputNames: ReadonlySet<string>;
  parameters: LintParameter[];
}

export interface LintModel {
  file: string;
  root: JsonObject;
  components: JsonObject;
  workflows: LintWorkflow[];
  byId: ReadonlyMap<string, LintWorkflow>;
  references: ReferenceScope;
}

export function buildLintModel(document: LintDocument, workflowIds: ReadonlyMap<string, ReadonlySet<string>>): LintModel | undefined {
  const root = document.parsed.value;
  if (!isObject(root)) return undefined;
  const file = document.key;
  const components = isObject(root.components) ? root.components : {};
  const references: ReferenceScope = { documentKey: file, sources: document.sources, workflowIds, declaredSources: readDeclaredSources(root) };
  const quiet = new CompileContext(file); // lookups only; the compiler already reported their problems
  const listed = ownField(root, 'workflows');
  const workflows: LintWorkflow[] = [];
  (Array.isArray(listed) ? listed : []).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.workflowId !== 'string') return;
    workflows.push(buildWorkflow(quiet, references, components, raw, childPointer('/workflows', index)));
  });
  const byId = new Map<string, LintWorkflow>();
  for (const workflow of workflows) if (!byId.has(workflow.workflowId)) byId.set(workflow.workflowId, workflow);
  return { file, root, components, workflows, byId, references };
}

function readDeclaredSources(root: JsonObject): ReferenceScope['declaredSources'] {
  const declared: Record<string, { name: string; url: string; type?: string }> = {};
  const list = ownField(root, 'sourceDescriptions');
  for (const item of Array.isArray(list) ? list : []) {
    if (!isObject(item) || typeof item.name !== 'string' || typeof item.url !== 'string' || Object.hasOwn(declared, item.name)) continue;
    setOwn(declared, item.name, { name: item.name, url: item.url, ...(typeof item.type === 'string' ? { type: item.type } : {}) });
  }
  return declared;
}

type Quiet = CompileContext;

function buildWorkflow(quiet: Quiet, references: ReferenceScope, components: JsonObject, raw: JsonObject, pointer: string): LintWorkflow {
  const rawSteps = ownField(raw, 'steps');
  const stepList = Array.isArray(rawSteps) ? rawSteps : [];
  const stepIndex = new Map<string, number>();
  stepList.forEach((step, i) => {
    if (isObject(step) && typeof step.stepId === 'string' && !stepIndex.has(step.stepId)) stepIndex.set(step.stepId, i);
  });
  const context: WorkflowContext = { quiet, references, components, stepIndex };
  const workflowActions = {
    success: readActions(context, 'successActions', ownField(raw, 'successActions'), childPointer(pointer, 'successActions')),
    failure: readActions(context, 'failureActions', ownField(raw, 'failureActions'), childPointer(pointer, 'failureActions')),
  };
  const steps: LintStep[] = [];
  stepList.forEach((step, index) => {
    if (!isObject(step) || typeof step.stepId !== 'string') return;
    steps.push(buildStep(context, workflowActions, step, index, childPointer(childPointer(pointer, 'steps'), index)));
  });
  const inputs = ownField(raw, 'inputs');
  return {
    pointer,
    workflowId: raw.workflowId as string,
    raw,
    steps,
    stepIndex,
    ...(inputs !== undefined ? { inputsSchema: resolveInputRefs(quiet, components, inputs, childPointer(pointer, 'inputs')) } : {}),
    outputNames: namesOf(ownField(raw, 'outputs')),
    parameters: readParameters(context, ownField(raw, 'parameters'), childPointer(pointer, 'parameters')),
  };
}

interface WorkflowContext {
  quiet: Quiet;
  references: ReferenceScope;
  components: JsonObject;
  stepIndex: ReadonlyMap<string, number>;
}

function buildStep(
  context: WorkflowContext,
  inherited: { success: LintAction[]; failure: LintAction[] },
  raw: JsonObject,
  index: number,
  pointer: string,
): LintStep {
  const target = readTarget(context, raw, pointer);
  const merge = (own: LintAction[], workflow: LintAction[]): LintAction[] => [...own, ...workflow.filter((w) => !own.some((o) => o.name === w.name))];
  return {
    index,
    pointer,
    stepId: raw.stepId as string,
    raw,
    ...target,
    parameters: readParameters(context, ownField(raw, 'parameters'), childPointer(pointer, 'parameters')),
    outputNames: namesOf(ownField(raw, 'outputs')),
    onSuccess: merge(readActions(context, 'successActions', ownField(raw, 'onSuccess'), childPointer(pointer, 'onSuccess')), inherited.success),
    onFailure: merge(readActions(context, 'failureActions', ownField(raw, 'onFailure'), childPointer(pointer, 'onFailure')), inherited.failure),
  };
}

function readTarget(context: WorkflowContext, raw: JsonObject, pointer: string): Pick<LintStep, 'kind' | 'operation' | 'calls'> {
  const { quiet, references } = context;
  const operationId = ownField(raw, 'operationId');
  const operationPath = ownField(raw, 'operationPath');
  const workflowId = ownField(raw, 'workflowId');
  if (typeof workflowId === 'string' && operationId === undefined && operationPath === undefined) {
    const ref = resolveWorkflowId(quiet, references, workflowId, pointer);
    return { kind: 'workflow', ...(ref && ref.documentKey === references.documentKey ? { calls: ref.workflowId } : {}) };
  }
  if (typeof operationId === 'string' && operationPath === undefined && workflowId === undefined) {
    const match = resolveOperationId(quiet, references, operationId, pointer);
    return { kind: 'operation', ...(match ? { operation: match.operation } : {}) };
  }
  if (typeof operationPath === 'string' && operationId === undefined && workflowId === undefined) {
    const match = resolveOperationPath(quiet, references, operationPath, pointer);
    return { kind: 'operation', ...(match ? { operation: match.operation } : {}) };
  }
  return { kind: operationId !== undefined || operationPath !== undefined ? 'operation' : 'none' };
}

function readParameters(context: WorkflowContext, raw: unknown, pointer: string): LintParameter[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item, index): LintParameter[] => {
    const entry = resolveEntry(context.quiet, context.components, 'parameters', item, childPointer(pointer, index));
    if (!entry || typeof entry.object.name !== 'string') return [];
    const value = entry.valueOverride ?? { value: ownField(entry.object, 'value'), pointer: childPointer(entry.pointer, 'value') };
    return [{ site: childPointer(pointer, index), name: entry.object.name, in: ownField(entry.object, 'in'), pointer: entry.pointer, value: value.value, valuePointer: value.pointer }];
  });
}

function readActions(context: WorkflowContext, slot: ComponentSlot, raw: unknown, pointer: string): LintAction[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item, index): LintAction[] => {
    const entry = resolveEntry(context.quiet, context.components, slot, item, childPointer(pointer, index));
    if (!entry) return [];
    const { object } = entry;
    const criteria = ownField(object, 'criteria');
    const stepId = ownField(object, 'stepId');
    const targetStep = typeof stepId === 'string' ? context.stepIndex.get(stepId) : undefined;
    return [{
      site: childPointer(pointer, index),
      name: typeof object.name === 'string' ? object.name : '',
      type: typeof object.type === 'string' ? object.type : '',
      pointer: entry.pointer,
      raw: object,
      hasCriteria: Array.isArray(criteria) && criteria.length > 0,
      ...(targetStep !== undefined ? { targetStep } : {}),
      targetsWorkflow: typeof ownField(object, 'workflowId') === 'string',
    }];
  });
}

const namesOf = (outputs: unknown): ReadonlySet<string> => new Set(isObject(outputs) ? Object.keys(outputs) : []);
