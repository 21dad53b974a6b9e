/**
 * The environment of a run: the options and ports it was started with, plus caches derived from
 * the plan. Nothing here is part of where the run is; a resumed run rebuilds it from its options.
 */
import type { ExplicitCredentials } from '../auth/credential.js';
import { makeDiagnostic, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ExpressionScope, RequestView, ResponseView } from '../expressions/scope.js';
import type { DocumentPlan, Plan, WorkflowPlan } from '../plan/plan.js';
import type { EventSink, RunEvent } from './events.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import type { BrokerPort, Clock, HttpPort, ResponseCheckPort, TokenPort } from './ports.js';
import { RUN_DEFAULTS } from './run-defaults.js';
import type { Frame, RunState } from './run-state.js';

export interface RunOptions {
  http: HttpPort;
  clock: Clock;
  events?: EventSink;
  /** Wait between iterations of a step that goes to itself (a poll). Default: RUN_DEFAULTS. */
  pollIntervalMs?: number;
  /** Budget of step executions for the whole run, counting every poll and retry. */
  maxSteps?: number;
  /** Wall-clock budget of the whole run. Default: none. */
  timeoutMs?: number;
  /** Per request. */
  requestTimeoutMs?: number;
  /** Response body cap. */
  maxResponseBytes?: number;
  /** Longest wait a Retry-After header may ask for. */
  maxRetryAfterMs?: number;
  /** Hears an unexpected error (a bug) before the run ends with `internal-error`, e.g. to print its stack. */
  onInternalError?: (error: unknown) => void;
  /** sourceDescription name → server URL that replaces the OpenAPI server. */
  servers?: Readonly<Record<string, string>>;
  /** Server URL variables, e.g. { region: 'eu-frankfurt-1' }. */
  serverVariables?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** On resume: re-send a request that was in flight even when its method is not idempotent. */
  resendInFlight?: boolean;
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
  /** The channel of each AsyncAPI step, by asyncChannelKey (resolved by the host from the sources). */
  asyncChannels?: ReadonlyMap<string, AsyncChannel>;
  /** Sends and receives AsyncAPI messages; without it an AsyncAPI step halts the run. */
  broker?: BrokerPort;
}

/** Where an AsyncAPI step's channel is found in RunOptions.asyncChannels. */
export const asyncChannelKey = (documentKey: string, workflowId: string, stepId: string): string => `${documentKey}#${workflowId}#${stepId}`;

/** What advance needs besides the plan and the state; the HTTP port is the driver's. */
export type RunEnvOptions = Omit<RunOptions, 'http'>;

export interface RunEnv {
  readonly options: RunEnvOptions;
  readonly clock: Clock;
  readonly listening: boolean;
  readonly pollIntervalMs: number;
  readonly maxSteps: number;
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRetryAfterMs: number;
  emit(event: RunEvent): void;
  /** Resolved server URLs by source and servers: they depend only on the plan and the options. */
  readonly serverUrls: Map<string, string>;
}

export function createRunEnv(options: RunEnvOptions): RunEnv {
  const events = options.events;
  return {
    options,
    clock: options.clock,
    listening: events !== undefined,
    pollIntervalMs: options.pollIntervalMs ?? RUN_DEFAULTS.pollIntervalMs,
    maxSteps: options.maxSteps ?? RUN_DEFAULTS.maxSteps,
    requestTimeoutMs: options.requestTimeoutMs ?? RUN_DEFAULTS.requestTimeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? RUN_DEFAULTS.maxResponseBytes,
    maxRetryAfterMs: options.maxRetryAfterMs ?? RUN_DEFAULTS.maxRetryAfterMs,
    emit: events ? (event) => events(event) : () => undefined,
    serverUrls: new Map(),
  };
}

/** Milliseconds left before the deadline (Infinity without --timeout). */
/** Until the run's --timeout, or the `timeout` of a workflowId step whose workflow is running, whichever is first. */
export function remainingMs(state: RunState, env: RunEnv): number {
  let until = state.deadline ?? Number.POSITIVE_INFINITY;
  for (const frame of state.frames) if (frame.stepTimeout && frame.stepTimeout.until < until) until = frame.stepTimeout.until;
  return until === Number.POSITIVE_INFINITY ? until : Math.max(0, until - env.clock.now());
}

/** A warning, once per code and message for the whole run. */
export function warn(state: RunState, env: RunEnv, code: Code, message: string, extra: Partial<Diagnostic> = {}): void {
  if (state.warnings.some((w) => w.code === code && w.message === message)) return;
  const diagnostic = makeDiagnostic(code, 'warning', message, extra);
  state.warnings = [...state.warnings, diagnostic];
  env.emit({ type: 'warning', diagnostic });
}

export interface FramePlan {
  workflow: WorkflowPlan;
  document: DocumentPlan;
}

export function lookupWorkflow(plan: Plan, ref: { documentKey: string; workflowId: string }): FramePlan | undefined {
  const document = plan.documents.get(ref.documentKey);
  const workflow = document?.workflows.get(ref.workflowId);
  return document && workflow ? { workflow, document } : undefined;
}

/** The plan of a frame on the stack (it was looked up when the frame was pushed). */
export function planOf(plan: Plan, frame: Pick<Frame, 'ref'>): FramePlan {
  const found = lookupWorkflow(plan, frame.ref);
  if (!found) throw new Error(`workflow ${frame.ref.workflowId} of ${frame.ref.documentKey} is not in the plan`);
  return found;
}

/** What expressions see in a step; with its request and response once they exist. */
export function scopeOf(state: RunState, frame: Frame, document: DocumentPlan, request?: RequestView, response?: ResponseView): ExpressionScope {
  const scope: ExpressionScope = {
    inputs: frame.inputs,
    steps: frame.stepOutputs,
    workflows: state.workflows,
    sourceDescriptions: document.sourceDescriptions,
    components: document.components,
  };
  if (document.self !== undefined) scope.self = document.self;
  if (request) scope.request = request;
  if (response) scope.response = response;
  return scope;
}
