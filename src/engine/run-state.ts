/**
 * Where a run is, as one plain JSON value (issue 11): a stack of workflow frames, the step budget
 * used, the records and warnings so far, the deadline, a wait and a request in flight. Nothing in
 * it points into the plan except by workflow ref and step index, so it can be written to a file
 * and read back by another process that loaded the same documents.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { WorkflowValues } from '../expressions/scope.js';
import type { WorkflowRef } from '../plan/plan.js';
import type { RunError, RunResult, StepRecord } from './run-result.js';

/** Bumped whenever the shape changes; a state of another version is refused. */
export const RUN_STATE_VERSION = 1;

/** One execution of one step that has started and not yet ended. */
export interface StepExecution {
  stepIndex: number;
  /** 1, or more for a retry of the same execution. */
  attempt: number;
  /** Which visit of the step this is (a poll counts every iteration). */
  execution: number;
  /** Epoch ms. */
  startedAt: number;
  /** Set for a retry action's target step, run once before the retried step: its outcome leads nowhere, then the retry waits delayMs. */
  side?: { delayMs: number };
  /** A non-blocking step's retries by action name (a step at the cursor keeps them in Frame.retriesUsed). */
  retriesUsed?: Record<string, number>;
}

/** What the frame does when control comes back to it. */
export type FrameNext =
  /** Run the dependsOn workflows from this index, then the first step. */
  | { kind: 'dependencies'; index: number }
  /** The dependency at this index failed: the workflow fails without running a step. */
  | { kind: 'dependency-failed'; index: number; why: string }
  /** Execute the step at the cursor. */
  | { kind: 'step' }
  /** Wait until state.waitUntil, then execute the step at the cursor. */
  | { kind: 'wait' }
  /** A retry: run its target step once, then wait delayMs, then the step at the cursor again. */
  | { kind: 'side-step'; index: number; delayMs: number }
  /** A retry whose target ran: wait delayMs, then the step at the cursor again. */
  | { kind: 'retry-delay'; delayMs: number }
  /** The frame above runs a retry's target workflow; its outcome is not used. */
  | { kind: 'awaiting-retry-workflow'; delayMs: number }
  /** The frame above is the child workflow of this workflowId step. */
  | { kind: 'awaiting-child'; exec: StepExecution }
  /** The child workflow of this workflowId step ended (handed over by the frame that ended). */
  | { kind: 'child-ended'; exec: StepExecution; outcome: WorkflowOutcome }
  /** The request of this operation step is in flight (see RunState.inFlight). */
  | { kind: 'awaiting-response'; exec: StepExecution }
  /** This AsyncAPI step's message is being sent, or waited for (see RunState.inFlight). */
  | { kind: 'awaiting-message'; exec: StepExecution };

/** Why a frame is on the stack: what happens to its outcome. */
export type FrameWhy = 'root' | 'dependency' | 'step' | 'retry';

export interface Frame {
  ref: WorkflowRef;
  inputs: Record<string, unknown>;
  /** stepId → outputs of its latest execution; kept across gotos (checklist 9.6). */
  stepOutputs: Record<string, Record<string, unknown>>;
  /** Index of the current step. */
  cursor: number;
  /** Retries used by each retry action during the current visit of the step. */
  retriesUsed: Record<string, number>;
  why: FrameWhy;
  next: FrameNext;
  depth: number;
  /**
   * Set when a goto handed control here from another workflow (the spec's transfer: this frame
   * replaced the one that jumped). The workflows left behind end with this one's outcome.
   */
  /**
   * Arazzo 1.1.0 §Step Dependencies: AsyncAPI steps of this frame started without blocking whose
   * outcome has not been taken in yet (a step joins them before it begins).
   */
  detached?: Detached[];
  /** Arazzo 1.1.0 §Step Object timeout of the workflowId step that entered this frame: epoch ms, and the timeout. */
  stepTimeout?: { until: number; ms: number };
  transfer?: { endedBy: { stepId: string; action: string }; from: Array<{ ref: WorkflowRef; inputs: Record<string, unknown> }> };
}

/** A non-blocking AsyncAPI step under way; `key` names its message at the driver. */
export interface Detached {
  key: string;
  exec: StepExecution;
  method: 'SEND' | 'RECEIVE';
}

export interface InFlight {
  workflowId: string;
  stepId: string;
  method: string;
  /** Epoch ms the request was handed to the HTTP port. */
  sentAt: number;
}

export interface RunState {
  version: typeof RUN_STATE_VERSION;
  /** The root workflow. */
  workflowId: string;
  /** Epoch ms. */
  startedAt: number;
  /** Absolute deadline (epoch ms) from --timeout. */
  deadline?: number;
  stepsExecuted: number;
  frames: Frame[];
  /** $workflows: inputs and outputs of the workflows that ended. */
  workflows: Record<string, WorkflowValues>;
  /** How each workflow that ran ended, by workflowKey: dependsOn runs a dependency once. */
  finished: Record<string, 'succeeded' | 'failed'>;
  /** `${workflowId}#${stepId}` → record, in the order the steps first ran. */
  records: Record<string, StepRecord>;
  warnings: Diagnostic[];
  /** Epoch ms the current wait ends (a poll interval or a retry delay). */
  waitUntil?: number;
  /** How many non-blocking steps were started: the next one's key. */
  detachedCount?: number;
  /** A request handed to the HTTP port whose outcome has not been taken in yet. */
  inFlight?: InFlight;
  /** The step being executed, so an unexpected error can be placed. */
  current?: { workflowId: string; stepId: string; recorded: boolean };
  /** Set when the run ended. */
  result?: RunResult;
}

/** How one workflow ended, handed to whatever entered it. */
export interface WorkflowOutcome {
  status: 'succeeded' | 'failed';
  outputs: Record<string, unknown>;
  endedBy: { stepId: string; action: string } | null;
  error?: RunError;
  transferredTo?: string;
}

/** A copy that advance may change: the top level and the frames; nested maps are replaced, never changed. */
export function draftState(state: RunState): RunState {
  return { ...state, frames: state.frames.map((frame) => ({ ...frame })) };
}

/** Own-property read: a stepId or workflowId such as "__proto__" must not reach Object.prototype. */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** A copy with one own property set (a computed key in a literal defines, never calls a setter). */
export const withOwn = <T>(record: Readonly<Record<string, T>>, key: string, value: NoInfer<T>): Record<string, T> => ({ ...record, [key]: value });
