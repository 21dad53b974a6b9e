/**
 * `--har <path>`: every HTTP exchange of the run as HAR 1.2, with credentials masked in headers,
 * URLs, query strings and bodies (and AsyncAPI messages in `log._messages`). A transport failure is an entry with status 0 and `_error`.
 */
import type { HttpRequest, HttpResponse } from '../engine/ports.js';
import type { Redactor } from './redact.js';
import type { Exchange, MessageRecord } from './run-journal.js';

interface HarHeader {
  name: string;
  value: string;
}

/** HAR has no entry for a broker message: AsyncAPI messages go in the custom `log._messages`. */
export function buildHar(exchanges: readonly Exchange[], redactor: Redactor, version: string, messages: readonly MessageRecord[]): Record<string, unknown> {
  return {
    log: {
      version: '1.2',
      creator: { name: 'arazzo', version },
      pages: [],
      entries: exchanges.map((exchange) => harEntry(exchange, redactor)),
      ...(messages.length > 0 ? { _messages: messages.map((record) => harMessage(record, redactor)) } : {}),
    },
  };
}

function harMessage({ workflowId, stepId, at, message }: MessageRecord, redactor: Redactor): Record<string, unknown> {
  return {
    startedDateTime: new Date(at).toISOString(),
    action: message.action,
    protocol: message.protocol,
    address: redactor.text(message.address),
    headers: Object.entries(message.headers).map(([name, value]) => ({ name, value: redactor.header(name, value) })),
    ...(message.payload !== undefined ? { payload: redactor.value(message.payload) } : {}),
    _workflowId: workflowId,
    _stepId: stepId,
  };
}

function harEntry(exchange: Exchange, redactor: Redactor): Record<string, unknown> {
  const time = exchange.response?.durationMs ?? exchange.failure?.durationMs ?? 0;
  return {
    startedDateTime: new Date(exchange.sentAt).toISOString(),
    time,
    request: harRequest(exchange.request, redactor),
    response: exchange.response ? harResponse(exchange.response, redactor) : failedResponse(),
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _workflowId: exchange.workflowId,
    _stepId: exchange.stepId,
    ...(exchange.failure ? { _error: redactor.text(exchange.failure.message), _failureReason: exchange.failure.reason } : {}),
  };
}

function harRequest(request: HttpRequest, redactor: Redactor): Record<string, unknown> {
  const headers = request.headers.map(([name, value]) => ({ name, value: redactor.header(name, value) }));
  const body = bodyText(request.body);
  const mimeType = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    method: request.method,
    url: redactor.text(request.url),
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString: queryOf(request.url).map(({ name, value }) => ({ name, value: redactor.text(value) })),
    ...(body !== undefined ? { postData: { mimeType, text: redactor.text(body) } } : {}),
    headersSize: -1,
    bodySize: byteLength(request.body),
  };
}

function harResponse(response: HttpResponse, redactor: Redactor): Record<string, unknown> {
  const headers: HarHeader[] = Object.entries(response.headers).flatMap(([name, value]) =>
    (name === 'set-cookie' ? value.split('\n') : [value]).map((v) => ({ name, value: redactor.header(name, v) })));
  const text = response.bodyText ?? '';
  return {
    status: response.status,
    statusText: '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    content: { size: Buffer.byteLength(text), mimeType: response.headers['content-type'] ?? '', text: redactor.text(text) },
    redirectURL: redactor.text(response.headers.location ?? ''),
    headersSize: -1,
    bodySize: -1,
  };
}

function failedResponse(): Record<string, unknown> {
  return { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1 };
}

function queryOf(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function bodyText(body: HttpRequest['body']): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return `(binary, ${body.byteLength} bytes)`;
  }
}

const byteLength = (body: HttpRequest['body']): number =>
  body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
