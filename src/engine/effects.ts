/**
 * What advance asks its driver to do next, and what the driver hands back. Effects are the only
 * way a run touches the world: send a request, wait until a time, or stop with a result.
 */
import type { DigestLogin, TokenGrant } from '../auth/credential.js';
import type { RequestView } from '../expressions/scope.js';
import type { OperationResponses } from '../plan/operation.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import type { BrokerMessage, HttpOutcome, HttpRequest, ReceiveOutcome, ResponseFinding } from './ports.js';
import type { RunResult } from './run-result.js';

export type SendEffect = {
  kind: 'send';
  request: HttpRequest;
  /** What `$request` shows the step's criteria and outputs once the response is in. */
  view: RequestView;
  /** Per-request deadline, already cut to what is left of --timeout. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** OAuth 2.0 tokens the driver fetches (TokenPort) and adds before sending (issue 13). */
  grants?: TokenGrant[];
  /** HTTP Digest (RFC 7616): the driver sends, reads the 401 challenge and sends the answer. Never in the state file. */
  digest?: DigestLogin;
  /** The operation's declared responses, when the run checks responses against them (--response-checks). */
  responses?: OperationResponses;
};

/** Arazzo 1.1.0 §Step Object: an AsyncAPI step's message to send, or the message to wait for. */
export type MessageEffect = {
  kind: 'message';
  channel: AsyncChannel;
  /** The channel address with its `in: channel` parameters filled. */
  address: string;
  /** send: the message; receive: unused. */
  message: BrokerMessage;
  /** receive: only a message whose correlation id (at channel.correlationLocation) equals this. */
  correlationId?: string;
  /** receive: the step's `timeout`, cut to what is left of --timeout. */
  timeoutMs: number;
  /**
   * Set for a non-blocking step (Arazzo 1.1.0 §Step Dependencies): the driver starts the message,
   * keeps its outcome under this key and calls advance again at once, with no reply.
   */
  detach?: string;
  /** A non-blocking step's retry: the driver starts the message after this delay (its retryAfter). */
  startAfterMs?: number;
};

export type Effect =
  | SendEffect
  | MessageEffect
  /** Wait until `until` (epoch ms by the run's clock); `ms` is how long that is from now. */
  | { kind: 'wait'; until: number; ms: number }
  /** Hand back the outcome of the first of these non-blocking messages to end (a dependsOn join). */
  | { kind: 'join'; keys: string[] }
  | { kind: 'done'; result: RunResult };

export type Reply =
  /** The outcome of the request of a send effect (handed back with it, `request` as actually sent). */
  | { kind: 'response'; sent: SendEffect; outcome: HttpOutcome; findings?: ResponseFinding[] }
  /** How an AsyncAPI step's message went: sent (accepted by the broker), received, timed out or failed (a joined one carries effect.detach). */
  | { kind: 'message'; effect: MessageEffect; outcome: { kind: 'sent' } | ReceiveOutcome }
  /** A join named a message this driver never started (the run was resumed by another process). */
  | { kind: 'lost'; key: string }
  /** The request could not be sent (e.g. no OAuth 2.0 token): the step fails for this reason. */
  | { kind: 'not-sent'; reason: string; stopped?: true }
  /** The wait of a wait effect is over (or was cut short by the run's signal). */
  | { kind: 'woke' }
  /** Performing the effect threw: the run ends with internal-error at the step that was running. */
  | { kind: 'error'; error: unknown };

export interface Advanced<State> {
  state: State;
  effect: Effect;
}
