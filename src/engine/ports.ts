/**
 * The interpreter's only doors to the world. The core calls these; the edges implement them
 * (http/undici-http-port.ts, a real clock, a reporter). Tests of the run path use the real
 * undici port against loopback servers; the port exists for layering and library reuse.
 */
import type { TokenGrant } from '../auth/credential.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import type { OperationResponses } from '../plan/operation.js';

export interface HttpRequest {
  method: string;
  url: string;
  /** In send order; names as given. */
  headers: ReadonlyArray<readonly [string, string]>;
  body?: string | Uint8Array;
  /** The source description the operation belongs to: picks its TLS settings (--cert source=...). */
  source?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", " (set-cookie joined with "\n"). */
  headers: Readonly<Record<string, string>>;
  /** Parsed by content type: JSON → value; text, XML and others → string; empty → undefined. */
  body: unknown;
  /** The raw body text (possibly truncated for reports), for logs and HAR. */
  bodyText?: string;
  durationMs: number;
}

/** Why no usable response came back. Stable strings: users' scripts and action criteria see them. */
export type HttpFailureReason =
  | 'timeout'
  | 'connection'
  | 'body-too-large'
  | 'invalid-body'
  | 'tls'
  | 'redirect'
  | 'aborted'
  | 'other';

export type HttpOutcome =
  | { kind: 'response'; response: HttpResponse }
  | {
      kind: 'failure';
      reason: HttpFailureReason;
      message: string;
      durationMs: number;
      /** Set when a status line did arrive (body-too-large, invalid-body): criteria can still read $statusCode. */
      status?: number;
      headers?: Readonly<Record<string, string>>;
    };

export interface HttpSendOptions {
  signal?: AbortSignal;
  /** Per-request deadline in milliseconds: connect, headers and the whole body must fit in it. */
  timeoutMs?: number;
  /** Cap on the response body size in bytes. */
  maxResponseBytes?: number;
}

export interface HttpPort {
  send(request: HttpRequest, options?: HttpSendOptions): Promise<HttpOutcome>;
}

export type TokenResult = { ok: true; accessToken: string } | { ok: false; message: string };

/** OAuth 2.0 client-credentials tokens (issue 13): fetched from the token endpoint, cached per run. */
export interface TokenPort {
  /** A token for the grant: the cached one unless `fresh` (after a 401) or it expired. */
  token(grant: TokenGrant, options?: { fresh?: boolean; signal?: AbortSignal }): Promise<TokenResult>;
}

/** One way a response differs from its operation's description (issue 13 "Response checks"). */
export interface ResponseFinding {
  check: 'status' | 'content-type' | 'schema';
  message: string;
  /** schema: JSON pointer (RFC 6901) of the first value that breaks the schema ('' = the whole body). */
  pointer?: string;
}

/** Checks a response against the operation's declared responses (src/checks; ajv loaded lazily). */
export type ResponseCheckPort = (responses: OperationResponses, response: HttpResponse) => Promise<ResponseFinding[]>;

export interface Clock {
  now(): number;
  /** Resolves after ms, or early (without throwing) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A message of an AsyncAPI step (Arazzo 1.1.0 §Step Object: action send|receive). */
export interface BrokerMessage {
  /** Header names lower-cased (MQTT 5 user properties). */
  headers: Record<string, string>;
  payload: unknown;
}

export type ReceiveOutcome =
  | { kind: 'received'; message: BrokerMessage }
  | { kind: 'timeout' }
  | { kind: 'failure'; message: string };

/** The broker side of AsyncAPI steps; adapters in src/brokers load their client library only when used. */
export interface BrokerPort {
  /**
   * Subscribes to every channel a receive step of the run may use, before the first step runs,
   * so a message triggered by an earlier step (an HTTP call, a send) is never missed.
   */
  prepare(channels: readonly AsyncChannel[]): Promise<void>;
  /** Resolves once the broker accepted the message (MQTT QoS 1 PUBACK). */
  send(channel: AsyncChannel, address: string, message: BrokerMessage, signal?: AbortSignal): Promise<{ ok: true } | { ok: false; message: string }>;
  /** The first message on the channel (buffered since prepare) that `matches`, within timeoutMs. */
  receive(channel: AsyncChannel, address: string, matches: (message: BrokerMessage) => boolean, timeoutMs: number, signal?: AbortSignal): Promise<ReceiveOutcome>;
  close(): Promise<void>;
}
