/**
 * Loaded documents → Plan. Shared by `lint` and `run`: every diagnostic lint reports, run
 * reports too, before a single request is sent.
 */
import { childPointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { SourceDescriptionView } from '../expressions/scope.js';
import { CompileContext } from './compile-context.js';
import { compileWorkflow } from './compile-workflow.js';
import type { DocumentPlan, Plan, WorkflowPlan } from './plan.js';
import type { ReferenceScope, SourceInput } from './resolve-references.js';
import { setOwn } from '../document/set-own.js';

export interface DocumentInput {
  key: string;
  parsed: { value: unknown };
  sources: readonly SourceInput[];
  /** Its `$self`, resolved by the loader (Arazzo 1.1). */
  self?: string;
}

export interface PlanInput {
  rootKey: string;
  documents: ReadonlyMap<string, DocumentInput>;
}

export interface CompileResult {
  plan: Plan;
  diagnostics: Diagnostic[];
}

export function compilePlan(input: PlanInput): CompileResult {
  const workflowIds = new Map<string, Set<string>>();
  for (const [key, document] of input.documents) workflowIds.set(key, collectWorkflowIds(document.parsed.value));
  const documents = new Map<string, DocumentPlan>();
  const diagnostics: Diagnostic[] = [];
  for (const [key, document] of input.documents) {
    const ctx = new CompileContext(key);
    const plan = compileDocument(ctx, document, workflowIds);
    if (plan) documents.set(key, plan);
    diagnostics.push(...ctx.diagnostics);
  }
  return { plan: { rootKey: input.rootKey, documents }, diagnostics };
}

function collectWorkflowIds(value: unknown): Set<string> {
  const workflows = isObject(value) ? ownField(value, 'workflows') : undefined;
  const ids = new Set<string>();
  if (!Array.isArray(workflows)) return ids;
  for (const workflow of workflows) {
    if (isObject(workflow) && typeof workflow.workflowId === 'string') ids.add(workflow.workflowId);
  }
  return ids;
}

function compileDocument(ctx: CompileContext, document: DocumentInput, workflowIds: Map<string, Set<string>>): DocumentPlan | undefined {
  const root = document.parsed.value;
  // undefined = the text did not parse; its YAML errors are already reported, so no cascade here.
  if (root === undefined) return undefined;
  if (!isObject(root)) {
    ctx.report('document-not-object', 'error', 'An Arazzo document must be a YAML or JSON object', '', {
      hint: 'Start the file with "arazzo: 1.0.1".',
    });
    return undefined;
  }
  const version = checkVersion(ctx, ownField(root, 'arazzo'));
  if (version === undefined) return undefined;
  ctx.arazzoVersion = version;
  const declaredSources = readSourceDescriptions(ctx, ownField(root, 'sourceDescriptions'));
  const components = isObject(root.components) ? root.components : {};
  const references: ReferenceScope = { documentKey: document.key, sources: document.sources, workflowIds, declaredSources };
  const workflows = new Map<string, WorkflowPlan>();
  const listed = ownField(root, 'workflows');
  const rawWorkflows: unknown[] = Array.isArray(listed) ? listed : [];
  if (rawWorkflows.length === 0) {
    ctx.report('workflows-missing', 'error', 'The document has no workflows', '/workflows', { hint: 'Add a workflows list.' });
  }
  rawWorkflows.forEach((raw, index) => {
    const pointer = childPointer('/workflows', index);
    const workflowId = isObject(raw) ? ownField(raw, 'workflowId') : undefined;
    if (!isObject(raw) || typeof workflowId !== 'string' || workflowId === '') {
      ctx.report('workflow-id-missing', 'error', 'A workflow needs a workflowId', pointer);
      return;
    }
    if (workflows.has(workflowId) || rawWorkflows.slice(0, index).some((w) => isObject(w) && w.workflowId === workflowId)) {
      ctx.report('workflow-id-duplicate', 'error', `workflowId "${workflowId}" is used twice`, childPointer(pointer, 'workflowId'));
      return;
    }
    const plan = compileWorkflow(ctx, references, components, raw, pointer);
    if (plan) workflows.set(workflowId, plan);
  });
  const info = ownField(root, 'info');
  const title = isObject(info) ? ownField(info, 'title') : undefined;
  return {
    key: document.key,
    arazzo: version,
    ...(typeof title === 'string' ? { title } : {}),
    ...(document.self !== undefined ? { self: document.self } : {}),
    workflows,
    sourceDescriptions: declaredSources,
    components: readComponents(components),
  };
}

/** Arazzo 1.0.x and 1.1.x (Arazzo 1.1.0 §Versions: the major.minor selects the schema and grammar). */
const SUPPORTED_VERSION = /^1\.[01]\.\d+(-.+)?$/;

function checkVersion(ctx: CompileContext, value: unknown): string | undefined {
  if (typeof value === 'string' && SUPPORTED_VERSION.test(value)) return value;
  if (typeof value === 'number') {
    ctx.report('arazzo-version-invalid', 'error', `arazzo: ${value} is a number; the version must be a string`, '/arazzo', {
      hint: 'Quote it: arazzo: "1.0.1".',
      fix: '1.0.1',
    });
  } else if (typeof value === 'string' && /^1\.\d+\.\d+/.test(value)) {
    ctx.report('arazzo-version-unsupported', 'error', `Arazzo ${value} is not supported yet; this tool runs Arazzo 1.0.x and 1.1.x`, '/arazzo', {
      hint: 'Use arazzo: 1.1.0 or 1.0.1, or a tool that supports this version.',
    });
  } else {
    ctx.report('arazzo-version-invalid', 'error', value === undefined
      ? 'The document has no "arazzo" version field'
      : `arazzo: ${JSON.stringify(value)} is not an Arazzo version`, value === undefined ? '' : '/arazzo', {
      hint: 'Start the file with "arazzo: 1.0.1".',
    });
  }
  return undefined;
}

function readSourceDescriptions(ctx: CompileContext, raw: unknown): Record<string, SourceDescriptionView> {
  const views: Record<string, SourceDescriptionView> = {};
  if (!Array.isArray(raw) || raw.length === 0) {
    ctx.report('source-descriptions-missing', 'error', 'The document has no sourceDescriptions', '/sourceDescriptions');
    return views;
  }
  raw.forEach((item, index) => {
    const pointer = childPointer('/sourceDescriptions', index);
    const name = isObject(item) ? ownField(item, 'name') : undefined;
    const url = isObject(item) ? ownField(item, 'url') : undefined;
    if (typeof name !== 'string' || typeof url !== 'string') {
      ctx.report('source-description-invalid', 'error', 'A source description needs a name and a url', pointer);
      return;
    }
    if (Object.hasOwn(views, name)) {
      ctx.report('source-name-duplicate', 'error', `Source description name "${name}" is used twice`, childPointer(pointer, 'name'));
      return;
    }
    const type = isObject(item) ? ownField(item, 'type') : undefined;
    setOwn(views, name, { name, url, ...(typeof type === 'string' ? { type } : {}) });
  });
  return views;
}

function readComponents(components: JsonObject): DocumentPlan['components'] {
  const pick = (key: string): Readonly<Record<string, unknown>> | undefined => {
    const value = ownField(components, key);
    return isObject(value) ? value : undefined;
  };
  const result: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const key of ['parameters', 'successActions', 'failureActions', 'inputs']) {
    const table = pick(key);
    if (table) result[key] = table;
  }
  return result;
}
