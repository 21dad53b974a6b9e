/**
 * A small scripted HTTP server for run-path tests: real node:http on 127.0.0.1, port 0. It records
 * every request (method, path, query, headers, body) and answers with what the test's handler
 * returns. Cleanup is registered at creation:
 *
 *   - inside a test, `startLoopbackServer(...)` closes it when the test finishes;
 *   - for one server per file or describe, call `useLoopbackServer(...)` at collection time: it
 *     starts the server in beforeAll, closes it in afterAll and empties `requests` before each test.
 *
 * Handlers return plain values: `{ status, headers, body }`, where an object body is sent as JSON.
 * `routeRequests` matches `METHOD /path/{param}` keys; `replyInOrder` scripts a poll sequence.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, onTestFinished } from 'vitest';

export interface LoopbackRequest {
  method: string;
  /** Path without the query string, percent-encoding kept as sent. */
  path: string;
  /** The request target exactly as sent (path + query). */
  url: string;
  /** Decoded query; a repeated name keeps its last value (see `url` for the raw form). */
  query: Record<string, string>;
  /** Lower-cased names; repeated headers joined with ", " as node does. */
  headers: Record<string, string>;
  /** Headers in arrival order with their names as sent. */
  rawHeaders: Array<[string, string]>;
  bodyText: string;
  /** JSON when the body parses as JSON, else the text; undefined when empty. */
  body: unknown;
}

export interface LoopbackReply {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON (content-type added unless given). */
  body?: unknown;
}

export type LoopbackHandler = (request: LoopbackRequest, params: Record<string, string>) => LoopbackReply | Promise<LoopbackReply>;

export interface LoopbackServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: LoopbackRequest[];
  /** Swap the handler (e.g. per test when the server is shared). */
  setHandler(handler: LoopbackHandler): void;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** 'test' (default): close when the current test finishes. 'manual': the caller closes it. */
  closeAfter?: 'test' | 'manual';
}

const notFound: LoopbackHandler = (request) => ({ status: 404, body: { error: 'no handler', method: request.method, path: request.path } });

export async function startLoopbackServer(handler: LoopbackHandler = notFound, options: LoopbackOptions = {}): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = [];
  let current = handler;
  const server = createServer((req, res) => void answer(req, res));

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const request = await readLoopbackRequest(req);
      requests.push(request);
      writeReply(res, await current(request, {}));
    } catch (error) {
      writeReply(res, { status: 500, body: { error: error instanceof Error ? error.message : String(error) } });
    }
  }

  const close = (): Promise<void> => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  if ((options.closeAfter ?? 'test') === 'test') onTestFinished(close);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, requests, setHandler: (next) => { current = next; }, close };
}

/**
 * One server for the enclosing file or describe block. Call at collection time; read
 * `holder.server` inside tests. The handler is restored and `requests` emptied before each test.
 */
export function useLoopbackServer(handler: LoopbackHandler = notFound): { server: LoopbackServer } {
  const holder = {} as { server: LoopbackServer };
  beforeAll(async () => {
    holder.server = await startLoopbackServer(handler, { closeAfter: 'manual' });
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  beforeEach(() => {
    holder.server.requests.length = 0;
    holder.server.setHandler(handler);
  });
  return holder;
}

/**
 * Routes keyed `METHOD /path/{param}` (method `*` matches any). A value is a handler or a fixed
 * reply. Unmatched requests get 404.
 */
export function routeRequests(table: Record<string, LoopbackHandler | LoopbackReply>): LoopbackHandler {
  const routes = Object.entries(table).map(([key, value]) => {
    const [method = '*', template = '/'] = key.trim().split(/\s+/, 2);
    return { method: method.toUpperCase(), template: template.split('/'), value };
  });
  return (request) => {
    for (const route of routes) {
      if (route.method !== '*' && route.method !== request.method) continue;
      const params = matchPath(route.template, request.path.split('/'));
      if (!params) continue;
      return typeof route.value === 'function' ? route.value(request, params) : route.value;
    }
    return notFound(request, {});
  };
}

/** Answers with each reply in turn; the last one repeats. */
export function replyInOrder(...replies: LoopbackReply[]): LoopbackHandler {
  let next = 0;
  return () => {
    const reply = replies[Math.min(next, replies.length - 1)] ?? { status: 500 };
    next++;
    return reply;
  };
}

function matchPath(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const want = template[i]!;
    const got = actual[i]!;
    const name = /^\{(.+)\}$/.exec(want)?.[1];
    if (name !== undefined) params[name] = decodeURIComponent(got);
    else if (want !== got) return undefined;
  }
  return params;
}

async function readLoopbackRequest(req: IncomingMessage): Promise<LoopbackRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bodyText = Buffer.concat(chunks).toString('utf8');
  const target = req.url ?? '/';
  const parsed = new URL(target, 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const rawHeaders: Array<[string, string]> = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: target.split('?')[0] ?? '/',
    url: target,
    query: Object.fromEntries(parsed.searchParams),
    headers,
    rawHeaders,
    bodyText,
    body: parseBody(bodyText),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function writeReply(res: ServerResponse, reply: LoopbackReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  let payload: string | Buffer = '';
  if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) payload = reply.body;
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    if (!hasType) headers['content-type'] = 'application/json';
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}
