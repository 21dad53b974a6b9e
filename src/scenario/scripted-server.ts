/**
 * The API a scenario scripts, served on 127.0.0.1 (a real socket: the run goes through the same
 * HTTP stack as against the real API). A request is matched to an operation of the workflow by
 * method and path template (the path's end, so a server base path still matches); the scenario's
 * responses for that operation (by operationId, or by the stepIds that call it) are given in
 * order, the last one repeating. A request nothing scripts gets 501 and is reported. For `arazzo
 * mock` it may also remember what POSTs create (resource-store.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResolvedOperation } from '../plan/operation.js';
import { checkRequest, type ReceivedRequest } from './check-request.js';
import type { ScriptedResponse } from './read-scenario.js';
import type { ResourceStore } from './resource-store.js';

/** The values of a path template's parameters in a path that matched it (at its end). */
function pathValues(template: string, pathname: string): Record<string, string> {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const match = templateRegex(template, true).exec(pathname);
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match?.[i + 1] ?? '')]));
}

export interface Route {
  method: string;
  /** OpenAPI path template, e.g. /snapshots/{id}/activate */
  path: string;
  responses: ScriptedResponse[];
  /** The operation the route serves: each request is checked against it (check-request.ts). */
  operation?: ResolvedOperation;
  /** Its responses come from the description, not a scenario: a created resource answers first. */
  fallback?: boolean;
  /** Where the operation is described (its source description's location), for the request checks' messages. */
  describedIn?: string;
}

export interface ScriptedServer {
  url: string;
  /** The requests each route received, in order, by "METHOD /path/{template}". */
  received: Map<string, ReceivedRequest[]>;
  /** Requests that no route answered: "GET /api/x". */
  unscripted: string[];
  /** Requests that break their operation's description, each with what is wrong; they got 400. */
  invalid: string[];
  /** Every request, "METHOD path", in arrival order. */
  seen: string[];
  close(): Promise<void>;
}

/** A path template as a regex matching a path's end; `capture` groups each parameter's value. */
const templateRegex = (template: string, capture = false): RegExp =>
  new RegExp(`${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(capture ? '([^/]+)' : '[^/]+')}/?$`);

export interface ServeOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Hears each request and the status it got (arazzo mock logs them). */
  onRequest?: (line: string, status: number) => void;
  /** arazzo mock: remember what POSTs create, and answer GETs of it (resource-store.ts). */
  resources?: ResourceStore;
}

export async function startScriptedServer(routes: readonly Route[], options: ServeOptions = {}): Promise<ScriptedServer> {
  const matchers = routes.map((route) => ({ route, key: `${route.method.toUpperCase()} ${route.path}`, regex: templateRegex(route.path), given: 0 }));
  const unscripted: string[] = [];
  const invalid: string[] = [];
  const seen: string[] = [];
  const received = new Map<string, ReceivedRequest[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void answer(Buffer.concat(chunks).toString('utf8')));
    const answer = async (bodyText: string): Promise<void> => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const line = `${req.method} ${target.pathname}`;
      seen.push(line);
      // The longest template first: /snapshots/{id}/activate before /snapshots/{id}.
      const match = matchers
        .filter((m) => m.route.method.toUpperCase() === req.method && m.regex.test(target.pathname))
        .sort((a, b) => b.route.path.length - a.route.path.length)[0];
      const stored = match && req.method === 'GET' && (match.route.fallback || match.route.responses.length === 0) ? options.resources?.lookup(target.pathname) : undefined;
      if (!match || (match.route.responses.length === 0 && stored === undefined)) {
        unscripted.push(line);
        options.onRequest?.(line, 501);
        res.writeHead(501, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'not scripted', detail: `no response is scripted for ${line}` }));
        return;
      }
      const request: ReceivedRequest = { pathValues: pathValues(match.route.path, target.pathname), query: target.searchParams, headers: req.headers, body: bodyText };
      const log = received.get(match.key) ?? [];
      received.set(match.key, log);
      log.push(request);
      const operation = match.route.operation;
      const problems = operation ? await checkRequest(operation, request) : [];
      if (problems.length > 0) {
        const where = operation ? ` (described at ${match.route.describedIn ?? ''}#${operation.pointer})` : '';
        invalid.push(`${line}: ${problems.join('; ')}${where}`);
        options.onRequest?.(`${line} — ${problems.join('; ')}`, 400);
        res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'request does not match the OpenAPI description', status: 400, errors: problems }));
        return;
      }
      if (stored !== undefined) {
        options.onRequest?.(`${line} (created earlier)`, 200);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stored));
        return;
      }
      const response = match.route.responses[Math.min(match.given, match.route.responses.length - 1)]!;
      match.given += 1;
      const answered = req.method === 'POST' && options.resources ? options.resources.created(target.pathname, bodyText, response, match.route.fallback === true) : response.body;
      const body = answered === undefined ? '' : typeof answered === 'string' ? answered : JSON.stringify(answered);
      const type = answered === undefined ? {} : { 'content-type': typeof answered === 'string' ? 'text/plain' : 'application/json' };
      options.onRequest?.(line, response.status);
      res.writeHead(response.status, { ...type, ...response.headers }).end(body);
    };
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    unscripted,
    invalid,
    seen,
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
