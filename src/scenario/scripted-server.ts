/**
 * The API a scenario scripts, served on 127.0.0.1 (a real socket: the run goes through the same
 * HTTP stack as against the real API). A request is matched to an operation of the workflow by
 * method and path template (the path's end, so a server base path still matches); the scenario's
 * responses for that operation (by operationId, or by the stepIds that call it) are given in
 * order, the last one repeating. A request nothing scripts gets 501 and is reported.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScriptedResponse } from './read-scenario.js';

export interface Route {
  method: string;
  /** OpenAPI path template, e.g. /snapshots/{id}/activate */
  path: string;
  responses: ScriptedResponse[];
}

export interface ScriptedServer {
  url: string;
  /** Requests that no route answered: "GET /api/x". */
  unscripted: string[];
  /** Every request, "METHOD path", in arrival order. */
  seen: string[];
  close(): Promise<void>;
}

const templateRegex = (template: string): RegExp =>
  new RegExp(`${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}/?$`);

export interface ServeOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Hears each request and the status it got (arazzo mock logs them). */
  onRequest?: (line: string, status: number) => void;
}

export async function startScriptedServer(routes: readonly Route[], options: ServeOptions = {}): Promise<ScriptedServer> {
  const matchers = routes.map((route) => ({ route, regex: templateRegex(route.path), given: 0 }));
  const unscripted: string[] = [];
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const line = `${req.method} ${target.pathname}`;
      seen.push(line);
      // The longest template first: /snapshots/{id}/activate before /snapshots/{id}.
      const match = matchers
        .filter((m) => m.route.method.toUpperCase() === req.method && m.regex.test(target.pathname))
        .sort((a, b) => b.route.path.length - a.route.path.length)[0];
      if (!match || match.route.responses.length === 0) {
        unscripted.push(line);
        options.onRequest?.(line, 501);
        res.writeHead(501, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'not scripted', detail: `no response is scripted for ${line}` }));
        return;
      }
      const response = match.route.responses[Math.min(match.given, match.route.responses.length - 1)]!;
      match.given += 1;
      const body = response.body === undefined ? '' : typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      const type = response.body === undefined ? {} : { 'content-type': typeof response.body === 'string' ? 'text/plain' : 'application/json' };
      options.onRequest?.(line, response.status);
      res.writeHead(response.status, { ...type, ...response.headers }).end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    unscripted,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
