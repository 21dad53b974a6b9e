/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) and OpenID Connect discovery for the same grant:
 * the TokenPort the engine asks for bearer tokens. Tokens are cached for the run, per token
 * endpoint + client + scopes, and fetched again when expired (expires_in, a little early) or when
 * the engine asks for a fresh one after a 401. Client authentication is HTTP Basic
 * (client_secret_basic), or client_secret_post when a discovery document lists only that.
 */
import { request, type Dispatcher } from 'undici';
import type { TokenGrant } from '../auth/credential.js';
import type { TokenPort, TokenResult } from '../engine/ports.js';

export interface TokenPortOptions {
  dispatcher: Dispatcher;
  /** For expiry; Date.now by default. */
  now?: () => number;
  timeoutMs?: number;
}

interface Cached {
  accessToken: string;
  /** Refresh after this instant; undefined: the token does not say it expires. */
  refreshAt?: number;
}

interface Endpoint {
  url: string;
  postSecret: boolean;
}

const MAX_BODY = 1024 * 1024;

export function createTokenPort(options: TokenPortOptions): TokenPort {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<TokenResult>>();
  const endpoints = new Map<string, Promise<Endpoint>>();

  const get = async (url: string, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<{ status: number; json: unknown }> => {
    const response = await request(url, { dispatcher: options.dispatcher, ...init, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, ...(signal ? { signal } : {}) });
    const text = await response.body.text();
    if (text.length > MAX_BODY) throw new Error(`${url} answered more than ${MAX_BODY} bytes`);
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, json };
  };

  const endpointOf = (grant: TokenGrant, signal?: AbortSignal): Promise<Endpoint> => {
    if (grant.tokenUrl) return Promise.resolve({ url: grant.tokenUrl, postSecret: false });
    const discovery = grant.discoveryUrl!;
    let found = endpoints.get(discovery);
    if (!found) {
      found = discover(discovery, signal);
      endpoints.set(discovery, found);
      found.catch(() => endpoints.delete(discovery));
    }
    return found;
  };

  const discover = async (url: string, signal?: AbortSignal): Promise<Endpoint> => {
    const { status, json } = await get(url, { method: 'GET', headers: { accept: 'application/json' } }, signal);
    const document = json as { token_endpoint?: unknown; token_endpoint_auth_methods_supported?: unknown } | undefined;
    if (status !== 200 || typeof document?.token_endpoint !== 'string') {
      throw new Error(`the OpenID Connect discovery document ${url} ${status !== 200 ? `answered HTTP ${status}` : 'names no token_endpoint'}`);
    }
    const methods = Array.isArray(document.token_endpoint_auth_methods_supported) ? document.token_endpoint_auth_methods_supported : undefined;
    return { url: document.token_endpoint, postSecret: methods !== undefined && !methods.includes('client_secret_basic') && methods.includes('client_secret_post') };
  };

  const fetchToken = async (grant: TokenGrant, signal?: AbortSignal): Promise<{ token: Cached }> => {
    const endpoint = await endpointOf(grant, signal);
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (grant.scopes.length > 0) form.set('scope', grant.scopes.join(' '));
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (endpoint.postSecret) {
      form.set('client_id', grant.clientId);
      form.set('client_secret', grant.clientSecret);
    } else {
      // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
      const pair = `${encodeURIComponent(grant.clientId)}:${encodeURIComponent(grant.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    const started = now();
    const { status, json } = await get(endpoint.url, { method: 'POST', headers, body: form.toString() }, signal);
    const body = (json ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
    if (status !== 200 || typeof body.access_token !== 'string' || body.access_token === '') {
      const why = typeof body.error === 'string' ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : status === 200 ? 'no access_token in the answer' : `HTTP ${status}`;
      throw new Error(`the token endpoint ${endpoint.url} refused the client credentials (${why})`);
    }
    const lifetime = Number(body.expires_in) * 1000;
    const token: Cached = { accessToken: body.access_token };
    // Refresh a little before the end: 10% of the lifetime, at most 30 s.
    if (Number.isFinite(lifetime) && lifetime > 0) token.refreshAt = started + lifetime - Math.min(30_000, lifetime / 10);
    return { token };
  };

  return {
    token(grant, tokenOptions = {}) {
      const key = JSON.stringify([grant.tokenUrl ?? grant.discoveryUrl, grant.clientId, [...grant.scopes].sort()]);
      const cached = cache.get(key);
      if (cached && !tokenOptions.fresh && (cached.refreshAt === undefined || now() < cached.refreshAt)) return Promise.resolve({ ok: true, accessToken: cached.accessToken });
      if (tokenOptions.fresh) cache.delete(key);
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const result = fetchToken(grant, tokenOptions.signal).then(
        ({ token }): TokenResult => {
          cache.set(key, token);
          return { ok: true, accessToken: token.accessToken };
        },
        (error: unknown): TokenResult => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
      pending.set(key, result);
      void result.finally(() => pending.delete(key));
      return result;
    },
  };
}
