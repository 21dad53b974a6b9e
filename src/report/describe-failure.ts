/** One wording for "what failed" across JUnit, GitHub annotations and the step summary. */
import type { RunError, RunResult, StepRecord } from '../engine/run-result.js';

export const stepFailureText = (step: StepRecord): string =>
  `step ${step.stepId} failed: ${step.reason ?? 'unknown reason'}${step.lastStatusCode !== undefined ? `; HTTP status ${step.lastStatusCode}` : ''}`;

/** The step a failed run points at: the one its error names, else the last failed one. */
export function failingStep(result: RunResult): StepRecord | undefined {
  const { error } = result;
  const named = error?.stepId ? result.steps.find((s) => s.stepId === error.stepId && (!error.workflowId || s.workflowId === error.workflowId)) : undefined;
  return named ?? [...result.steps].reverse().find((s) => s.status === 'failed');
}

const STEP_CODES: ReadonlySet<RunError['code']> = new Set(['step-failed', 'request-failed', 'ended-on-failure']);

/** Why the run failed, naming the step, the criterion or transport reason, and the HTTP status. */
export function runFailureText(result: RunResult, interruptedBy?: string): string {
  const { error } = result;
  if (error?.code === 'aborted') return `interrupted${interruptedBy ? ` by ${interruptedBy}` : ''}${error.stepId ? ` at step ${error.stepId}` : ''}`;
  const step = failingStep(result);
  if (step && (!error || STEP_CODES.has(error.code))) return stepFailureText(step);
  return error?.message ?? 'failed';
}

/** How a run that did not just run past its last step ended: an `end` action, or a goto to another workflow. */
export function endingText(result: RunResult): string | undefined {
  const ended = result.endedBy;
  if (!ended) return undefined;
  if (result.transferredTo) return `step ${ended.stepId} went to workflow ${result.transferredTo} through its goto action "${ended.action}"`;
  return `ended by step ${ended.stepId} through its end action "${ended.action}"`;
}
