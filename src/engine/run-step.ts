/**
 * One execution of one step as moves of the top frame: begin (an operation step hands back a
 * request to send; a workflowId step pushes its child), complete (outputs, record, events), then
 * the transition nextTransition picks. Waits and requests are effects, never awaits.
 */
import { renderValue } from '../expressions/evaluate-expression.js';
import type { ActionPlan, Plan, StepPlan } from '../plan/plan.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { Effect } from './effects.js';
import { authorizeRequest } from './authorize-request.js';
import { checkLimits, RunHalt } from './halt-run.js';
import { nextTransition } from './next-transition.js';
import { prepareRequest } from './prepare-request.js';
import { messageEffect } from './message-step.js';
import { remainingMs, scopeOf, type FramePlan, type RunEnv } from './run-env.js';
import type { RunError } from './run-result.js';
import { own, withOwn, type Frame, type RunState, type StepExecution } from './run-state.js';
import { recordKey, recordStep } from './step-records.js';
import type { StepOutcome } from './step-outcome.js';
import { enterWorkflow, finishTopFrame, transferTopFrame } from './workflow-frames.js';

/** `attempt` > 1 is a retry: the same execution of the step, one more attempt (checklist 10.10). */
export function beginStep(plan: Plan, state: RunState, env: RunEnv, frame: Frame, at: FramePlan, stepIndex: number, attempt: number, side?: { delayMs: number }): Effect | undefined {
  const step = at.workflow.steps[stepIndex]!;
  const workflowId = at.workflow.workflowId;
  checkLimits(state, env, workflowId, step.stepId);
  state.stepsExecuted++;
  const executions = own(state.records, recordKey(workflowId, step.stepId))?.executions ?? 0;
  const execution = attempt > 1 ? Math.max(executions, 1) : executions + 1;
  const exec: StepExecution = { stepIndex, attempt, execution, startedAt: env.clock.now(), ...(side ? { side } : {}) };
  state.current = { workflowId, stepId: step.stepId, recorded: false };
  if (env.listening) env.emit({ type: 'step-start', workflowId, stepId: step.stepId, execution, attempt });
  if (step.target.kind === 'operation') return sendStep(plan, state, env, frame, at, exec);
  if (step.target.kind === 'asyncapi' && step.runsDetached && !side) {
    moveTo(frame, stepIndex + 1);
    return detachStep(state, env, frame, at, exec);
  }
  if (step.target.kind === 'asyncapi') return messageStep(plan, state, env, frame, at, exec);
  const base = scopeOf(state, frame, at.document);
  let inputs: Record<string, unknown> = {};
  for (const parameter of step.parameters) {
    const value = renderValue(parameter.value, base);
    if (value !== undefined) inputs = withOwn(inputs, parameter.name, value);
  }
  frame.next = { kind: 'awaiting-child', exec };
  const failed = enterWorkflow(plan, state, step.target.workflow, inputs, 'step', frame.depth + 1);
  if (failed) frame.next = { kind: 'child-ended', exec, outcome: failed };
  // Arazzo 1.1.0 §Step Object timeout: the child workflow has that long (expireStepTimeouts ends it).
  else if (step.timeout !== undefined) state.frames[state.frames.length - 1]!.stepTimeout = { until: env.clock.now() + step.timeout, ms: step.timeout };
  return undefined;
}

/** Builds the step's request in its current scope and hands it to the driver (also a re-send on resume). */
export function sendStep(plan: Plan, state: RunState, env: RunEnv, frame: Frame, at: FramePlan, exec: StepExecution): Effect | undefined {
  const step = at.workflow.steps[exec.stepIndex]!;
  const base = scopeOf(state, frame, at.document);
  const prepared = prepareRequest(state, env, at, step, base);
  if (!prepared.ok) return completeStep(plan, state, env, frame, at, exec, { succeeded: false, scope: base, outputs: {}, reason: prepared.reason });
  const { request, grants, digest } = authorizeRequest(state, env, at, step, prepared.request, base);
  const workflowId = at.workflow.workflowId;
  frame.next = { kind: 'awaiting-response', exec };
  state.inFlight = { workflowId, stepId: step.stepId, method: request.method, sentAt: env.clock.now() };
  return {
    kind: 'send',
    request,
    view: prepared.view,
    // Arazzo 1.1.0 §Step Object timeout: the step fails (and its onFailure actions apply) when its request outlasts it.
    timeoutMs: Math.min(env.requestTimeoutMs, step.timeout ?? Number.POSITIVE_INFINITY, remainingMs(state, env)),
    maxResponseBytes: env.maxResponseBytes,
    ...(grants.length > 0 ? { grants } : {}),
    ...(digest ? { digest } : {}),
    ...(env.options.responseChecks && step.target.kind === 'operation' && step.target.operation.responses ? { responses: step.target.operation.responses } : {}),
  };
}

