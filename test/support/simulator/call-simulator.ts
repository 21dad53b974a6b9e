// Tiny fetch wrapper for tests that drive the simulator: JSON in, status +
// headers + parsed JSON out, with the Daytona bearer header added on request.
import { DEFAULT_API_TOKEN } from './index.js';

export type Json = Record<string, unknown>;

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
  /** the raw response text ('' for no body) */
  text: string;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Daytona bearer token; `null` sends no Authorization header */
  token?: string | null;
}

export async function call(method: string, url: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? DEFAULT_API_TOKEN : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method, headers, body: payload });
  const text = await res.text();
  const body = text === '' ? {} : (JSON.parse(text) as Json);
  return { status: res.status, headers: res.headers, body, text };
}

/** GET `url` n times and return the states seen, read from `field`. */
export async function pollStates(url: string, n: number, field = 'state', options: CallOptions = {}): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (let i = 0; i < n; i += 1) seen.push((await call('GET', url, options)).body[field]);
  return seen;
}
