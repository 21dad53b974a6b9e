/**
 * How a run ends when it is stopped from inside: a RunHalt (budget, timeout, cancellation, a
 * request lost in flight) or an unexpected error, which is named as an internal error at the step
 * that was running. Either way the run ends with a result that keeps the steps done so far.
 */
import type { Plan } from '../plan/plan.js';
import { planOf, type RunEnv } from './run-env.js';
import type { RunErrorCode } from './run-result.js';
import type { RunState } from './run-state.js';
import { recordInterruptedStep, recordSkippedSteps } from './step-records.js';
import { evaluateWorkflowOutputs } from './workflow-outputs.js';
import { resultOf } from './workflow-frames.js';

/** Thrown to stop the whole run; caught once, in advance. */
export class RunHalt extends Error {
  constructor(readonly code: RunErrorCode, message: string, readonly stepId?: string, readonly workflowId?: string) {
    super(message);
  }
}

/** Stops the run when it was cancelled, ran out of time, or used up its step budget. */
export function checkLimits(state: RunState, env: RunEnv, workflowId: string, stepId: string): void {
  if (env.options.signal?.aborted) throw new RunHalt('aborted', 'The run was cancelled', stepId, workflowId);
  if (state.deadline !== undefined && env.clock.now() >= state.deadline) {
    throw new RunHalt('timeout', `The run exceeded --timeout (${state.deadline - state.startedAt} ms) at step ${stepId}`, stepId, workflowId);
  }
  if (state.stepsExecuted >= env.maxSteps) {
    throw new RunHalt('max-steps-exceeded', `The run used its budget of ${env.maxSteps} step executions (--max-steps) at step ${stepId}; a loop may never end`, stepId, workflowId);
  }
}

export function haltRun(plan: Plan, state: RunState, env: RunEnv, error: unknown): void {
  const halt = error instanceof RunHalt ? error : internalHalt(state, env, error);
  if (halt.code === 'internal-error' && state.current && !state.current.recorded) recordInterruptedStep(state, state.current, halt.message);
  // The root workflow's outputs, once its steps have started (not while its dependsOn run).
  const root = state.frames[0];
  const started = root && root.next.kind !== 'dependencies' ? root : undefined;
  const outputs = started ? safeOutputs(plan, state, env, started) : {};
  if (started) recordSkippedSteps(state, planOf(plan, started).workflow);
  const place = { ...(halt.stepId ? { stepId: halt.stepId } : {}), ...(halt.workflowId ? { workflowId: halt.workflowId } : {}) };
  state.frames = [];
  delete state.inFlight;
  delete state.waitUntil;
  state.result = resultOf(state, env, { status: 'failed', outputs, endedBy: null, error: { code: halt.code, message: halt.message, ...place } });
}

/** An unexpected error, named as one, at the step that was running when it happened. */
function internalHalt(state: RunState, env: RunEnv, error: unknown): RunHalt {
  try {
    env.options.onInternalError?.(error);
  } catch {
    // The hook is for diagnostics only; the result must still be built.
  }
  const detail = error instanceof Error ? error.message : String(error);
  const at = state.current;
  const where = at ? ` at step ${at.stepId}` : '';
  return new RunHalt('internal-error', `unexpected internal error${where}: ${detail} (this is a bug in arazzo)`, at?.stepId, at?.workflowId);
}

/** Workflow outputs after a halt: evaluating them (and their warnings) must not throw again. */
function safeOutputs(plan: Plan, state: RunState, env: RunEnv, frame: RunState['frames'][number]): Record<string, unknown> {
  try {
    return evaluateWorkflowOutputs(state, env, frame, planOf(plan, frame));
  } catch {
    return {};
  }
}
