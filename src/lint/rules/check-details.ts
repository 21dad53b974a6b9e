/**
 * Field-level checks the compiler does not make (Spectral/Redocly rule lists in competitors.md):
 * duplicate criteria and replacements, media types, retry fields outside retry, `type: simple`
 * without context, HTTP expressions in workflowId steps, an object inserted inside quotes in a
 * JSON text payload, and operationPath where an operationId exists.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../../document/model.js';
import { jsonEqual } from '../json-equal.js';
import type { LintModel, LintStep, LintWorkflow } from '../lint-model.js';
import type { LintReport } from '../lint-report.js';
import { inputSchemas, requiredInputs, schemaTypes } from '../lookup-input.js';
import { stepExpressions } from '../step-expressions.js';
import { forEachAction, forEachCriteriaList } from '../walk-document.js';

const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[^;]+)*$/;
const HTTP_SOURCES = new Set(['statusCode', 'request', 'response', 'url', 'method']);

export function checkDetails(model: LintModel, report: LintReport): void {
  forEachCriteriaList(model, (list, pointer) => checkCriteria(list, pointer, report));
  forEachAction(model, (action, pointer) => checkRetryFields(action, pointer, report));
  for (const workflow of model.workflows) {
    for (const step of workflow.steps) {
      checkRequestBody(workflow, step, report);
      checkEmbeddedBraces(step, report);
      checkActionWorkflowInputs(model, step, report);
      if (step.kind === 'workflow') checkWorkflowStepExpressions(step, report);
      if (typeof step.raw.operationPath === 'string') checkPathItemPointer(step.raw.operationPath, step, report);
      if (step.operation?.operationId !== undefined && typeof step.raw.operationPath === 'string') {
        report.add('operation-path-prefer-id', `operationPath names operation "${step.operation.operationId}"; operationId is clearer`, childPointer(step.pointer, 'operationPath'));
      }
    }
  }
}

/**
 * `#/paths/~1pets` names a Path Item, never an Operation (checklist 6.4; the spec's own
 * LoginAndRetrievePets example): visible without loading the source, so it is caught offline too.
 */
function checkPathItemPointer(operationPath: string, step: LintStep, report: LintReport): void {
  const pointer = /#(\/paths\/[^/]+)$/.exec(operationPath)?.[1];
  if (pointer === undefined) return;
  report.add('operation-path-not-found', `operationPath points at a Path Item, not an Operation: add the method, e.g. ${pointer}/get`, childPointer(step.pointer, 'operationPath'), {
    hint: 'The pointer must end with the HTTP method; escape "/" in the path as ~1.',
  });
}

function checkCriteria(list: readonly unknown[], pointer: string, report: LintReport): void {
  list.forEach((criterion, index) => {
    const at = childPointer(pointer, index);
    if (list.slice(0, index).some((earlier) => jsonEqual(earlier, criterion))) {
      report.add('criterion-duplicate', `Criterion ${index} repeats an earlier one in the same list`, at);
    }
    if (isObject(criterion) && criterion.type === 'simple' && criterion.context === undefined) {
      report.add('criterion-simple-without-context', 'type: simple is given without a context (Arazzo 1.0.1 asks for a context whenever type is set)', childPointer(at, 'type'));
    }
  });
}

function checkRetryFields(action: JsonObject, pointer: string, report: LintReport): void {
  if (action.type !== 'end' && action.type !== 'goto') return;
  for (const field of ['retryAfter', 'retryLimit']) {
    if (Object.hasOwn(action, field)) {
      report.add('action-retry-fields-ignored', `${field} on a ${String(action.type)} action is ignored; it only applies to type: retry`, childPointer(pointer, field));
    }
  }
}

