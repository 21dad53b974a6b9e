/**
 * The undici dispatcher every request goes through (issue 13 "Transport"): undici's
 * EnvHttpProxyAgent, so HTTP_PROXY / HTTPS_PROXY / NO_PROXY (or --proxy) choose between a tunnel
 * through the proxy and a direct connection per request, with TLS settings applied to both:
 * a client certificate (mTLS), extra CAs (added to Node's public roots, not replacing them), and
 * --insecure. The same dispatcher serves source-description downloads (installSourceDispatcher).
 */
import { rootCertificates } from 'node:tls';
import { EnvHttpProxyAgent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';

export interface ProxySettings {
  /** Proxy for http:// targets; '' = none. */
  httpProxy: string;
  /** Proxy for https:// targets; '' = none. */
  httpsProxy: string;
  /** Comma- or space-separated hosts (with optional :port, leading "." or "*.") that go direct; "*" = all. */
  noProxy: string;
}

/** PEM texts, already read from the files the flags name. */
export interface TlsMaterial {
  cert?: string;
  key?: string;
  /** Extra certificate authorities, trusted on top of Node's roots. */
  ca?: readonly string[];
}

export interface TransportOptions {
  /** Verify server certificates (default true). */
  rejectUnauthorized?: boolean;
  /** Absent: no proxy (the caller reads the environment, so a test's process env cannot leak in). */
  proxy?: ProxySettings;
  tls?: TlsMaterial;
  connectTimeoutMs?: number;
}

export function createDispatcher(options: TransportOptions = {}): Dispatcher {
  const tls = {
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    ...(options.tls?.ca?.length ? { ca: [...rootCertificates, ...options.tls.ca] } : {}),
    ...(options.tls?.cert ? { cert: options.tls.cert } : {}),
    ...(options.tls?.key ? { key: options.tls.key } : {}),
  };
  const connect = { ...tls, ...(options.connectTimeoutMs === undefined ? {} : { timeout: options.connectTimeoutMs }) };
  const proxy = options.proxy ?? { httpProxy: '', httpsProxy: '', noProxy: '' };
  // `connect` serves direct connections; `requestTls` the target's TLS inside a proxy tunnel.
  return new EnvHttpProxyAgent({
    connect,
    requestTls: tls,
    proxyTls: { rejectUnauthorized: tls.rejectUnauthorized, ...(tls.ca ? { ca: tls.ca } : {}) },
    httpProxy: proxy.httpProxy,
    httpsProxy: proxy.httpsProxy,
    noProxy: proxy.noProxy,
  });
}

/** The proxy settings from an environment: lower-case names first, as curl reads them. */
export function proxyFromEnv(env: Readonly<Record<string, string | undefined>>, override?: string): ProxySettings {
  const pick = (...names: string[]): string => names.map((n) => env[n]).find((v) => v !== undefined && v !== '') ?? '';
  const httpProxy = override ?? pick('http_proxy', 'HTTP_PROXY');
  return {
    httpProxy,
    httpsProxy: override ?? (pick('https_proxy', 'HTTPS_PROXY') || httpProxy),
    noProxy: pick('no_proxy', 'NO_PROXY'),
  };
}

/**
 * Source descriptions (and their external $refs) are downloaded with the global fetch; while `load`
 * runs, it goes through this dispatcher. The previous global dispatcher is restored afterwards.
 */
export async function withSourceDispatcher<T>(dispatcher: Dispatcher, load: () => Promise<T>): Promise<T> {
  const previous = getGlobalDispatcher();
  setGlobalDispatcher(dispatcher);
  try {
    return await load();
  } finally {
    setGlobalDispatcher(previous);
  }
}
