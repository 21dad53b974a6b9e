/** Turns the document's textual references (operationId, operationPath, workflowId) into targets. */
import type { SourceDescriptionView } from '../expressions/scope.js';
import type { CompileContext } from './compile-context.js';
import type { ResolvedOperation } from './operation.js';
import type { OperationIndex } from './operation-index.js';
import type { WorkflowRef } from './plan.js';

export interface SourceInput {
  name: string;
  url: string;
  location: string;
  type: 'openapi' | 'arazzo' | 'asyncapi';
  pointer: string;
  operations?: OperationIndex;
  documentKey?: string;
  /** An asyncapi source's document, as its parser resolved it. */
  asyncapi?: unknown;
}

export interface ReferenceScope {
  documentKey: string;
  sources: readonly SourceInput[];
  /** workflowIds declared in each loaded document, by document key. */
  workflowIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** Names of every source description declared in this document (loaded or not). */
  declaredSources: Readonly<Record<string, SourceDescriptionView>>;
}

const QUALIFIED = /^\$sourceDescriptions\.([A-Za-z0-9_-]+)\.(.+)$/;

export type OperationMatch = { operation: ResolvedOperation; source: SourceInput };

export function resolveOperationId(ctx: CompileContext, scope: ReferenceScope, text: string, pointer: string): OperationMatch | undefined {
  return checkNeededRefs(ctx, findOperationById(ctx, scope, text, pointer), pointer);
}

export function resolveOperationPath(ctx: CompileContext, scope: ReferenceScope, text: string, pointer: string): OperationMatch | undefined {
  return checkNeededRefs(ctx, findOperationByPath(ctx, scope, text, pointer), pointer);
}

/** The operation's parameters and body are resolved now; a $ref they need that is broken is an error here. */
function checkNeededRefs(ctx: CompileContext, match: OperationMatch | undefined, pointer: string): OperationMatch | undefined {
  const problems = match?.source.operations?.problemsOf(match.operation) ?? [];
  if (match && problems.length > 0) {
    const name = match.operation.operationId ?? `${match.operation.method} ${match.operation.path}`;
    ctx.report('source-unresolvable', 'error', `Operation ${name} of source "${match.source.name}" needs a $ref that cannot be resolved: ${problems.join('; ')}`, pointer, {
      hint: 'Fix the $ref in the OpenAPI document, or add the file it names.',
    });
  }
  return match;
}

function findOperationById(ctx: CompileContext, scope: ReferenceScope, text: string, pointer: string): OperationMatch | undefined {
  const qualified = QUALIFIED.exec(text);
  if (qualified) {
    const [, sourceName, operationId] = qualified as unknown as [string, string, string];
    const source = findSource(ctx, scope, sourceName, pointer);
    if (!source) return undefined;
    if (source.type !== 'openapi' || !source.operations) {
      ctx.report('operation-not-found', 'error', `Source "${sourceName}" is not an OpenAPI description`, pointer);
      return undefined;
    }
    return lookupOperation(ctx, source, operationId, pointer);
  }
  const openapi = scope.sources.filter((s) => s.type === 'openapi' && s.operations);
  const dot = text.indexOf('.');
  if (dot > 0) {
    // Redocly style "sourceName.operationId": accepted, but not the spec's form.
    const source = openapi.find((s) => s.name === text.slice(0, dot));
    const operation = source?.operations?.byOperationId.get(text.slice(dot + 1));
    if (source && operation) {
      ctx.report('operation-id-source-prefix', 'warning', `"${text}" is not the spec's form for a qualified operationId`, pointer, {
        fix: `$sourceDescriptions.${source.name}.${text.slice(dot + 1)}`,
        hint: 'Write $sourceDescriptions.<name>.<operationId>.',
      });
      return { operation, source };
    }
  }
  const matches = openapi.flatMap((source) => {
    const operation = source.operations?.byOperationId.get(text);
    return operation ? [{ operation, source }] : [];
  });
  if (matches.length === 1) {
    if (openapi.length > 1) {
      ctx.report('operation-id-unqualified', 'warning', `operationId "${text}" is not qualified, but the document has ${openapi.length} OpenAPI sources`, pointer, {
        fix: `$sourceDescriptions.${matches[0]!.source.name}.${text}`,
        hint: 'The spec asks for $sourceDescriptions.<name>.<operationId> when there are several sources.',
      });
    }
    return matches[0];
  }
  if (matches.length > 1) {
    ctx.report('operation-ambiguous', 'error', `operationId "${text}" exists in several sources: ${matches.map((m) => m.source.name).join(', ')}`, pointer, {
      hint: `Qualify it, e.g. $sourceDescriptions.${matches[0]!.source.name}.${text}.`,
    });
    return undefined;
  }
  // A source that failed to load may hold the operation; its loading error was already reported.
  const loaded = new Set(scope.sources.map((s) => s.name));
  if (openapi.length === 0 || Object.values(scope.declaredSources).some((s) => s.type !== 'arazzo' && !loaded.has(s.name))) return undefined;
  ctx.report('operation-not-found', 'error', `No operation with operationId "${text}" in ${openapi.map((s) => s.name).join(', ')}`, pointer, {
    hint: suggest(text, openapi.flatMap((s) => [...(s.operations?.byOperationId.keys() ?? [])])),
  });
  return undefined;
}

