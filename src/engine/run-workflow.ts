/**
 * The step interpreter: an explicit state machine over a step budget. Each workflow runs as a
 * loop over a small, serialisable state value (position + retries used); `nextTransition`
 * decides every move. The network is reached only through the HttpPort in the options.
 */
import type { DocumentPlan, Plan, StepPlan, WorkflowPlan, WorkflowRef } from '../plan/plan.js';
import { workflowKey } from '../plan/plan.js';
import { executeStep, type StepOutcome } from './execute-step.js';
import { nextTransition } from './next-transition.js';
import { DEFAULTS, RunContext, type RunOptions, type WorkflowFrame } from './run-context.js';
import type { RunError, RunResult } from './run-result.js';
import { evaluateWorkflowOutputs } from './workflow-outputs.js';
import { outcomeAfterHalt } from './halt-run.js';
import { recordSkippedSteps, recordStep } from './step-records.js';
import { withInputDefaults } from './input-defaults.js';
import { setOwn } from '../document/set-own.js';

export type { RunOptions } from './run-context.js';

/** Where a workflow is; plain data, so a run could be checkpointed and resumed later. */
export interface WorkflowState {
  stepIndex: number;
  /** Retries used by each retry action during the current visit of the step. */
  retriesUsed: Record<string, number>;
}

export interface WorkflowOutcome {
  status: 'succeeded' | 'failed';
  outputs: Record<string, unknown>;
  endedBy: { stepId: string; action: string } | null;
  error?: RunError;
  transferredTo?: string;
}

const MAX_WORKFLOW_DEPTH = 32;

export async function runWorkflow(plan: Plan, workflowId: string, inputs: Record<string, unknown>, options: RunOptions): Promise<RunResult> {
  const run = new RunContext(plan, options);
  const ref: WorkflowRef = { documentKey: plan.rootKey, workflowId };
  const root: { frame?: WorkflowFrame } = {};
  let outcome: WorkflowOutcome;
  try {
    outcome = await executeWorkflow(run, ref, inputs, 0, root);
  } catch (error) {
    // A run always ends with a result, also after a bug: the steps done so far are kept.
    outcome = outcomeAfterHalt(run, error, root.frame);
  }
  return {
    workflowId,
    status: outcome.status,
    outputs: outcome.outputs,
    endedBy: outcome.endedBy,
    steps: [...run.records.values()],
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.transferredTo ? { transferredTo: outcome.transferredTo } : {}),
    warnings: run.warnings,
    durationMs: options.clock.now() - run.startedAt,
  };
}

async function executeWorkflow(
  run: RunContext,
  ref: WorkflowRef,
  inputs: Record<string, unknown>,
  depth: number,
  root?: { frame?: WorkflowFrame },
): Promise<WorkflowOutcome> {
  const found = lookupWorkflow(run.plan, ref);
  if (!found) return failed('internal-error', `workflow ${ref.workflowId} is not in the plan`, ref.workflowId);
  inputs = withInputDefaults(found.workflow.inputsSchema, inputs);
  const key = workflowKey(ref);
  if (run.inProgress.has(key) || depth > MAX_WORKFLOW_DEPTH) {
    return failed('workflow-recursion', `workflow ${ref.workflowId} calls itself (directly or through others); stopped to avoid endless recursion`, ref.workflowId);
  }
  // In progress from here: a dependency cycle is recursion too.
  run.inProgress.add(key);
  try {
    const dependency = await runDependencies(run, found.workflow, inputs, depth);
    if (dependency) {
      recordSkippedSteps(run, found);
      return dependency;
    }
    const frame: WorkflowFrame = { workflow: found.workflow, document: found.document, inputs, stepOutputs: {}, depth };
    if (root) root.frame = frame;
    run.emit({ type: 'workflow-start', workflowId: ref.workflowId, depth });
    const outcome = await loopSteps(run, frame);
    recordSkippedSteps(run, frame);
    run.workflowValues[ref.workflowId] = { inputs, outputs: outcome.outputs };
    run.finished.set(key, outcome.status);
    run.emit({ type: 'workflow-end', workflowId: ref.workflowId, status: outcome.status, outputs: outcome.outputs });
    return outcome;
  } finally {
    run.inProgress.delete(key);
  }
}

