/**
 * One security scheme + the values that fill it → the credential to add. Value names follow
 * Redocly's x-security: apiKey → `apiKey`; http basic → `username`, `password`; http bearer →
 * `token`; http digest → `username`, `password`; oauth2 / openIdConnect → `accessToken`, or
 * `clientId` + `clientSecret` for the client credentials grant. A `--auth` value is the one
 * string: the key, the token, `user:password` (basic and digest), or
 * `clientId:clientSecret` when the scheme has a client-credentials token URL or discovery URL.
 */
import type { SecurityScheme } from '../plan/operation.js';
import type { Credential } from './credential.js';

export type SchemeFill =
  | { ok: true; credential: Credential; secrets: string[] }
  | { ok: false; why: string };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

export function credentialFromValues(name: string, scheme: SecurityScheme, values: Readonly<Record<string, unknown>>, scopes: readonly string[]): SchemeFill {
  switch (kindOf(scheme)) {
    case 'apiKey':
      return apiKey(scheme, text(values.apiKey ?? values.value));
    case 'basic':
      return basic(text(values.username), text(values.password));
    case 'digest':
      return digest(text(values.username), text(values.password));
    case 'bearer':
      return bearer(text(values.token ?? values.accessToken));
    case 'oauth': {
      const token = text(values.accessToken ?? values.token);
      if (token) return bearer(token);
      return grant(name, scheme, text(values.clientId), text(values.clientSecret), scopes);
    }
    default:
      return unsupported(scheme);
  }
}

export function credentialFromExplicit(name: string, scheme: SecurityScheme, value: string, scopes: readonly string[]): SchemeFill {
  switch (kindOf(scheme)) {
    case 'apiKey':
      return apiKey(scheme, value);
    case 'basic':
    case 'digest': {
      const colon = value.indexOf(':');
      const kind = kindOf(scheme);
      if (colon < 0) return { ok: false, why: `a ${kind} credential is given as user:password` };
      return (kind === 'basic' ? basic : digest)(value.slice(0, colon), value.slice(colon + 1));
    }
    case 'bearer':
      return bearer(value);
    case 'oauth': {
      const colon = value.indexOf(':');
      const canGrant = scheme.tokenUrl !== undefined || scheme.openIdConnectUrl !== undefined;
      return canGrant && colon > 0 ? grant(name, scheme, value.slice(0, colon), value.slice(colon + 1), scopes) : bearer(value);
    }
    default:
      return unsupported(scheme);
  }
}

type Kind = 'apiKey' | 'basic' | 'digest' | 'bearer' | 'oauth' | 'other';

function kindOf(scheme: SecurityScheme): Kind {
  if (scheme.type === 'apiKey') return 'apiKey';
  if (scheme.type === 'http') return scheme.scheme === 'basic' || scheme.scheme === 'digest' || scheme.scheme === 'bearer' ? scheme.scheme : 'other';
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return 'oauth';
  return 'other';
}

function apiKey(scheme: SecurityScheme, value: string | undefined): SchemeFill {
  if (value === undefined) return { ok: false, why: 'no apiKey value' };
  if (scheme.name === undefined || scheme.name === '') return { ok: false, why: 'the apiKey scheme names no header, query parameter or cookie' };
  const where = scheme.in === 'query' || scheme.in === 'cookie' ? scheme.in : 'header';
  return { ok: true, credential: { kind: where, name: scheme.name, value }, secrets: [value] };
}

function basic(username: string | undefined, password: string | undefined): SchemeFill {
  if (username === undefined || password === undefined) return { ok: false, why: 'no username and password' };
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  return { ok: true, credential: { kind: 'header', name: 'Authorization', value: `Basic ${encoded}` }, secrets: [encoded, password] };
}

function digest(username: string | undefined, password: string | undefined): SchemeFill {
  if (username === undefined || password === undefined) return { ok: false, why: 'no username and password' };
  return { ok: true, credential: { kind: 'digest', login: { username, password } }, secrets: [password] };
}

function bearer(token: string | undefined): SchemeFill {
  if (token === undefined) return { ok: false, why: 'no token' };
  return { ok: true, credential: { kind: 'header', name: 'Authorization', value: `Bearer ${token}` }, secrets: [token] };
}

function grant(name: string, scheme: SecurityScheme, clientId: string | undefined, clientSecret: string | undefined, scopes: readonly string[]): SchemeFill {
  if (clientId === undefined || clientSecret === undefined) return { ok: false, why: 'no accessToken, nor clientId and clientSecret' };
  if (scheme.tokenUrl === undefined && scheme.openIdConnectUrl === undefined) {
    return { ok: false, why: 'the scheme declares no clientCredentials flow (tokenUrl) to fetch a token with; give an accessToken' };
  }
  return {
    ok: true,
    credential: {
      kind: 'grant',
      grant: { schemeName: name, ...(scheme.tokenUrl ? { tokenUrl: scheme.tokenUrl } : {}), ...(scheme.openIdConnectUrl && !scheme.tokenUrl ? { discoveryUrl: scheme.openIdConnectUrl } : {}), clientId, clientSecret, scopes },
    },
    secrets: [clientSecret],
  };
}

function unsupported(scheme: SecurityScheme): SchemeFill {
  const label = scheme.type === 'http' ? `http ${scheme.scheme ?? ''}`.trim() : scheme.type;
  return { ok: false, why: `${label} credentials are not supported` };
}