function lookupOperation(ctx: CompileContext, source: SourceInput, operationId: string, pointer: string): OperationMatch | undefined {
  const operation = source.operations?.byOperationId.get(operationId);
  if (operation) return { operation, source };
  ctx.report('operation-not-found', 'error', `No operation with operationId "${operationId}" in source "${source.name}"`, pointer, {
    hint: suggest(operationId, [...(source.operations?.byOperationId.keys() ?? [])]),
  });
  return undefined;
}

const OPERATION_PATH = /^\{\$sourceDescriptions\.([A-Za-z0-9_-]+)\.url\}#(.*)$/;
const SHORT_OPERATION_PATH = /^([A-Za-z0-9_-]+)#(\/.*)$/;

function findOperationByPath(ctx: CompileContext, scope: ReferenceScope, text: string, pointer: string): OperationMatch | undefined {
  let match = OPERATION_PATH.exec(text);
  if (!match) {
    match = SHORT_OPERATION_PATH.exec(text);
    if (!match || !scope.declaredSources[match[1]!]) {
      ctx.report('operation-path-invalid', 'error', `operationPath "${text}" is not of the form {$sourceDescriptions.<name>.url}#<JSON pointer>`, pointer, {
        hint: "Example: '{$sourceDescriptions.petStore.url}#/paths/~1pets~1{petId}/get'.",
      });
      return undefined;
    }
    ctx.report('operation-path-short-form', 'warning', `operationPath "${text}" uses a source name instead of {$sourceDescriptions.${match[1]}.url}`, pointer, {
      fix: `{$sourceDescriptions.${match[1]}.url}#${match[2]}`,
    });
  }
  const [, sourceName, jsonPointer] = match as unknown as [string, string, string];
  const source = findSource(ctx, scope, sourceName, pointer);
  if (!source?.operations) return undefined;
  const operation = source.operations.byPointer.get(jsonPointer);
  if (operation) return { operation, source };
  const isPathItem = source.operations.operations.some((o) => o.pointer.startsWith(`${jsonPointer}/`));
  ctx.report('operation-path-not-found', 'error', isPathItem
    ? `operationPath points at a Path Item, not an Operation: add the method, e.g. ${jsonPointer}/get`
    : `operationPath pointer ${jsonPointer} matches no operation in source "${sourceName}"`, pointer, {
    hint: 'The pointer must end with the HTTP method; escape "/" in the path as ~1.',
  });
  return undefined;
}

/** A workflowId as written in a step, action or dependsOn: local, or $sourceDescriptions.<name>.<id>. */
export function resolveWorkflowId(ctx: CompileContext, scope: ReferenceScope, text: string, pointer: string): WorkflowRef | undefined {
  const qualified = QUALIFIED.exec(text);
  if (qualified) {
    const [, sourceName, workflowId] = qualified as unknown as [string, string, string];
    const source = findSource(ctx, scope, sourceName, pointer);
    const declaredType = scope.declaredSources[sourceName]?.type;
    if ((source?.type ?? declaredType) === 'openapi') {
      ctx.report('workflow-not-found', 'error', `Source "${sourceName}" is an OpenAPI description, so it has no workflow "${workflowId}"`, pointer);
      return undefined;
    }
    if (!source) return undefined;
    if (source.type !== 'arazzo' || !source.documentKey) {
      ctx.report('workflow-not-found', 'error', `Source "${sourceName}" is not an Arazzo document, so it has no workflow "${workflowId}"`, pointer);
      return undefined;
    }
    if (!scope.workflowIds.has(source.documentKey)) return undefined; // not loaded: the loader reported why
    if (!scope.workflowIds.get(source.documentKey)?.has(workflowId)) {
      ctx.report('workflow-not-found', 'error', `Workflow "${workflowId}" does not exist in source "${sourceName}"`, pointer);
      return undefined;
    }
    return { documentKey: source.documentKey, workflowId };
  }
  const local = scope.workflowIds.get(scope.documentKey);
  if (local?.has(text)) return { documentKey: scope.documentKey, workflowId: text };
  ctx.report('workflow-not-found', 'error', `No workflow with workflowId "${text}" in this document`, pointer, {
    hint: suggest(text, [...(local ?? [])]) ?? 'Workflows in other documents are written $sourceDescriptions.<name>.<workflowId>.',
  });
  return undefined;
}

function findSource(ctx: CompileContext, scope: ReferenceScope, name: string, pointer: string): SourceInput | undefined {
  const source = scope.sources.find((s) => s.name === name);
  if (source) return source;
  if (!scope.declaredSources[name]) {
    ctx.report('source-not-found', 'error', `No source description named "${name}"`, pointer, {
      hint: suggest(name, Object.keys(scope.declaredSources)),
    });
  }
  return undefined; // declared but failed to load: that error was reported by the loader
}

/** "Did you mean" for a mistyped identifier: the closest candidate by edit distance. */
export function suggest(text: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(text.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best || best.distance > Math.max(2, Math.floor(text.length / 3))) {
    return candidates.length > 0 && candidates.length <= 8 ? `Known: ${candidates.join(', ')}.` : undefined;
  }
  return `Did you mean "${best.candidate}"?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