/**
 * dependsOn: each dependency runs first, once per run (however it ended), with the dependent's
 * inputs. A dependency that failed, now or earlier in the run, fails the dependent.
 */
async function runDependencies(run: RunContext, workflow: WorkflowPlan, inputs: Record<string, unknown>, depth: number): Promise<WorkflowOutcome | undefined> {
  for (const dependency of workflow.dependsOn) {
    const earlier = run.finished.get(workflowKey(dependency));
    if (earlier === 'succeeded') continue;
    let why = 'it failed earlier in this run';
    if (earlier === undefined) {
      const outcome = await executeWorkflow(run, dependency, inputs, depth + 1);
      if (outcome.status === 'succeeded') continue;
      why = outcome.error?.message ?? 'it failed';
    }
    return failed('dependency-failed', `workflow ${workflow.workflowId} depends on ${dependency.workflowId}, which failed: ${why}`, workflow.workflowId);
  }
  return undefined;
}

async function loopSteps(run: RunContext, frame: WorkflowFrame): Promise<WorkflowOutcome> {
  const { workflow } = frame;
  let state: WorkflowState = { stepIndex: 0, retriesUsed: {} };
  for (;;) {
    const step = workflow.steps[state.stepIndex];
    if (!step) return finish(run, frame, 'succeeded', null);
    const attempt = 1 + Object.values(state.retriesUsed).reduce((sum, used) => sum + used, 0);
    const outcome = await runStepOnce(run, frame, step, attempt);
    const transition = nextTransition({
      step,
      succeeded: outcome.succeeded,
      scope: outcome.scope,
      retriesUsed: state.retriesUsed,
      ...(outcome.retryAfterMs !== undefined ? { retryAfterHeaderMs: outcome.retryAfterMs } : {}),
      ...(outcome.reason !== undefined ? { failureReason: outcome.reason } : {}),
    });
    const context = { workflowId: workflow.workflowId, stepId: step.stepId };
    switch (transition.kind) {
      case 'next':
        state = { stepIndex: state.stepIndex + 1, retriesUsed: {} };
        break;
      case 'fail':
        return finish(run, frame, 'failed', null, {
          code: failureCode(outcome),
          message: `step ${step.stepId} failed: ${transition.reason}`,
          ...context,
        });
      case 'end': {
        run.emit({ type: 'action', ...context, name: transition.action.name, actionType: 'end' });
        const endedBy = { stepId: step.stepId, action: transition.action.name };
        if (outcome.succeeded) return finish(run, frame, 'succeeded', endedBy);
        return finish(run, frame, 'failed', endedBy, { code: 'ended-on-failure', message: `step ${step.stepId} failed and its failure action "${transition.action.name}" ended the workflow: ${outcome.reason ?? ''}`.trim(), ...context });
      }
      case 'goto': {
        const { target, action } = transition;
        if (run.listening) run.emit({ type: 'action', ...context, name: action.name, actionType: 'goto', target: target.kind === 'step' ? target.stepId : target.workflow.workflowId });
        if (target.kind === 'workflow') return transfer(run, frame, step, action.name, target.workflow);
        if (target.index === state.stepIndex) await waitBeforePoll(run, frame, step, outcome);
        state = { stepIndex: target.index, retriesUsed: {} };
        break;
      }
      case 'retry': {
        const { action, delayMs } = transition;
        run.emit({ type: 'action', ...context, name: action.name, actionType: 'retry', ...(action.target ? { target: action.target.kind === 'step' ? action.target.stepId : action.target.workflow.workflowId } : {}) });
        state = { ...state, retriesUsed: { ...state.retriesUsed, [action.name]: (state.retriesUsed[action.name] ?? 0) + 1 } };
        if (action.target?.kind === 'step') await runStepOnce(run, frame, workflow.steps[action.target.index]!);
        if (action.target?.kind === 'workflow') await executeWorkflow(run, action.target.workflow, {}, frame.depth + 1);
        if (delayMs > 0) {
          run.emit({ type: 'wait', ...context, ms: delayMs, reason: 'retry' });
          await run.sleep(delayMs);
        }
        break;
      }
    }
  }
}

