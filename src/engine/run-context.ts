/** Options of a run and the bookkeeping shared by every workflow it executes. */
import { makeDiagnostic, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ExpressionScope, RequestView, ResponseView, WorkflowValues } from '../expressions/scope.js';
import type { DocumentPlan, Plan, StepPlan, WorkflowPlan } from '../plan/plan.js';
import type { EventSink, RunEvent } from './events.js';
import type { ExplicitCredentials } from '../auth/credential.js';
import type { Clock, HttpPort, ResponseCheckPort, TokenPort } from './ports.js';
import type { RequestMemo } from './request-memo.js';
import type { RunErrorCode, StepRecord } from './run-result.js';

export interface RunOptions {
  http: HttpPort;
  clock: Clock;
  events?: EventSink;
  /** Wait between iterations of a step that goes to itself (a poll). Default 2000. */
  pollIntervalMs?: number;
  /** Budget of step executions for the whole run, counting every poll and retry. Default 1000. */
  maxSteps?: number;
  /** Wall-clock budget of the whole run. Default: none. */
  timeoutMs?: number;
  /** Per request. Default 30 s. */
  requestTimeoutMs?: number;
  /** Response body cap. Default 10 MiB. */
  maxResponseBytes?: number;
  /** Longest wait a Retry-After header may ask for. Default 5 minutes. */
  maxRetryAfterMs?: number;
  /** Hears an unexpected error (a bug) before the run ends with `internal-error`, e.g. to print its stack. */
  onInternalError?: (error: unknown) => void;
  /** sourceDescription name → server URL that replaces the OpenAPI server. */
  servers?: Readonly<Record<string, string>>;
  /** Server URL variables, e.g. { region: 'eu-frankfurt-1' }. */
  serverVariables?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Credentials given outside the document (--auth, ARAZZO_AUTH_*), by source and scheme name. */
  credentials?: ExplicitCredentials;
  /** Fetches OAuth 2.0 client-credentials tokens; without it such schemes cannot be filled. */
  tokens?: TokenPort;
  /** Sources whose requests the transport signs (--sign): their security requirements count as filled. */
  signedSources?: ReadonlySet<string>;
  /** Hears every credential value the run adds to a request, before any event carries it. */
  learnSecret?: (value: string) => void;
  /** Response checks against the description: `warn` adds a warning, `error` also fails the step. Off when absent. */
  responseChecks?: { mode: 'warn' | 'error'; check: ResponseCheckPort };
}

export const DEFAULTS = {
  pollIntervalMs: 2000,
  maxSteps: 1000,
  requestTimeoutMs: 30_000,
  maxResponseBytes: 10 * 1024 * 1024,
  maxRetryAfterMs: 5 * 60_000,
} as const;

/** Thrown to stop the whole run (budget, timeout, cancellation); caught once at the top. */
export class RunHalt extends Error {
  constructor(readonly code: RunErrorCode, message: string, readonly stepId?: string, readonly workflowId?: string) {
    super(message);
  }
}

/** One workflow being executed: its plan, inputs and the outputs of its steps so far. */
export interface WorkflowFrame {
  workflow: WorkflowPlan;
  document: DocumentPlan;
  inputs: Record<string, unknown>;
  stepOutputs: Record<string, Record<string, unknown>>;
  depth: number;
}

export class RunContext {
  stepsExecuted = 0;
  readonly startedAt: number;
  readonly deadline: number | undefined;
  readonly workflowValues: Record<string, WorkflowValues> = {};
  /** How each workflow that ran ended, by workflowKey: dependsOn runs a dependency once. */
  readonly finished = new Map<string, 'succeeded' | 'failed'>();
  readonly inProgress = new Set<string>();
  readonly records = new Map<string, StepRecord>();
  readonly warnings: Diagnostic[] = [];
  readonly serverUrls = new Map<string, string>();
  /** The last request each step sent, reused while its values stay the same (request-memo.ts). */
  readonly requestMemos = new Map<StepPlan, RequestMemo>();
  /** The step being executed (and whether its outcome is recorded yet), so an unexpected error can be placed. */
  currentStep: { workflowId: string; stepId: string; recorded: boolean } | undefined;
  private readonly warned = new Set<string>();

  constructor(readonly plan: Plan, readonly options: RunOptions) {
    this.startedAt = options.clock.now();
    this.deadline = options.timeoutMs === undefined ? undefined : this.startedAt + options.timeoutMs;
  }

  emit(event: RunEvent): void {
    this.options.events?.(event);
  }

  /** Whether anyone hears events: a loop that thousands of steps go through builds them only then. */
  get listening(): boolean {
    return this.options.events !== undefined;
  }

  warn(code: Code, message: string, extra: Partial<Diagnostic> = {}): void {
    const key = `${code}:${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const diagnostic = makeDiagnostic(code, 'warning', message, extra);
    this.warnings.push(diagnostic);
    this.emit({ type: 'warning', diagnostic });
  }

  /** Stops the run when it was cancelled, ran out of time, or used up its step budget. */
  checkLimits(workflowId: string, stepId: string): void {
    if (this.options.signal?.aborted) throw new RunHalt('aborted', 'The run was cancelled', stepId, workflowId);
    if (this.deadline !== undefined && this.options.clock.now() >= this.deadline) {
      throw new RunHalt('timeout', `The run exceeded --timeout (${this.options.timeoutMs} ms) at step ${stepId}`, stepId, workflowId);
    }
    const maxSteps = this.options.maxSteps ?? DEFAULTS.maxSteps;
    if (this.stepsExecuted >= maxSteps) {
      throw new RunHalt('max-steps-exceeded', `The run used its budget of ${maxSteps} step executions (--max-steps) at step ${stepId}; a loop may never end`, stepId, workflowId);
    }
  }

  /** Milliseconds left before the deadline (Infinity without --timeout). */
  remainingMs(): number {
    return this.deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, this.deadline - this.options.clock.now());
  }

  async sleep(ms: number): Promise<void> {
    const wait = Math.min(ms, this.remainingMs());
    if (wait > 0) await this.options.clock.sleep(wait, this.options.signal);
  }

  /** What expressions see in a step; with its request and response once they exist. */
  scopeOf(frame: WorkflowFrame, request?: RequestView, response?: ResponseView): ExpressionScope {
    const scope: ExpressionScope = {
      inputs: frame.inputs,
      steps: frame.stepOutputs,
      workflows: this.workflowValues,
      sourceDescriptions: frame.document.sourceDescriptions,
      components: frame.document.components,
    };
    // Assigned, not spread into a copy: this runs on every iteration of a poll.
    if (request) scope.request = request;
    if (response) scope.response = response;
    return scope;
  }
}
