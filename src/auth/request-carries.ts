/** Whether a request already carries a scheme's credential (an explicit step parameter wins), and adding one. */
import type { SecurityScheme } from '../plan/operation.js';
import type { Credential, RequestParts } from './credential.js';

const headerValue = (request: RequestParts, name: string): string | undefined =>
  request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

function cookieNames(request: RequestParts): string[] {
  return (headerValue(request, 'cookie') ?? '').split(';').map((pair) => pair.split('=')[0]!.trim()).filter(Boolean);
}

function queryNames(url: string): string[] {
  const query = url.indexOf('?');
  if (query < 0) return [];
  return url.slice(query + 1).split('&').map((pair) => {
    const name = pair.split('=')[0]!;
    try {
      return decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      return name;
    }
  });
}

export function requestCarries(request: RequestParts, scheme: SecurityScheme): boolean {
  if (scheme.type === 'apiKey' && scheme.name) {
    if (scheme.in === 'query') return queryNames(request.url).includes(scheme.name);
    if (scheme.in === 'cookie') return cookieNames(request).includes(scheme.name);
    return headerValue(request, scheme.name) !== undefined;
  }
  return headerValue(request, 'authorization') !== undefined;
}

/** The request with the credentials added; never replaces what the request already has. */
export function addCredentials<R extends RequestParts>(request: R, credentials: readonly (Credential & { kind: 'header' | 'query' | 'cookie' })[]): R {
  let url = request.url;
  const headers = [...request.headers];
  for (const credential of credentials) {
    if (credential.kind === 'query') {
      const hash = url.indexOf('#');
      const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
      url = `${base}${base.includes('?') ? '&' : '?'}${encodeURIComponent(credential.name)}=${encodeURIComponent(credential.value)}${fragment}`;
    } else if (credential.kind === 'cookie') {
      const index = headers.findIndex(([n]) => n.toLowerCase() === 'cookie');
      const pair = `${credential.name}=${credential.value}`;
      if (index < 0) headers.push(['Cookie', pair]);
      else headers[index] = [headers[index]![0], `${headers[index]![1]}; ${pair}`];
    } else if (!headers.some(([n]) => n.toLowerCase() === credential.name.toLowerCase())) {
      headers.push([credential.name, credential.value]);
    }
  }
  return { ...request, url, headers };
}
