/** One execution of one step: an HTTP operation, or a child workflow. */
import { evaluateCriteria } from '../criteria/evaluate-criterion.js';
import type { ValueTemplate } from '../expressions/ast.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import { renderPayload } from '../expressions/render-payload.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { CriterionPlan, OutputPlan, StepPlan, WorkflowRef } from '../plan/plan.js';
import { applyReplacements } from './apply-replacements.js';
import { authorizeRequest, sendAuthorized } from './authorize-request.js';
import { buildRequest } from './build-request.js';
import { checkStepResponse } from './check-step-response.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { sameValues, type BuiltRequest } from './request-memo.js';
import type { HttpFailureReason, HttpRequest, ResponseFinding } from './ports.js';
import { resolveServerUrl } from './resolve-server-url.js';
import { DEFAULTS, type RunContext, type WorkflowFrame } from './run-context.js';
import type { RunErrorCode } from './run-result.js';
import { setOwn } from '../document/set-own.js';

export interface StepOutcome {
  succeeded: boolean;
  /** The scope the criteria saw; action criteria see the same one. */
  scope: ExpressionScope;
  outputs: Record<string, unknown>;
  statusCode?: number;
  reason?: string;
  /** Whether the failure was the transport's (no usable response). */
  requestFailed?: boolean;
  /** The typed transport failure, when requestFailed. */
  httpFailure?: HttpFailureReason;
  /** Why a child workflow failed (e.g. workflow-recursion), so an unhandled failure keeps the cause. */
  childErrorCode?: RunErrorCode;
  retryAfterMs?: number;
  request?: { method: string; url: string };
  /** What the response broke of its description (--response-checks). */
  responseChecks?: ResponseFinding[];
}

export type RunChildWorkflow = (
  ref: WorkflowRef,
  inputs: Record<string, unknown>,
) => Promise<{ status: 'succeeded' | 'failed'; outputs: Record<string, unknown>; reason?: string; errorCode?: RunErrorCode }>;

export function executeStep(run: RunContext, frame: WorkflowFrame, step: StepPlan, runChild: RunChildWorkflow): Promise<StepOutcome> {
  return step.target.kind === 'workflow'
    ? executeWorkflowStep(run, frame, step, step.target.workflow, runChild)
    : executeOperationStep(run, frame, step);
}

