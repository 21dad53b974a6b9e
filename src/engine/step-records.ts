/** Per-step bookkeeping for the result: counts and the last values only, so memory stays bounded. */
import type { StepOutcome } from './execute-step.js';
import type { RunContext, WorkflowFrame } from './run-context.js';

export function recordStep(run: RunContext, workflowId: string, stepId: string, outcome: StepOutcome, durationMs: number, retry = false): void {
  const key = `${workflowId}#${stepId}`;
  const previous = run.records.get(key);
  run.records.set(key, {
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
    ...(outcome.responseChecks?.length ? { responseChecks: outcome.responseChecks } : {}),
  });
}

/** Steps of a finished workflow that never ran are reported as skipped. */
export function recordSkippedSteps(run: RunContext, frame: Pick<WorkflowFrame, 'workflow'>): void {
  const workflowId = frame.workflow.workflowId;
  for (const step of frame.workflow.steps) {
    const key = `${workflowId}#${step.stepId}`;
    if (run.records.has(key)) continue;
    run.records.set(key, { workflowId, stepId: step.stepId, status: 'skipped', executions: 0, attempts: 0, outputs: {}, durationMs: 0 });
  }
}

/** The step that was running when an unexpected error stopped the run is failed, not skipped. */
export function recordInterruptedStep(run: RunContext, at: { workflowId: string; stepId: string }, reason: string): void {
  const key = `${at.workflowId}#${at.stepId}`;
  const previous = run.records.get(key);
  const base = previous ?? { workflowId: at.workflowId, stepId: at.stepId, executions: 1, attempts: 1, outputs: {}, durationMs: 0 };
  run.records.set(key, { ...base, status: 'failed', reason });
}
