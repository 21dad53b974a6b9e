import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { HttpOutcome, HttpResponse } from '../../../src/engine/ports.js';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { findClosedPort, startLoopbackServer } from './start-loopback-server.js';

const port = createUndiciHttpPort();
afterAll(() => port.close());

function response(outcome: HttpOutcome): HttpResponse {
  if (outcome.kind !== 'response') throw new Error(`expected a response, got ${outcome.reason}: ${outcome.message}`);
  return outcome.response;
}
function failure(outcome: HttpOutcome): { reason: string; message: string; durationMs: number } {
  if (outcome.kind !== 'failure') throw new Error(`expected a failure, got status ${outcome.response.status}`);
  return outcome;
}

describe('HttpPort.send: responses', () => {
  it('round-trips JSON: method, headers in order, body; parses the JSON reply', async () => {
    const server = await startLoopbackServer((req, res, body) => {
      res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': 'r1' });
      res.end(JSON.stringify({ method: req.method, got: JSON.parse(body.toString('utf8')) as unknown }));
    });
    const outcome = await port.send({
      method: 'POST',
      url: `${server.url}/api/snapshots?x=1`,
      headers: [['Authorization', 'Bearer t'], ['Content-Type', 'application/json']],
      body: '{"name":"snap"}',
    });
    const res = response(outcome);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ method: 'POST', got: { name: 'snap' } });
    expect(res.bodyText).toBe('{"method":"POST","got":{"name":"snap"}}');
    expect(res.headers['x-request-id']).toBe('r1');
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
    expect(server.seen[0]?.url).toBe('/api/snapshots?x=1');
    expect(server.seen[0]?.headers.authorization).toBe('Bearer t');
  });

  it('sends a Uint8Array body byte for byte', async () => {
    const server = await startLoopbackServer((_req, res) => res.end());
    await port.send({ method: 'PUT', url: server.url, headers: [], body: new Uint8Array([0, 1, 254, 255]) });
    expect([...(server.seen[0]?.body ?? [])]).toEqual([0, 1, 254, 255]);
  });

  it('returns text for text/plain and for a missing Content-Type', async () => {
    const server = await startLoopbackServer((req, res) => {
      if (req.url === '/typed') res.setHeader('Content-Type', 'text/plain');
      res.end('héllo');
    });
    expect(response(await port.send({ method: 'GET', url: `${server.url}/typed`, headers: [] })).body).toBe('héllo');
    expect(response(await port.send({ method: 'GET', url: `${server.url}/bare`, headers: [] })).body).toBe('héllo');
  });

  it('an empty 204 has an undefined body', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(204, { 'Content-Type': 'application/json' });
      res.end();
    });
    const res = response(await port.send({ method: 'DELETE', url: server.url, headers: [] }));
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(res.bodyText).toBeUndefined();
  });

  it('joins repeated headers with ", " and set-cookie with "\\n"; names are lower-case', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.setHeader('X-Multi', ['a', 'b']);
      res.setHeader('Set-Cookie', ['s=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 't=2']);
      res.end();
    });
    const res = response(await port.send({ method: 'GET', url: server.url, headers: [] }));
    expect(res.headers['x-multi']).toBe('a, b');
    expect(res.headers['set-cookie']).toBe('s=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT\nt=2');
    expect(Object.keys(res.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('does not follow a 302: the redirect is the response', async () => {
    const server = await startLoopbackServer((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { Location: '/elsewhere' });
        res.end();
        return;
      }
      res.end('followed');
    });
    const res = response(await port.send({ method: 'GET', url: `${server.url}/start`, headers: [] }));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/elsewhere');
    expect(server.seen.map((r) => r.url)).toEqual(['/start']);
  });
});

