/** The result of a run: a stable, JSON-serialisable shape that users' scripts depend on (--json). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HttpFailureReason, ResponseFinding } from './ports.js';

export type RunStatus = 'succeeded' | 'failed';

/** Stable error codes of a failed run (also in the README's exit-code table). */
export type RunErrorCode =
  | 'step-failed'
  | 'request-failed'
  | 'max-steps-exceeded'
  | 'timeout'
  | 'aborted'
  | 'dependency-failed'
  | 'workflow-recursion'
  | 'ended-on-failure'
  /** Set by the CLI, not the engine: --fail-on-end named the success end action that ended the run. */
  | 'fail-on-end'
  | 'in-flight-unknown'
  /** An Arazzo 1.1 asyncapi step reached by a library run (the CLI refuses it up front, exit 2). */
  | 'asyncapi-step-unsupported'
  | 'internal-error';

export interface RunError {
  code: RunErrorCode;
  message: string;
  workflowId?: string;
  stepId?: string;
}

export interface StepRecord {
  workflowId: string;
  stepId: string;
  status: 'succeeded' | 'failed' | 'skipped';
  /** How many times control reached the step (a poll loop counts every iteration). */
  executions: number;
  /** HTTP attempts (or child runs) including retries. */
  attempts: number;
  lastStatusCode?: number;
  /** Why the last execution failed: a criterion, or an HTTP failure reason. */
  reason?: string;
  /** The last execution's transport failure (timeout, connection, body-too-large, ...), if any. */
  httpFailure?: HttpFailureReason;
  outputs: Record<string, unknown>;
  durationMs: number;
  /** Method and URL of the last request sent. */
  request?: { method: string; url: string };
  /** An AsyncAPI step's last message, sent or received (masked like everything the reports print). */
  message?: StepMessage;
  /** What the last response broke of its description (--response-checks); absent when it passed or checks are off. */
  responseChecks?: ResponseFinding[];
  /** A failed step's last response, masked and cut (set by the reports, not the engine; issue 12 item 9). */
  response?: ResponseExcerpt;
}

export interface StepMessage {
  action: 'send' | 'receive';
  protocol: string;
  address: string;
  headers: Record<string, string>;
  payload: unknown;
}

export interface ResponseExcerpt {
  status: number;
  contentType?: string;
  /** The body on one line, masked, at most EXCERPT_LIMIT characters (then "…"). */
  bodyExcerpt: string;
  truncated: boolean;
}

export interface RunResult {
  workflowId: string;
  status: RunStatus;
  outputs: Record<string, unknown>;
  endedBy: { stepId: string; action: string } | null;
  steps: StepRecord[];
  error?: RunError;
  /** Set when a goto transferred control to another workflow; the status is that workflow's. */
  transferredTo?: string;
  warnings: Diagnostic[];
  durationMs: number;
}
