/** Step Object (spec: Step Object) → StepPlan. */
import { compileJsonPath, locateJsonPath } from '../criteria/jsonpath.js';
import type { PointerTokens } from '../expressions/ast.js';
import { isSelectorObject } from './compile-selector.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { parsePointer } from '../expressions/json-pointer.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import { asyncSourceOf, findAsyncChannel } from './async-channel.js';
import { compileActions, mergeActions, type ActionScope } from './compile-actions.js';
import type { CompileContext } from './compile-context.js';
import { compileParameters, mergeParameters } from './compile-parameters.js';
import { compileXSecurity } from './compile-x-security.js';
import type { ActionPlan, OutputPlan, ParameterPlan, ReplacementPlan, RequestBodyPlan, SecurityEntryPlan, StepPlan, StepTarget } from './plan.js';
import { resolveOperationId, resolveOperationPath, resolveWorkflowId } from './resolve-references.js';

export interface WorkflowDefaults {
  parameters: readonly ParameterPlan[];
  successActions: readonly ActionPlan[];
  failureActions: readonly ActionPlan[];
  /** The workflow's x-security (Redocly extension): applies to every step after the step's own. */
  security?: readonly SecurityEntryPlan[];
}

const OUTPUT_NAME = /^[a-zA-Z0-9.\-_]+$/;

export function compileStep(
  ctx: CompileContext,
  scope: ActionScope,
  defaults: WorkflowDefaults,
  raw: JsonObject,
  index: number,
  pointer: string,
): StepPlan | undefined {
  const stepId = ownField(raw, 'stepId') as string;
  const target = compileTarget(ctx, scope, raw, pointer);
  const bodies: ParameterPlan[] = [];
  const parameters = compileParameters(ctx, scope.components, ownField(raw, 'parameters'), childPointer(pointer, 'parameters'), bodies);
  checkParameterLocations(ctx, target, parameters);
  const requestBody = bodyFromParameters(ctx, compileRequestBody(ctx, ownField(raw, 'requestBody'), childPointer(pointer, 'requestBody'), target), bodies);
  const successCriteria = ctx.criteria(ownField(raw, 'successCriteria'), childPointer(pointer, 'successCriteria'));
  const onSuccess = compileActions(ctx, scope, 'success', ownField(raw, 'onSuccess'), childPointer(pointer, 'onSuccess'));
  const onFailure = compileActions(ctx, scope, 'failure', ownField(raw, 'onFailure'), childPointer(pointer, 'onFailure'));
  const outputs = compileOutputs(ctx, ownField(raw, 'outputs'), childPointer(pointer, 'outputs'));
  const security = [...compileXSecurity(ctx, ownField(raw, 'x-security'), childPointer(pointer, 'x-security'), target?.kind === 'operation' ? target.operation : undefined), ...(defaults.security ?? [])];
  if (!target) return undefined;
  checkAsyncFields(ctx, scope, target, raw, pointer);
  return {
    pointer,
    stepId,
    index,
    target,
    parameters: mergeParameters(defaults.parameters, parameters),
    ...(requestBody ? { requestBody } : {}),
    successCriteria,
    onSuccess: mergeActions(onSuccess, defaults.successActions),
    onFailure: mergeActions(onFailure, defaults.failureActions),
    outputs,
    ...(security.length > 0 ? { security } : {}),
    ...compileStepExtras11(ctx, raw, pointer),
  };
}

/** Arazzo 1.1.0 §Step Object: dependsOn, correlationId and timeout (the schema checks their shapes). */
function compileStepExtras11(ctx: CompileContext, raw: JsonObject, pointer: string): Pick<StepPlan, 'dependsOn' | 'correlationId' | 'timeout'> {
  const dependsOn = ownField(raw, 'dependsOn');
  const correlationId = ownField(raw, 'correlationId');
  const timeout = ownField(raw, 'timeout');
  return {
    ...(Array.isArray(dependsOn) ? { dependsOn: dependsOn.filter((d): d is string => typeof d === 'string') } : {}),
    ...(correlationId !== undefined ? { correlationId: ctx.value(correlationId, childPointer(pointer, 'correlationId')) } : {}),
    ...(typeof timeout === 'number' ? { timeout } : {}),
  };
}

