/** Per-step bookkeeping for the result: counts and the last values only, so memory stays bounded. */
import type { WorkflowPlan } from '../plan/plan.js';
import type { StepRecord } from './run-result.js';
import { own, withOwn, type RunState } from './run-state.js';
import type { StepOutcome } from './step-outcome.js';

export const recordKey = (workflowId: string, stepId: string): string => `${workflowId}#${stepId}`;

export function recordStep(state: RunState, workflowId: string, stepId: string, outcome: StepOutcome, durationMs: number, retry: boolean): void {
  const key = recordKey(workflowId, stepId);
  const previous = own(state.records, key);
  state.records = withOwn(state.records, key, {
    workflowId,
    stepId,
    status: outcome.succeeded ? 'succeeded' : 'failed',
    executions: (previous?.executions ?? 0) + (retry ? 0 : 1),
    attempts: (previous?.attempts ?? 0) + 1,
    ...(outcome.statusCode !== undefined ? { lastStatusCode: outcome.statusCode } : {}),
    ...(outcome.reason !== undefined && !outcome.succeeded ? { reason: outcome.reason } : {}),
    ...(outcome.httpFailure !== undefined ? { httpFailure: outcome.httpFailure } : {}),
    outputs: outcome.outputs,
    durationMs: (previous?.durationMs ?? 0) + durationMs,
    ...(outcome.request ? { request: outcome.request } : {}),
    ...(outcome.message ? { message: outcome.message } : {}),
    ...(outcome.responseChecks?.length ? { responseChecks: outcome.responseChecks } : {}),
  });
}

/** Steps of a finished workflow that never ran are reported as skipped. */
export function recordSkippedSteps(state: RunState, workflow: WorkflowPlan): void {
  const workflowId = workflow.workflowId;
  let records: Record<string, StepRecord> | undefined;
  for (const step of workflow.steps) {
    const key = recordKey(workflowId, step.stepId);
    if (Object.hasOwn(records ?? state.records, key)) continue;
    records = withOwn(records ?? state.records, key, { workflowId, stepId: step.stepId, status: 'skipped', executions: 0, attempts: 0, outputs: {}, durationMs: 0 });
  }
  if (records) state.records = records;
}

/** The step that was running when an unexpected error stopped the run is failed, not skipped. */
export function recordInterruptedStep(state: RunState, at: { workflowId: string; stepId: string }, reason: string): void {
  const key = recordKey(at.workflowId, at.stepId);
  const previous = own(state.records, key);
  const base = previous ?? { workflowId: at.workflowId, stepId: at.stepId, executions: 1, attempts: 1, outputs: {}, durationMs: 0 };
  state.records = withOwn(state.records, key, { ...base, status: 'failed', reason });
}
