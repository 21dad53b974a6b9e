/**
 * The interpreter as a reducer (style.md lesson 16): advance(plan, state, env, reply?) moves the
 * run on from where `state` says it is until it needs the world, and returns the new state with
 * one effect: send this request, wait until then, or done. A driver performs the effect and calls
 * advance again with the reply. dependsOn, workflowId steps, retries and goto-workflow are frames
 * and cursor moves in the state, so nothing waits on the call stack and a run can be saved at any
 * effect and resumed by another process.
 *
 * The state passed in is not changed; the one returned may share unchanged parts with it.
 */
import type { Plan } from '../plan/plan.js';
import { workflowKey } from '../plan/plan.js';
import type { Advanced, Effect, Reply } from './effects.js';
import { haltRun } from './halt-run.js';
import { planOf, remainingMs, scopeOf, type FramePlan, type RunEnv } from './run-env.js';
import { beginStep, completeStep, detachStep, messageStep, retryDelay, sendStep } from './run-step.js';
import { draftState, own, type Detached, type Frame, type RunState } from './run-state.js';
import { outcomeOfChild, outcomeOfExchange, outcomeOfMessage } from './step-outcome.js';
import { enterWorkflow, failDependent, finishTopFrame } from './workflow-frames.js';

/** Methods that may be sent twice with the effect of once (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

export function advance(plan: Plan, state: RunState, env: RunEnv, reply?: Reply): Advanced<RunState> {
  const draft = draftState(state);
  try {
    const effect = takeReply(plan, draft, env, reply) ?? runUntilEffect(plan, draft, env);
    return { state: draft, effect };
  } catch (error) {
    haltRun(plan, draft, env, error);
    return { state: draft, effect: { kind: 'done', result: draft.result! } };
  }
}

function runUntilEffect(plan: Plan, state: RunState, env: RunEnv): Effect {
  for (;;) {
    if (state.result) return { kind: 'done', result: state.result };
    const effect = turn(plan, state, env);
    if (effect) return effect;
  }
}

const topFrame = (state: RunState): Frame => {
  const frame = state.frames[state.frames.length - 1];
  if (!frame) throw new Error('the run has neither a workflow to run nor a result');
  return frame;
};

function takeReply(plan: Plan, state: RunState, env: RunEnv, reply: Reply | undefined): Effect | undefined {
  if (state.result) return { kind: 'done', result: state.result };
  if (!reply) return state.inFlight ? lostInFlight(plan, state, env) : undefined;
  if (reply.kind === 'error') throw reply.error;
  const frame = topFrame(state);
  if (reply.kind === 'woke') {
    delete state.waitUntil;
    if (frame.next.kind === 'wait') frame.next = { kind: 'step' };
    return undefined;
  }
  if (reply.kind === 'lost') return lostDetached(plan, state, env, frame, reply.key);
  if (reply.kind === 'message' && reply.effect.detach !== undefined) {
    const detached = takeDetached(frame, reply.effect.detach);
    const at = planOf(plan, frame);
    return completeStep(plan, state, env, frame, at, detached.exec, outcomeOfMessage(state, frame, at, at.workflow.steps[detached.exec.stepIndex]!, reply.effect, reply.outcome), true);
  }
  const next = frame.next;
  if (reply.kind === 'message') {
    if (next.kind !== 'awaiting-message') throw new Error(`a message outcome arrived while the run was in state ${next.kind}`);
    delete state.inFlight;
    const at = planOf(plan, frame);
    return completeStep(plan, state, env, frame, at, next.exec, outcomeOfMessage(state, frame, at, at.workflow.steps[next.exec.stepIndex]!, reply.effect, reply.outcome));
  }
  if (next.kind !== 'awaiting-response') throw new Error(`a response arrived while the run was in state ${next.kind}`);
  delete state.inFlight;
  const at = planOf(plan, frame);
  const outcome = reply.kind === 'not-sent'
    ? { succeeded: false, scope: scopeOf(state, frame, at.document), outputs: {}, reason: reply.reason, ...(reply.stopped ? { requestFailed: true } : {}) }
    : outcomeOfExchange(state, env, frame, at, at.workflow.steps[next.exec.stepIndex]!, reply.sent, reply.outcome, reply.findings);
  return completeStep(plan, state, env, frame, at, next.exec, outcome);
}

/**
 * A resumed run whose request was in flight when the process stopped: whether the server acted on
 * it is unknown. An idempotent request is sent again; any other fails the run with
 * in-flight-unknown, unless the host said to send it again anyway (--resend-in-flight).
 */