/**
 * Arazzo 1.1.0 §Step Object `action` ("the type of action to perform when using an asyncapi
 * source") and `correlationId` ("only applicable to asyncapi steps with action receive").
 */
function checkAsyncFields(ctx: CompileContext, scope: ActionScope, target: StepTarget, raw: JsonObject, pointer: string): void {
  if (!ctx.arazzoVersion.startsWith('1.1.')) return;
  const stepId = ownField(raw, 'stepId') as string;
  if (target.kind === 'asyncapi') {
    const sources = Object.values(scope.references.declaredSources);
    if (ownField(raw, 'action') !== undefined && target.source?.type !== 'asyncapi' && (target.source !== undefined || !sources.some((source) => source.type === 'asyncapi'))) {
      const where = target.source ? `$sourceDescriptions.${target.source.name} is a ${target.source.type} source` : 'this document has no asyncapi source';
      ctx.report('step-action-misplaced', 'error', `Step "${stepId}" has action but ${where}`, childPointer(pointer, 'action'));
      return;
    }
    if (target.action === undefined) ctx.report('step-action-missing', 'error', `AsyncAPI step "${stepId}" needs action: send or receive`, pointer);
    // The operation or channel must be in the AsyncAPI document (servers are run's concern: --server may give them).
    const loaded = asyncSourceOf(target, scope.references.sources);
    const found = loaded ? findAsyncChannel(loaded.asyncapi, loaded.name, target.reference) : undefined;
    if (found && !found.ok) ctx.report(found.problem.code, 'error', `Step "${stepId}": ${found.problem.message}`, childPointer(pointer, target.reference.field), found.problem.hint ? { hint: found.problem.hint } : {});
  }
  if (ownField(raw, 'correlationId') !== undefined && !(target.kind === 'asyncapi' && target.action === 'receive')) {
    ctx.report('step-correlation-id-ignored', 'warning', `Step "${stepId}" has a correlationId, which only an AsyncAPI receive step uses`, childPointer(pointer, 'correlationId'));
  }
}

/** Operation steps need `in` (on workflowId steps parameters are the child's inputs: lint warns about `in`). */
function checkParameterLocations(ctx: CompileContext, target: StepTarget | undefined, parameters: readonly ParameterPlan[]): void {
  if (target?.kind !== 'operation') return;
  for (const parameter of parameters) {
    if (parameter.in === 'channel') {
      ctx.report('parameter-in-invalid', 'error', `Parameter "${parameter.name}" has in: channel, which only asyncapi steps take`, childPointer(parameter.pointer, 'in'));
    }
    if (parameter.in === undefined) {
      ctx.report('parameter-in-missing', 'error', `Parameter "${parameter.name}" of an operation step needs "in" (path, query, header or cookie)`, parameter.pointer);
    }
  }
}

/** Arazzo 1.0.0 `in: body` parameters (already reported) become the payload when there is no requestBody. */
function bodyFromParameters(ctx: CompileContext, requestBody: RequestBodyPlan | undefined, bodies: readonly ParameterPlan[]): RequestBodyPlan | undefined {
  for (const extra of requestBody ? bodies : bodies.slice(1)) {
    ctx.report('parameter-in-body-conflict', 'error', `Parameter "${extra.name}" (in: body) competes with ${requestBody ? 'the step requestBody' : 'another in: body parameter'}`, extra.pointer, {
      hint: 'Send one body: use the requestBody.',
    });
  }
  const body = bodies[0];
  if (requestBody || !body) return requestBody;
  return { pointer: body.pointer, payload: body.value, replacements: [] };
}

const QUALIFIED_SOURCE = /^\$sourceDescriptions\.([A-Za-z0-9_-]+)\./;

/**
 * Arazzo 1.1.0 §Step Object: a step is an asyncapi step when it has channelPath or action, or its
 * operationId/operationPath names an `asyncapi` source description.
 */
