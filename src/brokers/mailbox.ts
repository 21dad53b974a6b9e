/**
 * Messages that arrived on subscribed channels, kept until a receive step takes one: every adapter
 * subscribes before the first step and delivers here, so a message that arrives before its receive
 * step is reached is not lost. A receive takes the first buffered message that matches, or waits
 * for one until its timeout.
 */
import type { BrokerMessage, ReceiveOutcome } from '../engine/ports.js';

type Waiter = { matches: (message: BrokerMessage) => boolean; resolve: (outcome: ReceiveOutcome) => void };

export interface Mailbox {
  deliver(key: string, message: BrokerMessage): void;
  take(key: string, matches: (message: BrokerMessage) => boolean, timeoutMs: number, signal?: AbortSignal): Promise<ReceiveOutcome>;
}

export function createMailbox(): Mailbox {
  const boxes = new Map<string, { buffered: BrokerMessage[]; waiters: Waiter[] }>();
  const box = (key: string) => {
    let found = boxes.get(key);
    if (!found) {
      found = { buffered: [], waiters: [] };
      boxes.set(key, found);
    }
    return found;
  };
  return {
    deliver(key, message) {
      const { buffered, waiters } = box(key);
      const waiter = waiters.find((w) => w.matches(message));
      if (!waiter) {
        buffered.push(message);
        return;
      }
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve({ kind: 'received', message });
    },
    take(key, matches, timeoutMs, signal) {
      const { buffered, waiters } = box(key);
      const index = buffered.findIndex(matches);
      if (index >= 0) return Promise.resolve({ kind: 'received', message: buffered.splice(index, 1)[0]! });
      return new Promise((resolve) => {
        const finish = (outcome: ReceiveOutcome): void => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          resolve(outcome);
        };
        const waiter: Waiter = { matches, resolve: finish };
        const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
        const onAbort = (): void => finish({ kind: 'failure', message: 'aborted' });
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
      });
    },
  };
}

/** JSON when it parses (or the content type says JSON), else the text. */
export function decodePayload(bytes: Uint8Array, contentType: string | undefined): unknown {
  const text = Buffer.from(bytes).toString('utf8');
  if (contentType !== undefined && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const encodePayload = (payload: unknown): string => (typeof payload === 'string' ? payload : JSON.stringify(payload ?? null));