/** `attempt` > 1 is a retry: the same execution of the step, one more attempt (checklist 10.10). */
async function runStepOnce(run: RunContext, frame: WorkflowFrame, step: StepPlan, attempt = 1): Promise<StepOutcome> {
  const workflowId = frame.workflow.workflowId;
  run.checkLimits(workflowId, step.stepId);
  run.stepsExecuted++;
  const started = run.options.clock.now();
  const executions = run.records.get(`${workflowId}#${step.stepId}`)?.executions ?? 0;
  const execution = attempt > 1 ? Math.max(executions, 1) : executions + 1;
  run.currentStep = { workflowId, stepId: step.stepId, recorded: false };
  if (run.listening) run.emit({ type: 'step-start', workflowId, stepId: step.stepId, execution, attempt });
  const outcome = await executeStep(run, frame, step, async (ref, inputs) => {
    const child = await executeWorkflow(run, ref, inputs, frame.depth + 1);
    run.currentStep = { workflowId, stepId: step.stepId, recorded: false };
    return { status: child.status, outputs: child.outputs, ...(child.error ? { reason: child.error.message, errorCode: child.error.code } : {}) };
  });
  // Outputs persist for the whole workflow run, across every goto (checklist 9.6).
  setOwn(frame.stepOutputs, step.stepId, outcome.outputs);
  const durationMs = run.options.clock.now() - started;
  recordStep(run, workflowId, step.stepId, outcome, durationMs, attempt > 1);
  run.currentStep = { workflowId, stepId: step.stepId, recorded: true };
  if (run.listening) run.emit({
    type: 'step-end',
    workflowId,
    stepId: step.stepId,
    succeeded: outcome.succeeded,
    execution,
    ...(outcome.statusCode !== undefined ? { statusCode: outcome.statusCode } : {}),
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
    ...(outcome.httpFailure !== undefined ? { httpFailure: outcome.httpFailure } : {}),
    outputs: outcome.outputs,
    durationMs,
  });
  // A request cut short by --timeout or a cancellation ends the run with that cause, not as a failed step.
  if (outcome.requestFailed && (run.remainingMs() <= 0 || run.options.signal?.aborted)) run.checkLimits(workflowId, step.stepId);
  return outcome;
}

async function waitBeforePoll(run: RunContext, frame: WorkflowFrame, step: StepPlan, outcome: StepOutcome): Promise<void> {
  const ms = outcome.retryAfterMs ?? run.options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  if (ms <= 0) return;
  run.emit({ type: 'wait', workflowId: frame.workflow.workflowId, stepId: step.stepId, ms, reason: 'poll' });
  await run.sleep(ms);
}

/** goto a workflow: one-way; the rest of this workflow does not run, and its outcome is the target's. */
async function transfer(run: RunContext, frame: WorkflowFrame, step: StepPlan, action: string, target: WorkflowRef): Promise<WorkflowOutcome> {
  const outcome = await executeWorkflow(run, target, {}, frame.depth + 1);
  return { ...outcome, endedBy: { stepId: step.stepId, action }, transferredTo: target.workflowId };
}

/** An unhandled failure: the transport's, a child workflow's cause (not its `end`), or a criterion. */
function failureCode(outcome: StepOutcome): RunError['code'] {
  if (outcome.requestFailed) return 'request-failed';
  if (outcome.childErrorCode && outcome.childErrorCode !== 'ended-on-failure') return outcome.childErrorCode;
  return 'step-failed';
}

function finish(run: RunContext, frame: WorkflowFrame, status: 'succeeded' | 'failed', endedBy: WorkflowOutcome['endedBy'], error?: RunError): WorkflowOutcome {
  return { status, outputs: evaluateWorkflowOutputs(run, frame), endedBy, ...(error ? { error } : {}) };
}

function failed(code: RunError['code'], message: string, workflowId: string): WorkflowOutcome {
  return { status: 'failed', outputs: {}, endedBy: null, error: { code, message, workflowId } };
}

function lookupWorkflow(plan: Plan, ref: WorkflowRef): { workflow: WorkflowPlan; document: DocumentPlan } | undefined {
  const document = plan.documents.get(ref.documentKey);
  const workflow = document?.workflows.get(ref.workflowId);
  return document && workflow ? { workflow, document } : undefined;
}

