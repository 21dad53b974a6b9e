/**
 * Workflows on the frame stack: entering one (root, dependsOn, a workflowId step, a retry's
 * target), a goto that transfers control (the top frame is replaced: spec, Step Object
 * onSuccess "goto … workflowId"), and ending one, whose outcome goes to the frame below.
 */
import type { Plan, WorkflowRef } from '../plan/plan.js';
import { workflowKey } from '../plan/plan.js';
import { withInputDefaults } from './input-defaults.js';
import { RUN_DEFAULTS } from './run-defaults.js';
import { lookupWorkflow, planOf, type RunEnv } from './run-env.js';
import type { RunError, RunResult } from './run-result.js';
import { withOwn, type Frame, type FrameWhy, type RunState, type WorkflowOutcome } from './run-state.js';
import { recordSkippedSteps } from './step-records.js';
import { evaluateWorkflowOutputs } from './workflow-outputs.js';

export function failedOutcome(code: RunError['code'], message: string, workflowId: string): WorkflowOutcome {
  return { status: 'failed', outputs: {}, endedBy: null, error: { code, message, workflowId } };
}

/**
 * Pushes a frame for the workflow (its dependsOn run first). Returns an outcome instead when it
 * cannot start: unknown, or already on the stack (recursion through steps or dependsOn).
 */
export function enterWorkflow(plan: Plan, state: RunState, ref: WorkflowRef, inputs: Record<string, unknown>, why: FrameWhy, depth: number): WorkflowOutcome | undefined {
  const found = lookupWorkflow(plan, ref);
  if (!found) return failedOutcome('internal-error', `workflow ${ref.workflowId} is not in the plan`, ref.workflowId);
  const key = workflowKey(ref);
  if (depth > RUN_DEFAULTS.maxWorkflowDepth || state.frames.some((frame) => workflowKey(frame.ref) === key)) {
    return failedOutcome('workflow-recursion', `workflow ${ref.workflowId} calls itself (directly or through others); stopped to avoid endless recursion`, ref.workflowId);
  }
  const frame: Frame = {
    ref,
    inputs: withInputDefaults(found.workflow.inputsSchema, inputs),
    stepOutputs: {},
    cursor: 0,
    retriesUsed: {},
    why,
    next: { kind: 'dependencies', index: 0 },
    depth,
  };
  state.frames = [...state.frames, frame];
  return undefined;
}

/**
 * goto a workflow: one-way. The jumping frame is replaced by the target's, which inherits what
 * the jumping one was entered for; when it ends, the workflows it replaced end with its outcome.
 * So A → B → A loops run until their criteria end them (bounded by --max-steps), not as recursion.
 */
export function transferTopFrame(plan: Plan, state: RunState, env: RunEnv, endedBy: { stepId: string; action: string }, target: WorkflowRef, inputs: Record<string, unknown> = {}): void {
  const frame = state.frames[state.frames.length - 1]!;
  state.frames = state.frames.slice(0, -1);
  const left = { endedBy: frame.transfer?.endedBy ?? endedBy, from: addOrigin(frame.transfer?.from ?? [], frame) };
  const failed = enterWorkflow(plan, state, target, inputs, frame.why, frame.depth);
  if (!failed) {
    state.frames[state.frames.length - 1]!.transfer = left;
    return;
  }
  const outcome = { ...failed, endedBy: left.endedBy, transferredTo: target.workflowId };
  for (const origin of [...left.from].reverse()) concludeWorkflow(plan, state, env, origin, outcome);
  deliver(state, env, frame.why, outcome);
}

type Origin = NonNullable<Frame['transfer']>['from'][number];

function addOrigin(from: readonly Origin[], frame: Frame): Origin[] {
  const key = workflowKey(frame.ref);
  return [...from.filter((origin) => workflowKey(origin.ref) !== key), { ref: frame.ref, inputs: frame.inputs }];
}