/** An AsyncAPI step's message to send or wait for (message-step.ts); also a receive again on resume. */
export function messageStep(_plan: Plan, state: RunState, env: RunEnv, frame: Frame, at: FramePlan, exec: StepExecution): Effect {
  const step = at.workflow.steps[exec.stepIndex]!;
  const effect = messageEffect(state, env, at, step, scopeOf(state, frame, at.document));
  frame.next = { kind: 'awaiting-message', exec };
  state.inFlight = { workflowId: at.workflow.workflowId, stepId: step.stepId, method: effect.channel.action === 'send' ? 'SEND' : 'RECEIVE', sentAt: env.clock.now() };
  return effect;
}

/**
 * Arazzo 1.1.0 §Step Dependencies and Execution Order: a non-blocking AsyncAPI step. Its message
 * is handed to the driver under a new key and the frame goes on; the step is completed when a
 * step that joins it begins (or the workflow's last step is done). Also a receive again on resume.
 */
export function detachStep(state: RunState, env: RunEnv, frame: Frame, at: FramePlan, exec: StepExecution, startAfterMs = 0): Effect {
  const step = at.workflow.steps[exec.stepIndex]!;
  const effect = messageEffect(state, env, at, step, scopeOf(state, frame, at.document));
  state.detachedCount = (state.detachedCount ?? 0) + 1;
  const key = `m${state.detachedCount}`;
  frame.detached = [...(frame.detached ?? []), { key, exec, method: effect.channel.action === 'send' ? 'SEND' : 'RECEIVE' }];
  const delay = Math.min(startAfterMs, remainingMs(state, env));
  return { ...effect, detach: key, ...(delay > 0 ? { startAfterMs: delay } : {}) };
}

/**
 * `joined`: the step ran non-blocking and is taken in by the step at the cursor, so "next" means
 * that step (the cursor stays) and a retry starts it again non-blocking.
 */
export function completeStep(plan: Plan, state: RunState, env: RunEnv, frame: Frame, at: FramePlan, exec: StepExecution, outcome: StepOutcome, joined = false): Effect | undefined {
  const step = at.workflow.steps[exec.stepIndex]!;
  const workflowId = at.workflow.workflowId;
  state.current = { workflowId, stepId: step.stepId, recorded: false };
  // Outputs persist for the whole workflow run, across every goto (checklist 9.6).
  frame.stepOutputs = withOwn(frame.stepOutputs, step.stepId, outcome.outputs);
  const durationMs = env.clock.now() - exec.startedAt;
  recordStep(state, workflowId, step.stepId, outcome, durationMs, exec.attempt > 1);
  state.current = { workflowId, stepId: step.stepId, recorded: true };
  if (env.listening && outcome.message) env.emit({ type: 'message', workflowId, stepId: step.stepId, message: outcome.message });
  if (env.listening) env.emit({
    type: 'step-end',
    workflowId,
    stepId: step.stepId,
    succeeded: outcome.succeeded,
    execution: exec.execution,
    ...(outcome.statusCode !== undefined ? { statusCode: outcome.statusCode } : {}),
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
    ...(outcome.httpFailure !== undefined ? { httpFailure: outcome.httpFailure } : {}),
    outputs: outcome.outputs,
    durationMs,
  });
  // A request cut short by --timeout or a cancellation ends the run with that cause, not as a failed step.
  if (outcome.requestFailed && (remainingMs(state, env) <= 0 || env.options.signal?.aborted)) {
    checkLimits(state, env, workflowId, step.stepId);
    // Cut by a workflowId step's timeout: the next turn ends the workflows it limits (expireStepTimeouts).
    if (remainingMs(state, env) <= 0) return undefined;
  }
  if (outcome.haltCode) throw new RunHalt(outcome.haltCode, `step ${step.stepId} failed: ${outcome.reason ?? ''}`, step.stepId, workflowId);
  if (exec.side) return retryDelay(state, env, frame, at, exec.side.delayMs);
  return followTransition(plan, state, env, frame, at, step, outcome, joined ? exec : undefined);
}

