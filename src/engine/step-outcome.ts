/** How one execution of a step ended: from its HTTP exchange, or from its child workflow. */
import { evaluateCriteria } from '../criteria/evaluate-criterion.js';
import { setOwn } from '../document/set-own.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import type { ExpressionScope, RequestView } from '../expressions/scope.js';
import type { CriterionPlan, OutputPlan, StepPlan } from '../plan/plan.js';
import type { MessageEffect } from './effects.js';
import type { MessageOutcome } from './message-step.js';
import { parseRetryAfter } from './parse-retry-after.js';
import type { HttpFailureReason, HttpOutcome, HttpRequest, ResponseFinding } from './ports.js';
import { scopeOf, warn, type FramePlan, type RunEnv } from './run-env.js';
import type { RunErrorCode, StepMessage } from './run-result.js';
import type { Frame, RunState, WorkflowOutcome } from './run-state.js';

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
  /** Set when the run must end with this code whatever the step's actions say (in-flight-unknown). */
  haltCode?: RunErrorCode;
  retryAfterMs?: number;
  request?: { method: string; url: string };
  /** An AsyncAPI step's message, sent or received. */
  message?: StepMessage;
  /** What the response broke of its description (--response-checks). */
  responseChecks?: ResponseFinding[];
}

export interface Sent {
  request: HttpRequest;
  view: RequestView;
}

