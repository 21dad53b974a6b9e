/** What a security scheme adds to a request, decided purely from the description and the values given. */
import type { SecurityScheme } from '../plan/operation.js';

/** The part of an HTTP request credentials are checked against and added to. */
export interface RequestParts {
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
}

/** An OAuth 2.0 client-credentials grant to run before the request (token endpoint or OIDC discovery). */
export interface TokenGrant {
  schemeName: string;
  /** The scheme's clientCredentials tokenUrl; absent for openIdConnect (then discoveryUrl). */
  tokenUrl?: string;
  /** openIdConnectUrl: the discovery document that names the token endpoint. */
  discoveryUrl?: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
}

export type Credential =
  | { kind: 'header'; name: string; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'cookie'; name: string; value: string }
  /** A bearer token still to be fetched: becomes `Authorization: Bearer <token>`. */
  | { kind: 'grant'; grant: TokenGrant }
  /** HTTP Digest (RFC 7616): answered by the driver once the server's challenge is known. */
  | { kind: 'digest'; login: DigestLogin };

export interface DigestLogin {
  username: string;
  password: string;
}

/** An x-security entry with its values evaluated. */
export interface SecurityEntry {
  schemeName?: string;
  scheme?: SecurityScheme;
  values: Readonly<Record<string, unknown>>;
}

/** --auth / ARAZZO_AUTH_* lookup: the value given on the command line for a source's scheme. */
export type ExplicitCredentials = (sourceName: string, schemeName: string) => string | undefined;