/** The top workflow ended (its steps ran out, an `end`, or a failure): outputs, bookkeeping, hand over. */
export function finishTopFrame(plan: Plan, state: RunState, env: RunEnv, status: 'succeeded' | 'failed', endedBy: WorkflowOutcome['endedBy'], error?: RunError): void {
  const frame = state.frames[state.frames.length - 1]!;
  const outputs = evaluateWorkflowOutputs(state, env, frame, planOf(plan, frame));
  endTopFrame(plan, state, env, { status, outputs, endedBy, ...(error ? { error } : {}) }, true);
}

/** A dependency failed (now, or earlier in this run): the dependent fails without running a step. */
export function failDependent(plan: Plan, state: RunState, env: RunEnv, dependency: WorkflowRef, why: string): void {
  const frame = state.frames[state.frames.length - 1]!;
  const workflowId = frame.ref.workflowId;
  endTopFrame(plan, state, env, failedOutcome('dependency-failed', `workflow ${workflowId} depends on ${dependency.workflowId}, which failed: ${why}`, workflowId), false);
}

function endTopFrame(plan: Plan, state: RunState, env: RunEnv, ended: WorkflowOutcome, ran: boolean): void {
  const frame = state.frames[state.frames.length - 1]!;
  state.frames = state.frames.slice(0, -1);
  const outcome = frame.transfer ? { ...ended, endedBy: frame.transfer.endedBy, transferredTo: frame.ref.workflowId } : ended;
  if (ran) concludeWorkflow(plan, state, env, frame, outcome);
  else recordSkippedSteps(state, planOf(plan, frame).workflow);
  const self = workflowKey(frame.ref);
  for (const origin of [...(frame.transfer?.from ?? [])].reverse()) {
    if (workflowKey(origin.ref) !== self) concludeWorkflow(plan, state, env, origin, outcome);
  }
  deliver(state, env, frame.why, outcome);
}

function concludeWorkflow(plan: Plan, state: RunState, env: RunEnv, ran: Origin, outcome: WorkflowOutcome): void {
  recordSkippedSteps(state, planOf(plan, ran).workflow);
  state.workflows = withOwn(state.workflows, ran.ref.workflowId, { inputs: ran.inputs, outputs: outcome.outputs });
  state.finished = withOwn(state.finished, workflowKey(ran.ref), outcome.status);
  env.emit({ type: 'workflow-end', workflowId: ran.ref.workflowId, status: outcome.status, outputs: outcome.outputs });
}

/** The outcome goes to the frame below, which takes it up on its next turn; the root's ends the run. */
export function deliver(state: RunState, env: RunEnv, why: FrameWhy, outcome: WorkflowOutcome): void {
  const parent = state.frames[state.frames.length - 1];
  if (!parent || why === 'root') {
    state.result = resultOf(state, env, outcome);
    return;
  }
  const next = parent.next;
  if (why === 'dependency' && next.kind === 'dependencies') {
    parent.next = outcome.status === 'succeeded'
      ? { kind: 'dependencies', index: next.index + 1 }
      : { kind: 'dependency-failed', index: next.index, why: outcome.error?.message ?? 'it failed' };
  } else if (why === 'step' && next.kind === 'awaiting-child') {
    parent.next = { kind: 'child-ended', exec: next.exec, outcome };
  } else if (why === 'retry' && next.kind === 'awaiting-retry-workflow') {
    parent.next = { kind: 'retry-delay', delayMs: next.delayMs };
  } else {
    throw new Error(`a ${why} workflow ended while its parent was in state ${next.kind}`);
  }
}

export function resultOf(state: RunState, env: RunEnv, outcome: WorkflowOutcome): RunResult {
  return {
    workflowId: state.workflowId,
    status: outcome.status,
    outputs: outcome.outputs,
    endedBy: outcome.endedBy,
    steps: Object.values(state.records),
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.transferredTo ? { transferredTo: outcome.transferredTo } : {}),
    warnings: state.warnings,
    durationMs: env.clock.now() - state.startedAt,
  };
}