function asyncApiTarget(ctx: CompileContext, scope: ActionScope, raw: JsonObject): StepTarget | undefined {
  if (!ctx.arazzoVersion.startsWith('1.1.')) return undefined;
  const field = (['channelPath', 'operationPath', 'operationId'] as const).find((f) => typeof ownField(raw, f) === 'string');
  const text = field ? (ownField(raw, field) as string) : undefined;
  const name = text ? QUALIFIED_SOURCE.exec(text)?.[1] : undefined;
  const source = name ? scope.references.declaredSources[name] : undefined;
  const action = ownField(raw, 'action');
  const named = source?.type === 'asyncapi';
  if (!field || !text || (!named && field !== 'channelPath' && action === undefined)) return undefined;
  return {
    kind: 'asyncapi',
    reference: { field, text },
    ...(source ? { source } : {}),
    ...(action === 'send' || action === 'receive' ? { action } : {}),
  };
}

function compileTarget(ctx: CompileContext, scope: ActionScope, raw: JsonObject, pointer: string): StepTarget | undefined {
  const asyncapi = asyncApiTarget(ctx, scope, raw);
  if (asyncapi) return asyncapi;
  const fields = (['operationId', 'operationPath', 'workflowId'] as const).filter((f) => ownField(raw, f) !== undefined);
  if (fields.length !== 1) {
    ctx.report(fields.length === 0 ? 'step-target-missing' : 'step-target-multiple', 'error', fields.length === 0
      ? 'A step needs one of operationId, operationPath or workflowId'
      : `A step takes only one of operationId, operationPath, workflowId (found ${fields.join(', ')})`, pointer);
    return undefined;
  }
  const field = fields[0]!;
  const text = ownField(raw, field);
  const fieldPointer = childPointer(pointer, field);
  if (typeof text !== 'string') {
    ctx.report('document-structure', 'error', `${field} must be a string`, fieldPointer);
    return undefined;
  }
  if (field === 'workflowId') {
    const workflow = resolveWorkflowId(ctx, scope.references, text, fieldPointer);
    return workflow ? { kind: 'workflow', workflow } : undefined;
  }
  const match = field === 'operationId'
    ? resolveOperationId(ctx, scope.references, text, fieldPointer)
    : resolveOperationPath(ctx, scope.references, text, fieldPointer);
  if (!match) return undefined;
  const source = scope.references.declaredSources[match.source.name] ?? { name: match.source.name, url: match.source.url, type: 'openapi' };
  return { kind: 'operation', operation: match.operation, source: { ...source, url: match.source.location } };
}

function compileRequestBody(ctx: CompileContext, raw: unknown, pointer: string, target: StepTarget | undefined): RequestBodyPlan | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    ctx.report('document-structure', 'error', 'requestBody must be an object', pointer);
    return undefined;
  }
  const contentType = ownField(raw, 'contentType');
  if (contentType !== undefined && typeof contentType !== 'string') {
    ctx.report('document-structure', 'error', 'requestBody.contentType must be a string', childPointer(pointer, 'contentType'));
  }
  const payload = Object.hasOwn(raw, 'payload') ? ctx.value(raw.payload, childPointer(pointer, 'payload')) : undefined;
  const replacements = compileReplacements(ctx, ownField(raw, 'replacements'), childPointer(pointer, 'replacements'), isXmlBody(contentType, raw.payload, target));
  return {
    pointer,
    ...(typeof contentType === 'string' ? { contentType } : {}),
    ...(payload ? { payload } : {}),
    replacements,
  };
}

/** Replacement targets into an XML body are XPath (spec: Payload Replacement Object target). */
function isXmlBody(contentType: unknown, payload: unknown, target: StepTarget | undefined): boolean {
  const xml = (type: string): boolean => /[/+]xml\b/i.test(type);
  if (typeof contentType === 'string') return xml(contentType);
  if (typeof payload === 'string' && payload.trimStart().startsWith('<')) return true;
  const declared = target?.kind === 'operation' ? target.operation.requestBody?.contentTypes ?? [] : [];
  return declared.length > 0 && declared.every(xml);
}