describe('HttpPort.send: failures are outcomes, never throws', () => {
  it('connection refused → connection, naming host:port and --server', async () => {
    const closed = await findClosedPort();
    const f = failure(await port.send({ method: 'GET', url: `http://127.0.0.1:${closed}/x`, headers: [] }));
    expect(f.reason).toBe('connection');
    expect(f.message).toContain(`127.0.0.1:${closed}`);
    expect(f.message).toContain('--server');
  });

  it('no response headers within timeoutMs → timeout', async () => {
    const server = await startLoopbackServer(() => undefined);
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { timeoutMs: 200 }));
    expect(f.reason).toBe('timeout');
    expect(f.durationMs).toBeGreaterThanOrEqual(150);
    expect(f.durationMs).toBeLessThan(5000);
  });

  it('a body that stalls longer than timeoutMs → timeout', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
    });
    expect(failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { timeoutMs: 200 })).reason).toBe('timeout');
  });

  it('a body larger than maxResponseBytes (declared by Content-Length) → body-too-large', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('x'.repeat(2048)));
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { maxResponseBytes: 1024 }));
    expect(f.reason).toBe('body-too-large');
  });

  it('a chunked body that grows past maxResponseBytes → body-too-large, without reading the rest', async () => {
    let written = 0;
    const server = await startLoopbackServer((_req, res) => {
      const chunk = 'y'.repeat(512);
      const timer = setInterval(() => {
        if (res.destroyed || written > 1_000_000) {
          clearInterval(timer);
          res.end();
          return;
        }
        written += chunk.length;
        res.write(chunk);
      }, 1);
    });
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { maxResponseBytes: 4096 }));
    expect(f.reason).toBe('body-too-large');
    expect(written).toBeLessThan(1_000_000);
  });

  it('exactly maxResponseBytes is still a response', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('z'.repeat(1024)));
    expect(response(await port.send({ method: 'GET', url: server.url, headers: [] }, { maxResponseBytes: 1024 })).body).toHaveLength(1024);
  });

  it('invalid JSON under application/json → invalid-body', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html>oops</html>');
    });
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }));
    expect(f.reason).toBe('invalid-body');
    expect(f.message).toContain('200');
  });

  it('aborting the signal while waiting → aborted', async () => {
    const server = await startLoopbackServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { signal: controller.signal }));
    expect(f.reason).toBe('aborted');
    expect(f.durationMs).toBeLessThan(5000);
  });

  it('an already aborted signal → aborted, and nothing is sent', async () => {
    const server = await startLoopbackServer((_req, res) => res.end());
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { signal: AbortSignal.abort() }));
    expect(f.reason).toBe('aborted');
    expect(server.seen).toHaveLength(0);
  });

  it('a caller deadline (AbortSignal.timeout) → timeout', async () => {
    const server = await startLoopbackServer(() => undefined);
    expect(failure(await port.send({ method: 'GET', url: server.url, headers: [] }, { signal: AbortSignal.timeout(50) })).reason).toBe('timeout');
  });

  it('the server dropping the connection → connection', async () => {
    const server = await startLoopbackServer((req) => req.socket.destroy());
    expect(failure(await port.send({ method: 'GET', url: server.url, headers: [] })).reason).toBe('connection');
  });

  it('an invalid URL → other', async () => {
    expect(failure(await port.send({ method: 'GET', url: 'not a url', headers: [] })).reason).toBe('other');
  });
});

describe('Style rule 10: transport concerns compose as undici interceptors', () => {
  it('an interceptor sees and can change every request', async () => {
    const server = await startLoopbackServer((_req, res) => res.end());
    const seen: string[] = [];
    const traced = createUndiciHttpPort({
      interceptors: [(dispatch) => (opts, handler) => {
        seen.push(`${opts.method} ${opts.path}`);
        const headers = Array.isArray(opts.headers) ? [...(opts.headers as string[]), 'x-trace', '1'] : opts.headers;
        return dispatch({ ...opts, headers }, handler);
      }],
    });
    onTestFinished(() => traced.close());
    response(await traced.send({ method: 'GET', url: `${server.url}/p?q=1`, headers: [['A', 'b']] }));
    expect(seen).toEqual(['GET /p?q=1']);
    expect(server.seen[0]?.headers['x-trace']).toBe('1');
    expect(server.seen[0]?.headers.a).toBe('b');
  });
});

describe('HttpPort.send: TLS', () => {
  const tls = {
    key: readFileSync(new URL('./fixtures/self-signed-key.pem', import.meta.url)),
    cert: readFileSync(new URL('./fixtures/self-signed-cert.pem', import.meta.url)),
  };

  it('a self-signed certificate → tls by default', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('secret'), tls);
    const f = failure(await port.send({ method: 'GET', url: server.url, headers: [] }));
    expect(f.reason).toBe('tls');
    expect(f.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('rejectUnauthorized: false accepts it', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('secret'), tls);
    const insecure = createUndiciHttpPort({ rejectUnauthorized: false });
    onTestFinished(() => insecure.close());
    expect(response(await insecure.send({ method: 'GET', url: server.url, headers: [] })).body).toBe('secret');
  });

  it('speaking TLS to a plain HTTP server → tls', async () => {
    const server = await startLoopbackServer((_req, res) => res.end());
    const f = failure(await port.send({ method: 'GET', url: server.url.replace('http:', 'https:'), headers: [] }));
    expect(f.reason).toBe('tls');
  });
});
