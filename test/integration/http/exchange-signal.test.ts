/**
 * Issue 7 (memory of long poll loops): each exchange's deadline and its link to the caller's
 * signal are detached when the exchange ends, so nothing of a finished request stays alive for
 * the rest of the timeout, and nothing keeps the process alive. Both are in force while the
 * exchange runs; deadlines share one timer per port.
 */
import { getEventListeners } from 'node:events';
import type { Dispatcher } from 'undici';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { createExchangeSignals } from '../../../src/http/exchange-signal.js';
import { startLoopbackServer } from './start-loopback-server.js';

const port = createUndiciHttpPort();
afterAll(() => port.close());

const abortOf = (signal: AbortSignal): Promise<void> => new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
/** Timers that keep the process alive (an unref'd timer is not listed). */
const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('Issue 7 › a finished exchange leaves no timer and no listener behind', () => {
  it('after a response, no deadline timer keeps the process alive and the caller signal has no listener left', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('{}'));
    const caller = new AbortController();
    const options = { signal: caller.signal, timeoutMs: 600_000 };
    await port.send({ method: 'GET', url: server.url, headers: [] }, options);
    const before = timers();
    const outcome = await port.send({ method: 'GET', url: server.url, headers: [] }, options);
    expect(outcome.kind).toBe('response');
    expect(timers()).toBeLessThanOrEqual(before);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('after a failure, the same holds', async () => {
    const server = await startLoopbackServer((req) => req.socket.destroy());
    const caller = new AbortController();
    const before = timers();
    const outcome = await port.send({ method: 'GET', url: server.url, headers: [] }, { signal: caller.signal, timeoutMs: 600_000 });
    expect(outcome.kind === 'failure' ? outcome.reason : outcome.kind).toBe('connection');
    expect(timers()).toBeLessThanOrEqual(before);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });
});

describe('Issue 11 › sequential exchanges each get their own signal (no AbortController reuse), and no listener piles up', () => {
  it('30 requests in a row: 30 signals, none with an abort listener left afterwards', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('{}'));
    const seen = new Set<AbortSignal>();
    const capture: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
      // request() hands its own options, signal included, down the dispatch chain.
      const { signal } = options as Dispatcher.DispatchOptions & { signal?: unknown };
      if (signal instanceof AbortSignal) seen.add(signal);
      return dispatch(options, handler);
    };
    const local = createUndiciHttpPort({ interceptors: [capture] });
    onTestFinished(() => local.close());
    for (let i = 0; i < 30; i++) expect((await local.send({ method: 'GET', url: server.url, headers: [] })).kind).toBe('response');
    // undici detaches its listener when the body closes, just after the response is read.
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.size).toBe(30);
    expect([...seen].map((signal) => getEventListeners(signal, 'abort').length)).toEqual(Array(30).fill(0));
  });
});

describe('Issue 7 › while the exchange runs, the deadline and the caller both abort it', () => {
  it('the caller aborting aborts the exchange signal with the caller reason', () => {
    const signals = createExchangeSignals();
    const caller = new AbortController();
    const exchange = signals.start(600_000, caller.signal);
    caller.abort(new Error('stop'));
    expect(exchange.signal.aborted).toBe(true);
    expect((exchange.signal.reason as Error).message).toBe('stop');
    expect(exchange.timedOut()).toBe(false);
    exchange.end();
    signals.close();
  });

  it('the deadline firing aborts with a TimeoutError and says so', async () => {
    const signals = createExchangeSignals();
    const exchange = signals.start(1, undefined);
    await abortOf(exchange.signal);
    expect(exchange.timedOut()).toBe(true);
    expect((exchange.signal.reason as DOMException).name).toBe('TimeoutError');
    exchange.end();
  });

  it('a later exchange with an earlier deadline is aborted first; the other is not', async () => {
    const signals = createExchangeSignals();
    const long = signals.start(600_000, undefined);
    const short = signals.start(5, undefined);
    await abortOf(short.signal);
    expect([short.timedOut(), long.timedOut(), long.signal.aborted]).toEqual([true, false, false]);
    long.end();
    short.end();
    signals.close();
  });

  it('when the timer fires for an exchange that already ended, it re-arms for the one still in flight', async () => {
    const signals = createExchangeSignals();
    const first = signals.start(2, undefined);
    first.end();
    const second = signals.start(30, undefined);
    await abortOf(second.signal);
    expect([first.timedOut(), second.timedOut()]).toEqual([false, true]);
    second.end();
  });

  it('after end(), neither its caller nor its deadline reaches the signal the next exchange is given', async () => {
    const signals = createExchangeSignals();
    const caller = new AbortController();
    const ended = signals.start(1, caller.signal);
    ended.end();
    caller.abort();
    const next = signals.start(600_000, undefined);
    const witness = signals.start(3, undefined);
    await abortOf(witness.signal);
    expect([next.signal.aborted, next.timedOut(), ended.timedOut(), witness.timedOut()]).toEqual([false, false, false, true]);
    next.end();
    witness.end();
    signals.close();
  });

  it('a signal that aborted is never handed to a later exchange', async () => {
    const signals = createExchangeSignals();
    const first = signals.start(1, undefined);
    await abortOf(first.signal);
    first.end();
    const second = signals.start(600_000, undefined);
    expect(second.signal.aborted).toBe(false);
    expect(second.signal).not.toBe(first.signal);
    second.end();
    signals.close();
  });
});