function lostInFlight(plan: Plan, state: RunState, env: RunEnv): Effect | undefined {
  const frame = topFrame(state);
  const next = frame.next;
  const method = state.inFlight!.method;
  delete state.inFlight;
  // A receive is waited for again; a send that may have reached the broker follows the POST rule.
  if (next.kind === 'awaiting-message' && (method === 'RECEIVE' || env.options.resendInFlight)) return messageStep(plan, state, env, frame, planOf(plan, frame), next.exec);
  if (next.kind !== 'awaiting-response' && next.kind !== 'awaiting-message') throw new Error(`a request was in flight while the run was in state ${next.kind}`);
  const at = planOf(plan, frame);
  if (next.kind === 'awaiting-response' && (IDEMPOTENT.has(method) || env.options.resendInFlight)) return sendStep(plan, state, env, frame, at, next.exec);
  const stepId = at.workflow.steps[next.exec.stepIndex]!.stepId;
  return completeStep(plan, state, env, frame, at, next.exec, {
    succeeded: false,
    scope: scopeOf(state, frame, at.document),
    outputs: {},
    reason: `in-flight-unknown: the ${method} request of step ${stepId} was in flight when the run stopped, so whether the server acted on it is unknown; resume with --resend-in-flight to send it again`,
    haltCode: 'in-flight-unknown',
  });
}

function takeDetached(frame: Frame, key: string): Detached {
  const detached = frame.detached?.find((entry) => entry.key === key);
  if (!detached) throw new Error(`the outcome of message ${key} arrived but no step of workflow ${frame.ref.workflowId} is waiting for it`);
  frame.detached = frame.detached!.filter((entry) => entry !== detached);
  return detached;
}

/** A non-blocking step started by a process that stopped: the in-flight rule of lostInFlight, for its message. */
function lostDetached(plan: Plan, state: RunState, env: RunEnv, frame: Frame, key: string): Effect | undefined {
  const detached = takeDetached(frame, key);
  const at = planOf(plan, frame);
  if (detached.method === 'RECEIVE' || env.options.resendInFlight) return detachStep(state, env, frame, at, detached.exec);
  const stepId = at.workflow.steps[detached.exec.stepIndex]!.stepId;
  return completeStep(plan, state, env, frame, at, detached.exec, {
    succeeded: false,
    scope: scopeOf(state, frame, at.document),
    outputs: {},
    reason: `in-flight-unknown: the message of step ${stepId} was being sent when the run stopped, so whether the broker took it is unknown; resume with --resend-in-flight to send it again`,
    haltCode: 'in-flight-unknown',
  }, true);
}

/**
 * The non-blocking steps the step at the cursor waits for (Arazzo 1.1.0 §Step Dependencies): those
 * it names in dependsOn or reads outputs of, itself when it is started again, and all of them
 * once the last step is done.
 */
function joinsBefore(frame: Frame, at: FramePlan): string[] {
  const detached = frame.detached ?? [];
  if (detached.length === 0) return [];
  const step = at.workflow.steps[frame.cursor];
  if (!step) return detached.map((entry) => entry.key);
  return detached.filter((entry) => {
    const stepId = at.workflow.steps[entry.exec.stepIndex]!.stepId;
    return stepId === step.stepId || (step.joins ?? []).includes(stepId);
  }).map((entry) => entry.key);
}

