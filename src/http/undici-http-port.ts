/**
 * HttpPort over undici (`Agent` + `request()`, not fetch): the only module that sends requests.
 *
 * - Redirects are NOT followed: a 3xx is a response the step's criteria judge (the Arazzo spec's
 *   own examples expect `$statusCode == 302`). undici's request() never follows them by itself.
 * - `timeoutMs` (default 30 s) is both undici's headersTimeout and bodyTimeout (idle time between
 *   body chunks). `maxResponseBytes` (default 10 MiB) caps the body read into memory.
 * - send() never throws: every failure, including a bug-shaped one, is an outcome of kind failure.
 * - Transport concerns (a request log, HAR capture) are added by composing undici interceptors via
 *   `interceptors`, not by branching in here.
 */
import { Agent, request, type Dispatcher } from 'undici';
import type { HttpOutcome, HttpPort, HttpRequest, HttpSendOptions } from '../engine/ports.js';
import { mapUndiciError } from './map-undici-error.js';
import { parseResponseBody } from './parse-response-body.js';
import { readCappedBody } from './read-capped-body.js';
import { joinResponseHeaders } from './join-response-headers.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface UndiciHttpPortOptions {
  /** TCP + TLS connect timeout; undici's default (10 s) when absent. */
  connectTimeoutMs?: number;
  /** Verify server certificates (default true). False only for local test servers. */
  rejectUnauthorized?: boolean;
  /** Composed around the agent, outermost first, e.g. a request logger. */
  interceptors?: readonly Dispatcher.DispatcherComposeInterceptor[];
}

export type UndiciHttpPort = HttpPort & { close(): Promise<void> };

function flattenHeaders(headers: HttpRequest['headers']): string[] {
  return headers.flatMap(([name, value]) => [name, value]);
}

async function sendOnce(dispatcher: Dispatcher, req: HttpRequest, options: HttpSendOptions, started: number): Promise<HttpOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const elapsed = (): number => Math.round(performance.now() - started);
  const response = await request(req.url, {
    dispatcher,
    method: req.method,
    headers: flattenHeaders(req.headers),
    body: req.body ?? null,
    signal: options.signal ?? null,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const headers = joinResponseHeaders(response.headers);
  const declared = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  const read = await readCappedBody(response.body, maxBytes, Number.isFinite(declared) ? declared : undefined);
  if (!read.ok) {
    const message = `the response to ${req.method} ${req.url} (status ${response.statusCode}) is larger than ${maxBytes} bytes — raise the response size limit if that is expected`;
    return { kind: 'failure', reason: 'body-too-large', message, durationMs: elapsed() };
  }
  const parsed = parseResponseBody(headers['content-type'], read.bytes);
  if (!parsed.ok) {
    return { kind: 'failure', reason: 'invalid-body', message: `${req.method} ${req.url} → ${response.statusCode}: ${parsed.message}`, durationMs: elapsed() };
  }
  const result: HttpOutcome = { kind: 'response', response: { status: response.statusCode, headers, body: parsed.body, durationMs: elapsed() } };
  if (parsed.bodyText !== undefined) result.response.bodyText = parsed.bodyText;
  return result;
}

// A type guard so `signal.reason` can be read once the check passed.
const isAborted = (signal: AbortSignal | undefined): signal is AbortSignal => signal?.aborted === true;

function failureFrom(error: unknown, req: HttpRequest, options: HttpSendOptions, started: number): HttpOutcome {
  const context = { url: req.url, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  // An abort can surface as any error (socket destroyed, stream closed): the signal is the truth,
  // and its reason tells a caller's deadline (TimeoutError) from a cancel.
  const aborted = isAborted(options.signal);
  const mapped = mapUndiciError(aborted ? options.signal?.reason ?? error : error, context);
  const reason = aborted && mapped.reason !== 'timeout' ? 'aborted' : mapped.reason;
  return { kind: 'failure', reason, message: mapped.message, durationMs: Math.round(performance.now() - started) };
}

export function createUndiciHttpPort(options: UndiciHttpPortOptions = {}): UndiciHttpPort {
  const connect = { rejectUnauthorized: options.rejectUnauthorized ?? true, ...(options.connectTimeoutMs === undefined ? {} : { timeout: options.connectTimeoutMs }) };
  const agent = new Agent({ connect });
  const dispatcher: Dispatcher = options.interceptors === undefined || options.interceptors.length === 0 ? agent : agent.compose([...options.interceptors]);
  return {
    async send(req, sendOptions = {}) {
      const started = performance.now();
      try {
        if (isAborted(sendOptions.signal)) throw sendOptions.signal.reason;
        return await sendOnce(dispatcher, req, sendOptions, started);
      } catch (error) {
        return failureFrom(error, req, sendOptions, started);
      }
    },
    close: () => agent.close(),
  };
}
