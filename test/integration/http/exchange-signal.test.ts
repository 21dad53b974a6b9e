/**
 * Issue 7 (memory of long poll loops): each exchange's deadline and its link to the caller's
 * signal are torn down when the exchange ends, so nothing of a finished request stays alive for
 * the rest of the timeout. Both are still in force while the exchange runs.
 */
import { getEventListeners } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { startExchangeSignal } from '../../../src/http/exchange-signal.js';
import { startLoopbackServer } from './start-loopback-server.js';

const port = createUndiciHttpPort();
afterAll(() => port.close());

const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('Issue 7 › a finished exchange leaves no timer and no listener behind', () => {
  it('after a response, the per-request deadline timer is gone and the caller signal has no listener left', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('{}'));
    const caller = new AbortController();
    const options = { signal: caller.signal, timeoutMs: 600_000 };
    await port.send({ method: 'GET', url: server.url, headers: [] }, options);
    const before = timers();
    const outcome = await port.send({ method: 'GET', url: server.url, headers: [] }, options);
    expect(outcome.kind).toBe('response');
    expect(timers()).toBe(before);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('after a failure, the same holds', async () => {
    const server = await startLoopbackServer((req) => req.socket.destroy());
    const caller = new AbortController();
    const before = timers();
    const outcome = await port.send({ method: 'GET', url: server.url, headers: [] }, { signal: caller.signal, timeoutMs: 600_000 });
    expect(outcome.kind === 'failure' ? outcome.reason : outcome.kind).toBe('connection');
    expect(timers()).toBe(before);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });
});

describe('Issue 7 › while the exchange runs, the deadline and the caller both abort it', () => {
  it('the caller aborting aborts the exchange signal with the caller reason', () => {
    const caller = new AbortController();
    const exchange = startExchangeSignal(600_000, caller.signal);
    caller.abort(new Error('stop'));
    expect(exchange.signal.aborted).toBe(true);
    expect((exchange.signal.reason as Error).message).toBe('stop');
    expect(exchange.timedOut()).toBe(false);
    exchange.end();
  });

  it('the deadline firing aborts with a TimeoutError and says so', async () => {
    const exchange = startExchangeSignal(1, undefined);
    await new Promise((resolve) => exchange.signal.addEventListener('abort', resolve));
    expect(exchange.timedOut()).toBe(true);
    expect((exchange.signal.reason as DOMException).name).toBe('TimeoutError');
    exchange.end();
  });

  it('after end(), a caller abort no longer reaches the exchange', () => {
    const caller = new AbortController();
    const exchange = startExchangeSignal(600_000, caller.signal);
    exchange.end();
    caller.abort();
    expect(exchange.signal.aborted).toBe(false);
  });
});