/** Arazzo 1.1.0 §Payload Replacement Object: `targetSelectorType` as a string or an Expression Type Object. */
function readTargetSelectorType(raw: unknown): string | undefined {
  const type = isObject(raw) ? ownField(raw, 'type') : raw;
  const version = isObject(raw) ? ownField(raw, 'version') : undefined;
  if (type === 'jsonpath' && version !== undefined && version !== 'rfc9535') return `jsonpath ${String(version)} (only rfc9535 targets are supported)`;
  return typeof type === 'string' ? type : undefined;
}

function compileReplacements(ctx: CompileContext, raw: unknown, pointer: string, xmlBody: boolean): ReplacementPlan[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.report('document-structure', 'error', 'replacements must be a list', pointer);
    return [];
  }
  return raw.flatMap((item, index): ReplacementPlan[] => {
    const itemPointer = childPointer(pointer, index);
    const target = isObject(item) ? ownField(item, 'target') : undefined;
    if (!isObject(item) || typeof target !== 'string' || !Object.hasOwn(item, 'value')) {
      ctx.report('replacement-invalid', 'error', 'A replacement needs a target (JSON pointer) and a value', itemPointer);
      return [];
    }
    const selectorType = readTargetSelectorType(ownField(item, 'targetSelectorType'));
    if (selectorType === 'jsonpath' && ctx.arazzoVersion.startsWith('1.1.') && !xmlBody) {
      const query = compileJsonPath(target);
      if (!query.ok) {
        ctx.reportProblem({ ...query.problem, code: 'replacement-target-invalid', severity: 'error' }, childPointer(itemPointer, 'target'));
        return [];
      }
      const locate = (payload: unknown): PointerTokens[] => locateJsonPath(query.query, payload).map((path) => path.map(String));
      return [{ pointer: itemPointer, target: [], locate, value: ctx.value(item.value, childPointer(itemPointer, 'value')) }];
    }
    if (selectorType !== undefined && selectorType !== 'jsonpointer' && selectorType !== 'jsonpath' && selectorType !== 'xpath') {
      ctx.report('replacement-target-invalid', 'error', `targetSelectorType ${selectorType} is not jsonpath, jsonpointer or xpath`, childPointer(itemPointer, 'targetSelectorType'));
      return [];
    }
    if (xmlBody || selectorType === 'xpath' || (target !== '' && !target.startsWith('/'))) {
      const xpath = xmlBody || selectorType === 'xpath' || target.startsWith('//') || /[[@()]/.test(target);
      ctx.report(xpath ? 'replacement-xpath-unsupported' : 'replacement-target-invalid', 'error', xpath
        ? `XPath replacement targets are not supported yet ("${target}")`
        : `Replacement target "${target}" is not a JSON pointer`, childPointer(itemPointer, 'target'), {
        hint: 'Use a JSON pointer such as /petId.',
      });
      return [];
    }
    const parsed = parsePointer(target);
    if (!parsed.ok) {
      ctx.reportProblem(parsed.problem, childPointer(itemPointer, 'target'));
      return [];
    }
    return [{ pointer: itemPointer, target: parsed.tokens, value: ctx.value(item.value, childPointer(itemPointer, 'value')) }];
  });
}

export function compileOutputs(ctx: CompileContext, raw: unknown, pointer: string): OutputPlan[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    ctx.report('document-structure', 'error', 'outputs must be a map of names to runtime expressions', pointer);
    return [];
  }
  return Object.entries(raw).map(([name, value]) => {
    const outputPointer = childPointer(pointer, name);
    if (!OUTPUT_NAME.test(name)) {
      ctx.report('output-name-invalid', 'error', `Output name "${name}" must match ^[a-zA-Z0-9.\\-_]+$`, outputPointer);
    }
    // Arazzo 1.1.0 §Step Object outputs: {expression} | Selector Object.
    const selector = ctx.arazzoVersion.startsWith('1.1.') && isSelectorObject(value);
    if (typeof value !== 'string' && !selector) {
      ctx.report('output-not-expression', 'error', `Output "${name}" must be a runtime expression string${ctx.arazzoVersion.startsWith('1.1.') ? ' or a Selector Object' : ''}, not ${JSON.stringify(value)}`, outputPointer);
    }
    return { pointer: outputPointer, name, value: ctx.value(value, outputPointer, 'output') };
  });
}
