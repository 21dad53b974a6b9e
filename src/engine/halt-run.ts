/**
 * How a run ends when it is stopped from inside: a RunHalt (budget, timeout, cancellation) or an
 * unexpected error, which is named as an internal error at the step that was running. Either
 * way the run ends with a result that keeps the steps done so far.
 */
import { RunHalt, type RunContext, type WorkflowFrame } from './run-context.js';
import type { WorkflowOutcome } from './run-workflow.js';
import { recordInterruptedStep, recordSkippedSteps } from './step-records.js';
import { evaluateWorkflowOutputs } from './workflow-outputs.js';

export function outcomeAfterHalt(run: RunContext, error: unknown, frame: WorkflowFrame | undefined): WorkflowOutcome {
  const halt = error instanceof RunHalt ? error : internalHalt(run, error);
  if (halt.code === 'internal-error' && run.currentStep && !run.currentStep.recorded) recordInterruptedStep(run, run.currentStep, halt.message);
  const outputs = safeOutputs(run, frame);
  if (frame) recordSkippedSteps(run, frame);
  const place = { ...(halt.stepId ? { stepId: halt.stepId } : {}), ...(halt.workflowId ? { workflowId: halt.workflowId } : {}) };
  return { status: 'failed', outputs, endedBy: null, error: { code: halt.code, message: halt.message, ...place } };
}

/** An unexpected error, named as one, at the step that was running when it happened. */
function internalHalt(run: RunContext, error: unknown): RunHalt {
  try {
    run.options.onInternalError?.(error);
  } catch {
    // The hook is for diagnostics only; the result must still be built.
  }
  const detail = error instanceof Error ? error.message : String(error);
  const at = run.currentStep;
  const where = at ? ` at step ${at.stepId}` : '';
  return new RunHalt('internal-error', `unexpected internal error${where}: ${detail} (this is a bug in arazzo)`, at?.stepId, at?.workflowId);
}

/** Workflow outputs after a halt: evaluating them (and their warnings) must not throw again. */
function safeOutputs(run: RunContext, frame: WorkflowFrame | undefined): Record<string, unknown> {
  if (!frame) return {};
  try {
    return evaluateWorkflowOutputs(run, frame);
  } catch {
    return {};
  }
}
