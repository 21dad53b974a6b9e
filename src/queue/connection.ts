/**
 * The Redis a queue lives in, from a redis:// or rediss:// URL. BullMQ and ioredis are loaded only
 * by the queue commands. A password in the URL is a secret: `describeRedis` names host and port only.
 */
import { UsageError } from '../cli/parse-cli-values.js';

export const DEFAULT_QUEUE = 'arazzo';
export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

export interface RedisOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  /** BullMQ requires this for workers (blocking commands must not be retried by ioredis). */
  maxRetriesPerRequest: null;
}

export function redisOptions(text: string): RedisOptions {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--redis "${describeRedis(text)}" is not a URL`, 'Use e.g. redis://127.0.0.1:6379 or rediss://user:password@host:6380/0.');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new UsageError(`--redis must be a redis:// or rediss:// URL (got ${url.protocol})`, 'Use e.g. redis://127.0.0.1:6379.');
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== '' ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** host:port (and db), never the credentials. */
export function describeRedis(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

export function queueName(text: string | undefined): string {
  const name = text ?? DEFAULT_QUEUE;
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) throw new UsageError(`--queue "${name}" is not a queue name`, 'Use letters, digits, ".", "_" or "-".');
  return name;
}

export const loadBullmq = (): Promise<typeof import('bullmq')> => import('bullmq');
