/**
 * undici and Node network errors → a stable HttpFailureReason and a message that says what
 * happened and what to try. Codes are read from the error, its `cause` chain and, for
 * AggregateError (happy-eyeballs tried several addresses), its first inner error.
 */
import type { HttpFailureReason } from '../engine/ports.js';

export interface FailureContext {
  url: string;
  /** The per-request timeout in effect, for the message. */
  timeoutMs: number;
}

export interface MappedFailure {
  reason: HttpFailureReason;
  message: string;
}

type ErrorLike = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

function asErrorLike(value: unknown): ErrorLike | undefined {
  return value !== null && typeof value === 'object' ? (value as ErrorLike) : undefined;
}

/** The first string `code` found in the error, its causes or its aggregated errors. */
export function findErrorCode(error: unknown, depth = 0): string | undefined {
  const e = asErrorLike(error);
  if (e === undefined || depth > 5) return undefined;
  if (typeof e.code === 'string') return e.code;
  const inner = Array.isArray(e.errors) ? (e.errors as unknown[])[0] : undefined;
  return findErrorCode(e.cause, depth + 1) ?? findErrorCode(inner, depth + 1);
}

function where(url: string): { hostPort: string; host: string } {
  try {
    const parsed = new URL(url);
    const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'https:' ? '443' : '80';
    return { hostPort: `${parsed.hostname}:${port}`, host: parsed.hostname };
  } catch {
    return { hostPort: url, host: url };
  }
}

const isTlsCode = (code: string): boolean =>
  /^(CERT_|UNABLE_TO_|ERR_TLS_|ERR_SSL_)/.test(code)
  || ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'HOSTNAME_MISMATCH', 'EPROTO'].includes(code);

function mapByCode(code: string, context: FailureContext): MappedFailure | undefined {
  const { hostPort, host } = where(context.url);
  switch (code) {
    case 'ECONNREFUSED':
      return { reason: 'connection', message: `connection refused by ${hostPort} — is the server running? check --server` };
    case 'ECONNRESET': case 'EPIPE': case 'UND_ERR_SOCKET': case 'UND_ERR_CLOSED':
      return { reason: 'connection', message: `${hostPort} closed the connection before the response was complete (${code}) — check the server's logs, or retry` };
    case 'ENOTFOUND': case 'EAI_AGAIN':
      return { reason: 'connection', message: `could not resolve host "${host}" (${code}) — check the server URL, or point the source elsewhere with --server` };
    case 'EHOSTUNREACH': case 'ENETUNREACH': case 'ETIMEDOUT': case 'EADDRNOTAVAIL':
      return { reason: 'connection', message: `${hostPort} is unreachable (${code}) — check the network and the server URL (--server)` };
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { reason: 'timeout', message: `connecting to ${hostPort} timed out — is the host reachable? check --server` };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { reason: 'timeout', message: `${hostPort} sent no response headers within ${context.timeoutMs} ms — the server is slow or stuck; raise the timeout if it is just slow` };
    case 'UND_ERR_BODY_TIMEOUT':
      return { reason: 'timeout', message: `the response body from ${hostPort} stalled for more than ${context.timeoutMs} ms — the server is slow or stuck; raise the timeout if it is just slow` };
    case 'UND_ERR_ABORTED': case 'ABORT_ERR':
      return { reason: 'aborted', message: `the request to ${context.url} was cancelled` };
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return { reason: 'body-too-large', message: `the response from ${hostPort} is larger than the allowed maximum — raise --max-response-bytes if that is expected` };
    case 'UND_ERR_HEADERS_OVERFLOW':
      return { reason: 'other', message: `the response headers from ${hostPort} are larger than the client accepts (${code}) — the server or a proxy in between misbehaves` };
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return { reason: 'connection', message: `${hostPort} sent a body that does not match its Content-Length (${code}) — the connection was cut or the server misbehaves; retry` };
    default:
      return code.startsWith('HPE_')
        ? { reason: 'other', message: `${hostPort} did not answer with valid HTTP/1.1 (${code}) — is it an HTTP server? check --server` }
        : undefined;
  }
}

function mapTls(code: string, detail: string, context: FailureContext): MappedFailure {
  const { hostPort } = where(context.url);
  const hint = code === 'EPROTO'
    ? 'does the server speak plain HTTP? then use an http:// URL'
    : 'trust its CA with NODE_EXTRA_CA_CERTS, or, for a local test server only, turn certificate checks off';
  return { reason: 'tls', message: `TLS with ${hostPort} failed (${code}: ${detail}) — ${hint}` };
}

/** The whole exchange (connect, headers, body) did not fit in the per-request deadline. */
export function deadlineMessage(url: string, timeoutMs: number): string {
  return `${where(url).hostPort} did not send a complete response within ${timeoutMs} ms — the server is slow or stuck; raise --request-timeout if it is just slow`;
}

export function mapUndiciError(error: unknown, context: FailureContext): MappedFailure {
  const e = asErrorLike(error);
  const name = typeof e?.name === 'string' ? e.name : '';
  const detail = typeof e?.message === 'string' && e.message !== '' ? e.message : String(error);
  if (name === 'TimeoutError') {
    return { reason: 'timeout', message: `the request to ${context.url} was cancelled by its deadline — raise the timeout if the server is just slow` };
  }
  if (name === 'AbortError') return { reason: 'aborted', message: `the request to ${context.url} was cancelled` };
  const code = findErrorCode(error);
  if (code === undefined) return { reason: 'other', message: `the request to ${context.url} failed: ${detail}` };
  if (isTlsCode(code)) return mapTls(code, detail, context);
  return mapByCode(code, context) ?? { reason: 'other', message: `the request to ${context.url} failed (${code}): ${detail}` };
}
