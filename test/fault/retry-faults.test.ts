/**
 * Issue 6 › network faults routed through onFailure actions: a retry whose criteria match the
 * failure makes a transient fault survivable; Retry-After on 429/503 sets the wait (seconds and
 * HTTP-date), asserted on the `wait` events with a stepping clock.
 *
 * Documented contract: a transport failure leaves $statusCode (and $response) absent, so
 * `$statusCode == null` matches exactly the requests that got no usable status line.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../integration/http/start-loopback-server.js';
import { CLOCK_START, createSteppingClock, runFixture, waits } from './support/run-fixture.js';
import { startRawServer } from './support/start-raw-server.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/hostile/faults/faults.arazzo.yaml', import.meta.url));
const READY = JSON.stringify({ state: 'ready' });

function stepOf(result: Awaited<ReturnType<typeof runFixture>>['result']) {
  return result.steps.find((s) => s.stepId === 'getThing');
}

describe('Issue 6 › a transient transport fault is retried by a matching onFailure retry', () => {
  it('two resets, then an answer: retryTransport ($statusCode == null) succeeds on the third attempt', async () => {
    const server = await startRawServer((socket, connection) => {
      if (connection <= 2) {
        socket.resetAndDestroy();
        return;
      }
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${READY.length}\r\nConnection: close\r\n\r\n${READY}`);
    });
    const { result, events } = await runFixture(FIXTURE, 'retryTransport', { server: server.url });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ state: 'ready' });
    expect(server.heads).toHaveLength(3);
    expect(stepOf(result)?.attempts).toBe(3);
    const failures = events.flatMap((e) => (e.type === 'http-failure' ? [e.reason] : []));
    expect(failures).toEqual(['connection', 'connection']);
    expect(events.filter((e) => e.type === 'action' && e.actionType === 'retry')).toHaveLength(2);
  });

  it('a timeout, then an answer: retried, succeeds', async () => {
    let calls = 0;
    const server = await startLoopbackServer((_req, res) => {
      calls += 1;
      if (calls === 1) return; // never answers: the request times out
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(READY);
    });
    const { result } = await runFixture(FIXTURE, 'retryTransport', { server: server.url, run: { requestTimeoutMs: 150 } });
    expect(result.status).toBe('succeeded');
    expect(server.seen).toHaveLength(2);
  });

  it('a fault that never clears uses up retryLimit (3) and fails with the typed reason', async () => {
    const server = await startRawServer((socket) => socket.resetAndDestroy());
    const { result } = await runFixture(FIXTURE, 'retryTransport', { server: server.url });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('request-failed');
    expect(server.heads).toHaveLength(4);
    expect(stepOf(result)?.httpFailure).toBe('connection');
  });

  it('$statusCode == null does not match an HTTP error response: a 500 is not retried', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    const { result } = await runFixture(FIXTURE, 'retryTransport', { server: server.url });
    expect(result.status).toBe('failed');
    expect(server.seen).toHaveLength(1);
    expect(stepOf(result)?.lastStatusCode).toBe(500);
    expect(stepOf(result)?.httpFailure).toBeUndefined();
  });

  it('a retry without criteria matches a transport fault too', async () => {
    let calls = 0;
    const server = await startLoopbackServer((req, res) => {
      calls += 1;
      if (calls === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(READY);
    });
    const { result } = await runFixture(FIXTURE, 'retryAny', { server: server.url });
    expect(result.status).toBe('succeeded');
    expect(server.seen).toHaveLength(2);
  });

  it('a 503 whose body is not the JSON it claims keeps its status, so a $statusCode retry still matches', async () => {
    let calls = 0;
    const server = await startLoopbackServer((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 503 : 200, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      res.end(calls === 1 ? '<html>busy</html>' : READY);
    });
    const { result, events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url });
    expect(result.status).toBe('succeeded');
    expect(waits(events)).toEqual([{ ms: 1000, reason: 'retry' }]);
  });
});

describe('Issue 6 › Retry-After on 429 and 503 is honoured (RFC 9110 §10.2.3)', () => {
  function busyThenReady(status: number, retryAfter: string) {
    let calls = 0;
    return startLoopbackServer((_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': retryAfter });
        res.end('{"error":"busy"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(READY);
    });
  }

  it('503 with Retry-After: 7 (seconds) → one wait of 7000 ms, not the action\'s retryAfter (1 s)', async () => {
    const server = await busyThenReady(503, '7');
    const clock = createSteppingClock();
    const { result, events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url, clock });
    expect(result.status).toBe('succeeded');
    expect(waits(events)).toEqual([{ ms: 7000, reason: 'retry' }]);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('429 with an HTTP-date 3 s ahead of the clock → one wait of 3000 ms', async () => {
    const server = await busyThenReady(429, new Date(CLOCK_START + 3000).toUTCString());
    const { result, events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url });
    expect(result.status).toBe('succeeded');
    expect(waits(events)).toEqual([{ ms: 3000, reason: 'retry' }]);
  });

  it('an HTTP-date in the past → no wait', async () => {
    const server = await busyThenReady(503, new Date(CLOCK_START - 60_000).toUTCString());
    const { result, events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url });
    expect(result.status).toBe('succeeded');
    expect(waits(events)).toEqual([]);
  });

  it('no Retry-After → the action\'s retryAfter (1 s)', async () => {
    let calls = 0;
    const server = await startLoopbackServer((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 429 : 200, { 'Content-Type': 'application/json' });
      res.end(READY);
    });
    const { events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url });
    expect(waits(events)).toEqual([{ ms: 1000, reason: 'retry' }]);
  });

  it('a Retry-After that is not a number or a date is ignored (the action\'s retryAfter applies)', async () => {
    const server = await busyThenReady(503, 'soon, maybe');
    const { events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url });
    expect(waits(events)).toEqual([{ ms: 1000, reason: 'retry' }]);
  });

  it('a Retry-After of a year is capped at --max-retry-after, with a warning', async () => {
    const server = await busyThenReady(503, String(365 * 24 * 3600));
    const { result, events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url, run: { maxRetryAfterMs: 60_000 } });
    expect(result.status).toBe('succeeded');
    expect(waits(events)).toEqual([{ ms: 60_000, reason: 'retry' }]);
    expect(result.warnings.map((w) => w.code)).toEqual(['retry-after-capped']);
  });

  it('the default cap is 5 minutes', async () => {
    const server = await busyThenReady(429, '86400');
    const { events } = await runFixture(FIXTURE, 'retryBusy', { server: server.url });
    expect(waits(events)).toEqual([{ ms: 300_000, reason: 'retry' }]);
  });
});