async function executeOperationStep(run: RunContext, frame: WorkflowFrame, step: StepPlan): Promise<StepOutcome> {
  const base = run.scopeOf(frame);
  const prepared = prepareRequest(run, frame, step, base);
  if (!prepared.ok) return { succeeded: false, scope: base, outputs: {}, reason: prepared.reason };
  const authorized = await authorizeRequest(run, frame, step, prepared.request, base);
  if (!authorized.ok) return { succeeded: false, scope: base, outputs: {}, reason: authorized.reason };
  const { request } = authorized;
  const { view } = prepared;
  const context = { workflowId: frame.workflow.workflowId, stepId: step.stepId };
  if (run.listening) run.emit({ type: 'request', ...context, request });
  const outcome = await sendAuthorized(run, authorized, {
    ...(run.options.signal ? { signal: run.options.signal } : {}),
    timeoutMs: Math.min(run.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs, run.remainingMs()),
    maxResponseBytes: run.options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
  });
  const sent = { method: request.method, url: request.url };
  if (outcome.kind === 'failure') {
    run.emit({ type: 'http-failure', ...context, request, reason: outcome.reason, message: outcome.message, durationMs: outcome.durationMs });
    // No usable response: $statusCode stays absent unless a status line did arrive (a body too
    // large or not the JSON it claims), so `$statusCode == null` selects pure transport faults.
    const partial = outcome.status === undefined ? undefined : { statusCode: outcome.status, headers: outcome.headers ?? {} };
    const scope = run.scopeOf(frame, view, partial);
    const retryAfterMs = partial ? retryAfterOf(run, frame, step, partial.headers) : undefined;
    return {
      succeeded: false,
      scope,
      outputs: evaluateOutputs(step.outputs, scope),
      reason: `${outcome.reason}: ${outcome.message}`,
      requestFailed: true,
      httpFailure: outcome.reason,
      request: sent,
      ...(partial ? { statusCode: partial.statusCode } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  const { response } = outcome;
  if (run.listening) run.emit({ type: 'response', ...context, request, response });
  const scope = run.scopeOf(frame, view, { statusCode: response.status, headers: response.headers, body: response.body });
  const checked = await checkStepResponse(run, frame, step, response);
  const failed = (step.successCriteria.length > 0
    ? firstFailure(step.successCriteria, scope)
    : response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status} is not 2xx (the step has no successCriteria)`) ?? checked.failure;
  const retryAfterMs = retryAfterOf(run, frame, step, response.headers);
  return {
    succeeded: failed === undefined,
    scope,
    outputs: evaluateOutputs(step.outputs, scope),
    statusCode: response.status,
    ...(failed !== undefined ? { reason: failed } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    request: sent,
    ...(checked.findings.length > 0 ? { responseChecks: checked.findings } : {}),
  };
}

/**
 * Retry-After (seconds or an HTTP-date), capped: a hostile or broken server must not park the run
 * for days. The cap is announced once as a warning.
 */
function retryAfterOf(run: RunContext, frame: WorkflowFrame, step: StepPlan, headers: Readonly<Record<string, string>>): number | undefined {
  const asked = parseRetryAfter(headers['retry-after'], run.options.clock.now());
  const cap = run.options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  if (asked === undefined || asked <= cap) return asked;
  run.warn('retry-after-capped', `step ${step.stepId}: the server asked to wait ${asked} ms (Retry-After); waiting ${cap} ms instead (--max-retry-after)`, { file: frame.document.key, pointer: step.pointer });
  return cap;
}

type Prepared = ({ ok: true } & BuiltRequest) | { ok: false; reason: string };

function prepareRequest(run: RunContext, frame: WorkflowFrame, step: StepPlan, scope: ExpressionScope): Prepared {
  if (step.target.kind !== 'operation') return { ok: false, reason: 'not an operation step' };
  const { operation, source } = step.target;
  const memo = run.requestMemos.get(step);
  // The server URL depends only on the source and the run's options: resolved once per step.
  const baseUrl = memo ? { ok: true as const, url: memo.baseUrl } : serverUrlOf(run, source.name, operation.servers, source.url);
  if (!baseUrl.ok) return { ok: false, reason: baseUrl.reason };
  const render = (template: ValueTemplate, pointer: string, renderer = renderValue): unknown =>
    renderer(template, scope, (expression, reason) => {
      if (template.kind === 'template') run.warn('expression-unresolved', `${expression.text} in step ${step.stepId} has no value (${reason}); it was left empty`, { file: frame.document.key, pointer });
    });
  const parameters = step.parameters.flatMap((p) => (p.in ? [{ name: p.name, in: p.in, value: render(p.value, p.pointer) }] : []));
  let body: { contentType?: string; value: unknown } | undefined;
  if (step.requestBody) {
    const payload = step.requestBody.payload ? render(step.requestBody.payload, step.requestBody.pointer, renderPayload) : undefined;
    const replaced = applyReplacements(payload, step.requestBody.replacements.map((r) => ({ target: r.target, value: render(r.value, r.pointer) })));
    if (!replaced.ok) return { ok: false, reason: replaced.message };
    body = { ...(step.requestBody.contentType ? { contentType: step.requestBody.contentType } : {}), value: replaced.value };
  }
  // Which parameters and whether there is a body are fixed by the step; only the values vary.
  const values = parameters.map((p) => p.value);
  if (body) values.push(body.value);
  if (memo && sameValues(memo.values, values)) return { ok: true, ...memo.built };
  const built = buildRequest({ operation, baseUrl: baseUrl.url, parameters, ...(body ? { body } : {}) });
  if (!built.ok) return { ok: false, reason: built.problem.message };
  const fresh = { request: built.request, view: built.view };
  run.requestMemos.set(step, { baseUrl: baseUrl.url, values, built: fresh });
  return { ok: true, ...fresh };
}

function serverUrlOf(run: RunContext, sourceName: string, servers: Parameters<typeof resolveServerUrl>[0]['servers'], sourceUrl: string): { ok: true; url: string } | { ok: false; reason: string } {
  const key = `${sourceName}|${servers.map((s) => s.url).join(',')}`;
  const cached = run.serverUrls.get(key);
  if (cached) return { ok: true, url: cached };
  const override = run.options.servers?.[sourceName];
  const result = resolveServerUrl({
    servers,
    sourceUrl,
    ...(override ? { override } : {}),
    ...(run.options.serverVariables ? { variables: run.options.serverVariables } : {}),
  });
  if (!result.ok) return { ok: false, reason: `${result.problem.message}${result.problem.hint ? ` (${result.problem.hint})` : ''}` };
  run.serverUrls.set(key, result.url);
  return { ok: true, url: result.url };
}

async function executeWorkflowStep(run: RunContext, frame: WorkflowFrame, step: StepPlan, ref: WorkflowRef, runChild: RunChildWorkflow): Promise<StepOutcome> {
  const base = run.scopeOf(frame);
  const inputs: Record<string, unknown> = {};
  for (const parameter of step.parameters) {
    const value = renderValue(parameter.value, base);
    if (value !== undefined) setOwn(inputs, parameter.name, value);
  }
  const child = await runChild(ref, inputs);
  // Inside a workflowId step, $outputs are the child workflow's outputs (spec: Step Object outputs).
  const scope: ExpressionScope = { ...base, outputs: child.outputs };
  const failed = child.status === 'failed'
    ? `workflow ${ref.workflowId} failed${child.reason ? `: ${child.reason}` : ''}`
    : firstFailure(step.successCriteria, scope);
  return {
    succeeded: failed === undefined,
    scope,
    // A step that declares no outputs exposes the child's (issue 10 item 9; lint warns: not portable).
    outputs: step.outputs.length === 0 ? { ...child.outputs } : evaluateOutputs(step.outputs, scope),
    ...(failed ? { reason: failed } : {}),
    ...(child.status === 'failed' && child.errorCode ? { childErrorCode: child.errorCode } : {}),
  };
}

function firstFailure(criteria: readonly CriterionPlan[], scope: ExpressionScope): string | undefined {
  const result = evaluateCriteria(criteria.map((plan) => plan.criterion), scope);
  if (result.passed || result.failedIndex === undefined) return undefined;
  const source = criteria[result.failedIndex]!.criterion.source;
  return `criterion "${source}" did not pass${result.reason ? ` (${result.reason})` : ''}`;
}

/** Outputs from the last attempt, whether or not the step succeeded; unresolved ones are left out. */
export function evaluateOutputs(outputs: readonly OutputPlan[], scope: ExpressionScope): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const output of outputs) {
    const value = renderValue(output.value, scope);
    if (value !== undefined) setOwn(values, output.name, value);
  }
  return values;
}