function checkRequestBody(workflow: LintWorkflow, step: LintStep, report: LintReport): void {
  const body = ownField(step.raw, 'requestBody');
  if (!isObject(body)) return;
  const pointer = childPointer(step.pointer, 'requestBody');
  const contentType = ownField(body, 'contentType');
  if (typeof contentType === 'string' && !MEDIA_TYPE.test(contentType.trim())) {
    report.add('request-body-content-type-invalid', `contentType "${contentType}" is not a media type`, childPointer(pointer, 'contentType'));
  }
  const replacements = ownField(body, 'replacements');
  if (Array.isArray(replacements)) {
    replacements.forEach((r, index) => {
      const target = isObject(r) ? r.target : undefined;
      if (typeof target === 'string' && replacements.slice(0, index).some((e) => isObject(e) && e.target === target)) {
        report.add('replacement-duplicate', `Replacement target "${target}" is set twice; the later value wins`, childPointer(childPointer(pointer, 'replacements'), index));
      }
    });
  }
  if (typeof body.payload === 'string') checkQuotedObjects(workflow, step, body.payload, childPointer(pointer, 'payload'), report);
}

/** `"customer": "{$inputs.customer}"` inserts an object's JSON inside quotes: broken JSON (bnpl example). */
function checkQuotedObjects(workflow: LintWorkflow, step: LintStep, payload: string, pointer: string, report: LintReport): void {
  const trimmed = payload.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return;
  for (const found of stepExpressions(step).filter((f) => f.pointer === pointer && f.expression.kind === 'inputs')) {
    const { expression } = found;
    if (expression.kind !== 'inputs') continue;
    const open = found.offset - 1;
    const close = found.offset + expression.text.length;
    if (payload[open] !== '{' || payload[close] !== '}' || payload[open - 1] !== '"' || payload[close + 1] !== '"') continue;
    const types = inputSchemas(workflow.inputsSchema, expression.name, expression.pointer ?? []).flatMap(schemaTypes);
    if (!types.some((t) => t === 'object' || t === 'array')) continue;
    report.add('template-object-in-quotes', `"{${expression.text}}" puts an object or array inside a JSON string`, pointer, {
      offset: open - 1,
      fix: payload.slice(0, open - 1) + payload.slice(open, close + 1) + payload.slice(close + 2),
    });
  }
}

/** `{$response.body#/a{b}}` ends at the first "}" (checklist 16.5; OAI #424): a "{" inside is a trap. */
function checkEmbeddedBraces(step: LintStep, report: LintReport): void {
  for (const found of stepExpressions(step)) {
    if (!found.expression.text.includes('{') || found.source?.[found.offset - 1] !== '{') continue;
    report.add('expression-brace-in-pointer', `{${found.expression.text}} contains "{"; the embedded expression ends at the first "}"`, found.pointer, { offset: found.offset });
  }
}

/** Arazzo 1.0.1 gives goto/retry no way to pass inputs (user-asks #8; 1.1 adds action parameters). */
function checkActionWorkflowInputs(model: LintModel, step: LintStep, report: LintReport): void {
  for (const action of [...step.onSuccess, ...step.onFailure]) {
    const workflowId = action.raw.workflowId;
    if (!action.targetsWorkflow || typeof workflowId !== 'string' || !action.site.startsWith(`${step.pointer}/`)) continue;
    const required = requiredInputs(model.byId.get(workflowId)?.inputsSchema);
    if (required.length === 0) continue;
    report.add('action-workflow-without-inputs', `${action.type} "${action.name}" runs workflow "${workflowId}" with no inputs, but it requires ${required.join(', ')}`, childPointer(action.pointer, 'workflowId'));
  }
}

function checkWorkflowStepExpressions(step: LintStep, report: LintReport): void {
  for (const found of stepExpressions(step)) {
    if (found.site === 'request' || !HTTP_SOURCES.has(found.expression.kind)) continue;
    report.add('workflow-step-http-expression', `${found.expression.text} in workflowId step "${step.stepId}": a workflow step sends no request, so it has no value`, found.pointer, {
      offset: found.offset,
      hint: 'Test the called workflow\'s outputs ($outputs.<name>) instead.',
    });
  }
}
