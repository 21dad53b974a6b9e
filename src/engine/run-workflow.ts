/**
 * Starting a run and running it to the end. startRun makes the first RunState; runWorkflow is
 * startRun plus the driver, for hosts that need no checkpoints.
 */
import type { Plan } from '../plan/plan.js';
import { driveRun, type DriveHooks, type Driven } from './drive-run.js';
import type { Clock } from './ports.js';
import type { RunOptions } from './run-env.js';
import type { RunResult } from './run-result.js';
import { RUN_STATE_VERSION, type RunState } from './run-state.js';
import { deliver, enterWorkflow } from './workflow-frames.js';
import { createRunEnv } from './run-env.js';

export type { RunOptions } from './run-env.js';

/** The state of a run that has not made a move yet: the root workflow's frame, the deadline. */
export function startRun(plan: Plan, workflowId: string, inputs: Record<string, unknown>, options: { clock: Clock; timeoutMs?: number }): RunState {
  const startedAt = options.clock.now();
  const state: RunState = {
    version: RUN_STATE_VERSION,
    workflowId,
    startedAt,
    ...(options.timeoutMs !== undefined ? { deadline: startedAt + options.timeoutMs } : {}),
    stepsExecuted: 0,
    frames: [],
    workflows: {},
    finished: {},
    records: {},
    warnings: [],
  };
  const failed = enterWorkflow(plan, state, { documentKey: plan.rootKey, workflowId }, inputs, 'root', 0);
  if (failed) deliver(state, createRunEnv({ clock: options.clock }), 'root', failed);
  return state;
}

/**
 * Continues a run from a state another process wrote down (JSON.parse of what it saved): the
 * same driver, from wherever the state says the run is. A request marked in flight is sent again
 * when idempotent, else the run fails with in-flight-unknown (unless options.resendInFlight).
 */
export async function resumeRun(plan: Plan, state: RunState, options: RunOptions, hooks: DriveHooks = {}): Promise<Driven> {
  if (state?.version !== RUN_STATE_VERSION) throw new Error(`a run state of version ${String(state?.version)} cannot be resumed (this version reads ${RUN_STATE_VERSION})`);
  return driveRun(plan, state, options, hooks);
}

export async function runWorkflow(plan: Plan, workflowId: string, inputs: Record<string, unknown>, options: RunOptions): Promise<RunResult> {
  const state = startRun(plan, workflowId, inputs, options);
  const driven = await driveRun(plan, state, options);
  if (!('result' in driven)) throw new Error('a run without a park hook was parked');
  return driven.result;
}
