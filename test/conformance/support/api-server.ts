/**
 * A scripted HTTP API on a real node:http loopback server (127.0.0.1, port 0) for the
 * conformance tests. Routes are keyed "METHOD /path/{template}"; a route answers with one reply,
 * a sequence (the last one repeats), or a function of the request and how often the route was
 * hit. Every request is recorded as received, raw target included, so tests assert on the wire.
 * Cleanup is registered with the running test at creation.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface Exchange {
  method: string;
  /** Path without the query, still percent-encoded. */
  path: string;
  /** The request target exactly as received (path and query). */
  target: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The route key that answered, or undefined when none matched. */
  route?: string;
  /** Path template parameters, decoded. */
  params: Record<string, string>;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string | string[]>;
  json?: unknown;
  text?: string;
  /** Answer this much later (a slow server). */
  delayMs?: number;
}

export type Route = Reply | readonly Reply[] | ((exchange: Exchange, hit: number) => Reply);

export interface ApiServer {
  url: string;
  requests: Exchange[];
  /** Requests answered by one route key, e.g. "GET /pets". */
  calls(route: string): Exchange[];
}

interface CompiledRoute {
  key: string;
  method: string;
  pattern: RegExp;
  names: string[];
  route: Route;
}

function compileRoute(key: string, route: Route): CompiledRoute {
  const [method = '', template = ''] = key.split(' ');
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { key, method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, route };
}

function pickReply(route: Route, exchange: Exchange, hit: number): Reply {
  if (typeof route === 'function') return route(exchange, hit);
  if (Array.isArray(route)) return route[Math.min(hit, route.length) - 1] ?? {};
  return route as Reply;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, json: body, headers });

export async function startApi(routes: Record<string, Route> = {}): Promise<ApiServer> {
  const compiled = Object.entries(routes).map(([key, route]) => compileRoute(key, route));
  const hits = new Map<string, number>();
  const requests: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.url ?? '/';
      const [path = '/', search = ''] = target.split(/\?(.*)/s);
      const exchange: Exchange = {
        method: req.method ?? '',
        path,
        target,
        query: new URLSearchParams(search),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        params: {},
      };
      requests.push(exchange);
      const match = compiled.find((r) => r.method === exchange.method && r.pattern.test(path));
      if (!match) return send(res, { status: 404, json: { error: `no route for ${exchange.method} ${path}` } });
      exchange.route = match.key;
      const values = match.pattern.exec(path)!.slice(1);
      match.names.forEach((name, i) => (exchange.params[name] = decodeURIComponent(values[i] ?? '')));
      const hit = (hits.get(match.key) ?? 0) + 1;
      hits.set(match.key, hit);
      const reply = pickReply(match.route, exchange, hit);
      if (reply.delayMs) setTimeout(() => send(res, reply), reply.delayMs);
      else send(res, reply);
    });
  });
  onTestFinished(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (route) => requests.filter((r) => r.route === route),
  };
}

function send(res: import('node:http').ServerResponse, reply: Reply): void {
  const headers: Record<string, string | string[]> = { ...(reply.headers ?? {}) };
  let body = '';
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  } else if (reply.text !== undefined) {
    body = reply.text;
    headers['content-type'] ??= 'text/plain';
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}
