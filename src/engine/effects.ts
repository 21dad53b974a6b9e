/**
 * What advance asks its driver to do next, and what the driver hands back. Effects are the only
 * way a run touches the world: send a request, wait until a time, or stop with a result.
 */
import type { DigestLogin, TokenGrant } from '../auth/credential.js';
import type { RequestView } from '../expressions/scope.js';
import type { OperationResponses } from '../plan/operation.js';
import type { HttpOutcome, HttpRequest, ResponseFinding } from './ports.js';
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

export type Effect =
  | SendEffect
  /** Wait until `until` (epoch ms by the run's clock); `ms` is how long that is from now. */
  | { kind: 'wait'; until: number; ms: number }
  | { kind: 'done'; result: RunResult };

export type Reply =
  /** The outcome of the request of a send effect (handed back with it, `request` as actually sent). */
  | { kind: 'response'; sent: SendEffect; outcome: HttpOutcome; findings?: ResponseFinding[] }
  /** The request could not be sent (e.g. no OAuth 2.0 token): the step fails for this reason. */
  | { kind: 'not-sent'; reason: string }
  /** The wait of a wait effect is over (or was cut short by the run's signal). */
  | { kind: 'woke' }
  /** Performing the effect threw: the run ends with internal-error at the step that was running. */
  | { kind: 'error'; error: unknown };

export interface Advanced<State> {
  state: State;
  effect: Effect;
}
