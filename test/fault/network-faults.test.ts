/**
 * Issue 6 › network faults: each misbehaving server is a real loopback server, each fault is a
 * step failure with a typed reason (steps[].httpFailure) that onFailure actions can route.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findClosedPort, startLoopbackServer } from '../integration/http/start-loopback-server.js';
import { runFixture } from './support/run-fixture.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { startRawServer } from './support/start-raw-server.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/hostile/faults/faults.arazzo.yaml', import.meta.url));
const TLS = {
  key: readFileSync(new URL('../integration/http/fixtures/self-signed-key.pem', import.meta.url)),
  cert: readFileSync(new URL('../integration/http/fixtures/self-signed-cert.pem', import.meta.url)),
};
const READY = JSON.stringify({ state: 'ready' });

async function runOnce(server: string, run: Parameters<typeof runFixture>[2]['run'] = {}, port: Parameters<typeof runFixture>[2]['port'] = {}) {
  const { result } = await runFixture(FIXTURE, 'once', { server, run, port });
  const step = result.steps.find((s) => s.stepId === 'getThing');
  return { result, step };
}

describe('Issue 6 › network faults: each is a step failure with a typed reason', () => {
  it('connection refused → connection; no status; the run fails with request-failed', async () => {
    const { result, step } = await runOnce(`http://127.0.0.1:${await findClosedPort()}`);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('request-failed');
    expect(step?.status).toBe('failed');
    expect(step?.httpFailure).toBe('connection');
    expect(step?.reason).toMatch(/^connection: /);
    expect(step?.lastStatusCode).toBeUndefined();
  });

  it('reset in the middle of the body → connection', async () => {
    const server = await startRawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"state":');
      setImmediate(() => socket.resetAndDestroy());
    });
    const { step } = await runOnce(server.url);
    expect(step?.httpFailure).toBe('connection');
    expect(server.heads).toHaveLength(1);
  });

  it('response headers slower than --request-timeout → timeout', async () => {
    const server = await startLoopbackServer(() => undefined);
    const { result, step } = await runOnce(server.url, { requestTimeoutMs: 150 });
    expect(step?.httpFailure).toBe('timeout');
    expect(result.error?.code).toBe('request-failed');
  });

  it('a body that never ends (one byte every 20 ms, never idle long enough for the idle timeout) → timeout', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 20);
      res.on('close', () => clearInterval(timer));
    });
    const { step } = await runOnce(server.url, { requestTimeoutMs: 300 });
    expect(step?.httpFailure).toBe('timeout');
  });

  it('a huge body → body-too-large at --max-response-bytes; the status is still known', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"state":"${'x'.repeat(64 * 1024)}"}`);
    });
    const { step } = await runOnce(server.url, { maxResponseBytes: 16 * 1024 });
    expect(step?.httpFailure).toBe('body-too-large');
    expect(step?.lastStatusCode).toBe(200);
  });

  it('invalid JSON under application/json → invalid-body; the status is still known', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html>proxy error</html>');
    });
    const { step } = await runOnce(server.url);
    expect(step?.httpFailure).toBe('invalid-body');
    expect(step?.lastStatusCode).toBe(200);
  });

  it('a redirect loop is not followed: one request, the 302 is the response the step judges', async () => {
    const server = await startLoopbackServer((req, res) => {
      res.writeHead(302, { Location: req.url ?? '/' });
      res.end();
    });
    const { result, step } = await runOnce(server.url);
    expect(server.seen).toHaveLength(1);
    expect(step?.lastStatusCode).toBe(302);
    expect(step?.httpFailure).toBeUndefined();
    expect(result.error?.code).toBe('step-failed');
  });

  it('a self-signed certificate → tls (verification is on by default)', async () => {
    const server = await startLoopbackServer((_req, res) => res.end(READY), TLS);
    const { step } = await runOnce(server.url);
    expect(step?.httpFailure).toBe('tls');
    expect(server.seen).toHaveLength(0);
  });

  it('the same server with verification turned off (--insecure) succeeds', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(READY);
    }, TLS);
    const { result } = await runOnce(server.url, {}, { rejectUnauthorized: false });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ state: 'ready' });
  });

  it('something that is not HTTP at all → other', async () => {
    const server = await startRawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    const { step } = await runOnce(server.url);
    expect(step?.httpFailure).toBe('other');
  });

  it('a Content-Length longer than the body, then a close → connection', async () => {
    const server = await startRawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"state":"ready"}');
    });
    const { step } = await runOnce(server.url);
    expect(step?.httpFailure).toBe('connection');
  });

  it('response headers larger than the client accepts → other', async () => {
    const server = await startRawServer((socket) => {
      socket.end(`HTTP/1.1 200 OK\r\nX-Huge: ${'h'.repeat(128 * 1024)}\r\nContent-Length: 2\r\n\r\n{}`);
    });
    const { step } = await runOnce(server.url);
    expect(step?.httpFailure).toBe('other');
  });
});

describe('Issue 6 › a hostile JSON body cannot break the end of the run', () => {
  const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('JSON nested 100,000 deep → invalid-body; the --json result is still printed (exit 1)', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(nested(100_000));
    });
    const { code, stdout } = await runCliInProcess(['run', FIXTURE, '--workflow', 'captureBody', '--server', `api=${server.url}`, '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { steps: Array<{ httpFailure?: string; lastStatusCode?: number }> };
    expect(json.steps[0]).toMatchObject({ httpFailure: 'invalid-body', lastStatusCode: 200 });
  });

  it('JSON nested 1,000 deep (the limit) is a body like any other, printed whole', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(nested(1000));
    });
    const { code, stdout } = await runCliInProcess(['run', FIXTURE, '--workflow', 'captureBody', '--server', `api=${server.url}`, '--json']);
    expect(code).toBe(0);
    let body = (JSON.parse(stdout) as { outputs: { body: unknown } }).outputs.body;
    let depth = 0;
    while (Array.isArray(body)) {
      depth += 1;
      body = body[0];
    }
    expect(depth).toBe(1000);
  });
});