/**
 * Arazzo 1.1.0 §Step Object timeout on a workflowId step: once it has passed, the workflows it
 * entered end as failed, innermost first, and the step fails with that reason (its onFailure
 * actions apply). Returns whether it ended any.
 */
function expireStepTimeouts(plan: Plan, state: RunState, env: RunEnv): boolean {
  const now = env.clock.now();
  const expired = state.frames.findIndex((frame) => frame.stepTimeout !== undefined && now >= frame.stepTimeout.until);
  if (expired < 0) return false;
  const timeout = state.frames[expired]!;
  const message = `workflow ${timeout.ref.workflowId} did not finish within the step's timeout of ${timeout.stepTimeout!.ms} ms`;
  while (state.frames.length > expired) finishTopFrame(plan, state, env, 'failed', null, { code: 'step-failed', message, workflowId: topFrame(state).ref.workflowId });
  return true;
}

/** One move of the top frame. */
function turn(plan: Plan, state: RunState, env: RunEnv): Effect | undefined {
  if (expireStepTimeouts(plan, state, env)) return undefined;
  const frame = topFrame(state);
  const at = planOf(plan, frame);
  const next = frame.next;
  switch (next.kind) {
    case 'dependencies': {
      const dependency = at.workflow.dependsOn[next.index];
      if (!dependency) {
        frame.next = { kind: 'step' };
        env.emit({ type: 'workflow-start', workflowId: at.workflow.workflowId, depth: frame.depth });
        return undefined;
      }
      // Each dependency runs once per run, however it ended; one that failed fails the dependent.
      const earlier = own(state.finished, workflowKey(dependency));
      if (earlier === 'succeeded') frame.next = { kind: 'dependencies', index: next.index + 1 };
      else if (earlier === 'failed') failDependent(plan, state, env, dependency, 'it failed earlier in this run');
      else {
        const failed = enterWorkflow(plan, state, dependency, frame.inputs, 'dependency', frame.depth + 1);
        if (failed) frame.next = { kind: 'dependency-failed', index: next.index, why: failed.error?.message ?? 'it failed' };
      }
      return undefined;
    }
    case 'dependency-failed':
      failDependent(plan, state, env, at.workflow.dependsOn[next.index]!, next.why);
      return undefined;
    case 'step': {
      const joins = joinsBefore(frame, at);
      if (joins.length > 0) return { kind: 'join', keys: joins };
      if (frame.cursor >= at.workflow.steps.length) {
        finishTopFrame(plan, state, env, 'succeeded', null);
        return undefined;
      }
      const attempt = 1 + Object.values(frame.retriesUsed).reduce((sum, used) => sum + used, 0);
      return beginStep(plan, state, env, frame, at, frame.cursor, attempt);
    }
    case 'side-step':
      return beginStep(plan, state, env, frame, at, next.index, 1, { delayMs: next.delayMs });
    case 'retry-delay':
      return retryDelay(state, env, frame, at, next.delayMs);
    case 'wait': {
      // Reached on resume: wait out what is left of the interval (never past the deadline or a step's timeout).
      const until = Math.min(state.waitUntil ?? 0, env.clock.now() + remainingMs(state, env));
      const ms = until - env.clock.now();
      if (ms > 0 && !env.options.signal?.aborted) return { kind: 'wait', until, ms };
      delete state.waitUntil;
      frame.next = { kind: 'step' };
      return undefined;
    }
    case 'child-ended': {
      const step = at.workflow.steps[next.exec.stepIndex]!;
      return completeStep(plan, state, env, frame, at, next.exec, outcomeOfChild(state, frame, at, step, next.outcome));
    }
    case 'awaiting-child':
    case 'awaiting-retry-workflow':
    case 'awaiting-response':
    case 'awaiting-message':
      throw new Error(`workflow ${at.workflow.workflowId} is in state ${next.kind} but nothing it waits for is under way`);
  }
}