function followTransition(plan: Plan, state: RunState, env: RunEnv, frame: Frame, at: FramePlan, step: StepPlan, outcome: StepOutcome, joined?: StepExecution): Effect | undefined {
  const transition = nextTransition({
    step,
    succeeded: outcome.succeeded,
    // Action criteria see this step's outputs in $steps too.
    scope: { ...outcome.scope, steps: frame.stepOutputs },
    retriesUsed: joined ? (joined.retriesUsed ?? {}) : frame.retriesUsed,
    ...(outcome.retryAfterMs !== undefined ? { retryAfterHeaderMs: outcome.retryAfterMs } : {}),
    ...(outcome.reason !== undefined ? { failureReason: outcome.reason } : {}),
  });
  const context = { workflowId: at.workflow.workflowId, stepId: step.stepId };
  switch (transition.kind) {
    case 'next':
      if (!joined) moveTo(frame, step.index + 1);
      return undefined;
    case 'fail':
      finishTopFrame(plan, state, env, 'failed', null, { code: failureCode(outcome), message: `step ${step.stepId} failed: ${transition.reason}`, ...context });
      return undefined;
    case 'end': {
      env.emit({ type: 'action', ...context, name: transition.action.name, actionType: 'end' });
      const endedBy = { stepId: step.stepId, action: transition.action.name };
      if (outcome.succeeded) finishTopFrame(plan, state, env, 'succeeded', endedBy);
      else finishTopFrame(plan, state, env, 'failed', endedBy, { code: 'ended-on-failure', message: `step ${step.stepId} failed and its failure action "${transition.action.name}" ended the workflow: ${outcome.reason ?? ''}`.trim(), ...context });
      return undefined;
    }
    case 'goto': {
      const { target, action } = transition;
      if (env.listening) env.emit({ type: 'action', ...context, name: action.name, actionType: 'goto', target: target.kind === 'step' ? target.stepId : target.workflow.workflowId });
      if (target.kind === 'workflow') {
        transferTopFrame(plan, state, env, { stepId: step.stepId, action: action.name }, target.workflow, actionInputs(action, { ...outcome.scope, steps: frame.stepOutputs }));
        return undefined;
      }
      const poll = target.index === step.index;
      moveTo(frame, target.index);
      return poll ? startWait(state, env, frame, at, outcome.retryAfterMs ?? env.pollIntervalMs, 'poll') : undefined;
    }
    case 'retry': {
      const { action, delayMs } = transition;
      const target = action.target;
      env.emit({ type: 'action', ...context, name: action.name, actionType: 'retry', ...(target ? { target: target.kind === 'step' ? target.stepId : target.workflow.workflowId } : {}) });
      if (joined) {
        // Started again non-blocking after its retryAfter (the driver waits, not the frame); a retry target would hold the frame, so it is not run.
        const retriesUsed = withOwn(joined.retriesUsed ?? {}, action.name, (own(joined.retriesUsed ?? {}, action.name) ?? 0) + 1);
        return detachStep(state, env, frame, at, { ...joined, attempt: joined.attempt + 1, startedAt: env.clock.now(), retriesUsed }, delayMs);
      }
      frame.retriesUsed = withOwn(frame.retriesUsed, action.name, (own(frame.retriesUsed, action.name) ?? 0) + 1);
      if (target?.kind === 'step') {
        frame.next = { kind: 'side-step', index: target.index, delayMs };
        return undefined;
      }
      if (target?.kind === 'workflow') {
        frame.next = { kind: 'awaiting-retry-workflow', delayMs };
        // Its outcome is not used: a target that cannot start is the same as one that failed.
        if (enterWorkflow(plan, state, target.workflow, actionInputs(action, { ...outcome.scope, steps: frame.stepOutputs }), 'retry', frame.depth + 1)) frame.next = { kind: 'retry-delay', delayMs };
        return undefined;
      }
      return retryDelay(state, env, frame, at, delayMs);
    }
  }
}

/** Arazzo 1.1.0 §Success/Failure Action Object parameters: the target workflow's inputs, rendered in the step's scope. */
function actionInputs(action: ActionPlan, scope: ExpressionScope): Record<string, unknown> {
  let inputs: Record<string, unknown> = {};
  for (const parameter of action.parameters ?? []) {
    const value = renderValue(parameter.value, scope);
    if (value !== undefined) inputs = withOwn(inputs, parameter.name, value);
  }
  return inputs;
}

function moveTo(frame: Frame, index: number): void {
  frame.cursor = index;
  frame.retriesUsed = {};
  frame.next = { kind: 'step' };
}

export function retryDelay(state: RunState, env: RunEnv, frame: Frame, at: FramePlan, delayMs: number): Effect | undefined {
  frame.next = { kind: 'step' };
  return startWait(state, env, frame, at, delayMs, 'retry');
}

/** A poll interval or a retry delay: an absolute waitUntil, so a resumed run waits out only the rest. */
function startWait(state: RunState, env: RunEnv, frame: Frame, at: FramePlan, ms: number, reason: 'poll' | 'retry'): Effect | undefined {
  if (ms <= 0) return undefined;
  const stepId = at.workflow.steps[frame.cursor]?.stepId ?? '';
  env.emit({ type: 'wait', workflowId: at.workflow.workflowId, stepId, ms, reason });
  const wait = Math.min(ms, remainingMs(state, env));
  if (wait <= 0) return undefined;
  const now = env.clock.now();
  state.waitUntil = now + wait;
  frame.next = { kind: 'wait' };
  return { kind: 'wait', until: now + wait, ms: wait };
}

/** An unhandled failure: the transport's, a child workflow's cause (not its `end`), or a criterion. */
function failureCode(outcome: StepOutcome): RunError['code'] {
  if (outcome.requestFailed) return 'request-failed';
  if (outcome.childErrorCode && outcome.childErrorCode !== 'ended-on-failure') return outcome.childErrorCode;
  return 'step-failed';
}