export function outcomeOfExchange(state: RunState, env: RunEnv, frame: Frame, at: FramePlan, step: StepPlan, sent: Sent, outcome: HttpOutcome, findings?: ResponseFinding[]): StepOutcome {
  const { request, view } = sent;
  const context = { workflowId: at.workflow.workflowId, stepId: step.stepId };
  const method = { method: request.method, url: request.url };
  if (outcome.kind === 'failure') {
    env.emit({ type: 'http-failure', ...context, request, reason: outcome.reason, message: outcome.message, durationMs: outcome.durationMs });
    // No usable response: $statusCode stays absent unless a status line did arrive (a body too
    // large or not the JSON it claims), so `$statusCode == null` selects pure transport faults.
    const partial = outcome.status === undefined ? undefined : { statusCode: outcome.status, headers: outcome.headers ?? {} };
    const scope = scopeOf(state, frame, at.document, view, partial);
    const retryAfterMs = partial ? retryAfterOf(state, env, at, step, partial.headers) : undefined;
    return {
      succeeded: false,
      scope,
      outputs: evaluateOutputs(step.outputs, scope),
      reason: `${outcome.reason}: ${outcome.message}`,
      requestFailed: true,
      httpFailure: outcome.reason,
      request: method,
      ...(partial ? { statusCode: partial.statusCode } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  const { response } = outcome;
  if (env.listening) env.emit({ type: 'response', ...context, request, response });
  const scope = scopeOf(state, frame, at.document, view, { statusCode: response.status, headers: response.headers, body: response.body });
  const checked = judgeFindings(state, env, at, step, response.status, findings);
  const failed = (step.successCriteria.length > 0
    ? firstFailure(step.successCriteria, scope)
    : response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status} is not 2xx (the step has no successCriteria)`) ?? checked;
  const retryAfterMs = retryAfterOf(state, env, at, step, response.headers);
  return {
    succeeded: failed === undefined,
    scope,
    outputs: evaluateOutputs(step.outputs, scope),
    statusCode: response.status,
    ...(failed !== undefined ? { reason: failed } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    request: method,
    ...(findings && findings.length > 0 ? { responseChecks: findings } : {}),
  };
}

/**
 * Arazzo 1.1.0 "Defining Success for Asynchronous Steps": a send succeeds once the broker took the
 * message; a receive on the first matching message, then its successCriteria on `$message`; no
 * matching message within the timeout fails the step (its onFailure actions apply).
 */
export function outcomeOfMessage(state: RunState, frame: Frame, at: FramePlan, step: StepPlan, effect: MessageEffect, outcome: MessageOutcome): StepOutcome {
  const base = scopeOf(state, frame, at.document);
  const where = `${effect.channel.protocol} ${effect.address}`;
  if (outcome.kind === 'failure') return { succeeded: false, scope: base, outputs: evaluateOutputs(step.outputs, base), reason: outcome.message };
  if (outcome.kind === 'timeout') {
    const reason = `no message${effect.correlationId !== undefined ? ` with correlation id ${effect.correlationId}` : ''} arrived on ${where} within ${effect.timeoutMs} ms (timeout)`;
    return { succeeded: false, scope: base, outputs: evaluateOutputs(step.outputs, base), reason };
  }
  const message = outcome.kind === 'received' ? outcome.message : effect.message;
  const scope: ExpressionScope = { ...base, message: { headers: message.headers, payload: message.payload } };
  const failed = firstFailure(step.successCriteria, scope);
  const record: StepMessage = { action: effect.channel.action, protocol: effect.channel.protocol, address: effect.address, headers: message.headers, payload: message.payload };
  return { succeeded: failed === undefined, scope, outputs: evaluateOutputs(step.outputs, scope), message: record, ...(failed !== undefined ? { reason: failed } : {}) };
}

/** Inside a workflowId step, $outputs are the child workflow's outputs (spec: Step Object outputs). */
export function outcomeOfChild(state: RunState, frame: Frame, at: FramePlan, step: StepPlan, child: WorkflowOutcome): StepOutcome {
  const scope: ExpressionScope = { ...scopeOf(state, frame, at.document), outputs: child.outputs };
  const ref = step.target.kind === 'workflow' ? step.target.workflow.workflowId : '';
  const failed = child.status === 'failed'
    ? `workflow ${ref} failed${child.error ? `: ${child.error.message}` : ''}`
    : firstFailure(step.successCriteria, scope);
  return {
    succeeded: failed === undefined,
    scope,
    // A step that declares no outputs exposes the child's (issue 10 item 9; lint warns: not portable).
    outputs: step.outputs.length === 0 ? { ...child.outputs } : evaluateOutputs(step.outputs, scope),
    ...(failed ? { reason: failed } : {}),
    ...(child.status === 'failed' && child.error ? { childErrorCode: child.error.code } : {}),
  };
}

/**
 * Response checks (issue 13): `warn` (the CLI's default) reports a warning per step; `error` also
 * fails the step, for contract tests in CI. Returns why the step fails, if it does.
 */
function judgeFindings(state: RunState, env: RunEnv, at: FramePlan, step: StepPlan, status: number, findings: ResponseFinding[] | undefined): string | undefined {
  if (!findings || findings.length === 0 || !env.options.responseChecks) return undefined;
  const described = findings.map((f) => `${f.check}: ${f.message}`).join('; ');
  if (env.options.responseChecks.mode === 'error') return `response check failed — ${described}`;
  const label = step.target.kind === 'operation' ? step.target.operation.operationId ?? `${step.target.operation.method} ${step.target.operation.path}` : step.stepId;
  warn(state, env, 'response-check-failed', `step ${step.stepId}: the response (HTTP ${status}) does not match operation ${label} in the description — ${described}`, { file: at.document.key, pointer: step.pointer });
  return undefined;
}

/**
 * Retry-After (seconds or an HTTP-date), capped: a hostile or broken server must not park the run
 * for days. The cap is announced once as a warning.
 */
function retryAfterOf(state: RunState, env: RunEnv, at: FramePlan, step: StepPlan, headers: Readonly<Record<string, string>>): number | undefined {
  const asked = parseRetryAfter(headers['retry-after'], env.clock.now());
  const cap = env.maxRetryAfterMs;
  if (asked === undefined || asked <= cap) return asked;
  warn(state, env, 'retry-after-capped', `step ${step.stepId}: the server asked to wait ${asked} ms (Retry-After); waiting ${cap} ms instead (--max-retry-after)`, { file: at.document.key, pointer: step.pointer });
  return cap;
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
