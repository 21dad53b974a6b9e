/**
 * `arazzo worker --limit <source>=<n>/s` (issue 15): at most n requests per second to one source
 * description across every worker of the queue that sets the same limit, so a fleet does not
 * hammer one API. A fixed one-second window per source in Redis (INCR + EXPIRE): a request over
 * the window's budget waits for the next second and tries again.
 */
import { UsageError } from '../cli/parse-cli-values.js';

export type Limits = ReadonlyMap<string, number>;

export function readLimits(values: readonly string[]): Limits {
  const limits = new Map<string, number>();
  for (const value of values) {
    const match = /^([A-Za-z0-9_.-]+)=(\d+)\/s$/.exec(value.trim());
    if (!match || Number(match[2]) < 1) throw new UsageError(`--limit ${value} is not <source>=<n>/s`, 'Use e.g. --limit snapshotsApi=5/s (a sourceDescriptions name, at least 1 request per second).');
    limits.set(match[1]!, Number(match[2]));
  }
  return limits;
}

interface Counter {
  incr(key: string): Promise<number>;
  expire(key: string, seconds: number): Promise<unknown>;
}

export const limitKey = (queue: string, source: string, second: number): string => `arazzo:${queue}:limit:${source}:${second}`;

/** Waits until a request to `source` fits in its budget; returns at once for sources without a limit. */
export function createRateLimiter(queue: string, limits: Limits, counter: Counter, now: () => number = Date.now): (source: string | undefined) => Promise<void> {
  return async (source) => {
    const limit = source === undefined ? undefined : limits.get(source);
    if (limit === undefined) return;
    for (;;) {
      const second = Math.floor(now() / 1000);
      const key = limitKey(queue, source!, second);
      const used = await counter.incr(key);
      if (used === 1) await counter.expire(key, 5);
      if (used <= limit) return;
      await new Promise((resolve) => setTimeout(resolve, (second + 1) * 1000 - now() + 1));
    }
  };
}
