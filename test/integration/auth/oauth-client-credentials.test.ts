// Issue 13 "Credentials": OAuth 2.0 client credentials (RFC 6749 §4.4) from the scheme's tokenUrl,
// cached per run, fetched again on expiry or a 401; OpenID Connect discovery for the same grant.
// A real loopback token endpoint that expires and revokes tokens.
import { Agent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenPort } from '../../../src/http/oauth-token-port.js';
import { routeRequests, useLoopbackServer, type LoopbackRequest } from '../../support/loopback-server.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from './auth-fixtures.js';

let issued = 0;
const valid = new Set<string>();
const tokenRequests: LoopbackRequest[] = [];
let discoveryMethods: string[] | undefined;

function issue(request: LoopbackRequest) {
  tokenRequests.push(request);
  const form = new URLSearchParams(request.bodyText);
  const basic = request.headers.authorization === `Basic ${Buffer.from('my-client:client-s3cret').toString('base64')}`;
  const posted = form.get('client_id') === 'my-client' && form.get('client_secret') === 'client-s3cret';
  if (form.get('grant_type') !== 'client_credentials' || !(basic || posted)) return { status: 400, body: { error: 'invalid_client', error_description: 'unknown client' } };
  const token = `tok-${++issued}`;
  valid.add(token);
  return { body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
}

const holder = useLoopbackServer(routeRequests({
  'POST /token': issue,
  'GET /.well-known/openid-configuration': () => ({
    body: { issuer: holder.server.url, token_endpoint: `${holder.server.url}/token`, ...(discoveryMethods ? { token_endpoint_auth_methods_supported: discoveryMethods } : {}) },
  }),
  'GET /{operation}': (request) => (valid.has((request.headers.authorization ?? '').replace(/^Bearer /, '')) ? { body: {} } : { status: 401, body: { error: 'invalid_token' } }),
}));

function documents(schemes: Record<string, unknown>, security: unknown[], steps = ['first', 'second']): string {
  return writeDocuments(securedApi(Object.fromEntries(steps.map((s) => [s, security])), schemes), workflowDocument(steps.map((operationId) => ({ operationId }))));
}

const oauthScheme = () => ({ oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${holder.server.url}/token`, scopes: { 'pets:read': 'read' } } } } });
const apiCalls = () => holder.server.requests.filter((r) => r.path !== '/token' && !r.path.startsWith('/.well-known'));

describe('issue 13: OAuth 2.0 client credentials', () => {
  it('fetches one token for the run (client_secret_basic, the requirement\'s scopes) and sends it on every step; id, secret and token are masked', async () => {
    tokenRequests.length = 0;
    const file = documents(oauthScheme(), [{ oauth: ['pets:read'] }]);
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}`, '--auth', 'api.oauth=my-client:client-s3cret', '--verbose', '--json']);
    expect(run.code).toBe(0);
    expect(tokenRequests).toHaveLength(1);
    expect(new URLSearchParams(tokenRequests[0]!.bodyText).get('scope')).toBe('pets:read');
    const sentTokens = apiCalls().map((r) => r.headers.authorization);
    expect(sentTokens).toHaveLength(2);
    expect(new Set(sentTokens).size).toBe(1);
    expect(sentTokens[0]).toMatch(/^Bearer tok-\d+$/);
    const output = run.stdout + run.stderr;
    expect(output).not.toContain('client-s3cret');
    expect(output).not.toContain(sentTokens[0]!.slice('Bearer '.length));
  });

  it('x-security clientId/clientSecret values fill the grant too', async () => {
    const file = writeDocuments(
      securedApi({ first: [{ oauth: [] }] }, oauthScheme()),
      workflowDocument([{ operationId: 'first', 'x-security': [{ schemeName: 'oauth', values: { clientId: 'my-client', clientSecret: '$inputs.pass' } }] }]),
    );
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}`, '--input', 'pass=client-s3cret']);
    expect(run.code).toBe(0);
    expect(apiCalls()[0]!.headers.authorization).toMatch(/^Bearer tok-/);
  });

  it('a 401 to a fetched token gets one fresh token and one resend', async () => {
    const file = documents(oauthScheme(), [{ oauth: [] }], ['first', 'second']);
    // The server revokes every token after the first API call it accepts.
    holder.server.setHandler(routeRequests({
      'POST /token': issue,
      'GET /{operation}': (request) => {
        const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!valid.has(token)) return { status: 401, body: {} };
        valid.clear();
        return { body: {} };
      },
    }));
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}`, '--auth', 'api.oauth=my-client:client-s3cret']);
    expect(run.code).toBe(0);
    const calls = apiCalls().map((r) => `${r.path} ${r.headers.authorization}`);
    expect(calls).toHaveLength(3);
    expect(calls[1]!.split(' ')[0]).toBe('/second');
    expect(calls[2]!.split(' ')[0]).toBe('/second');
    expect(calls[1]).not.toBe(calls[2]);
  });

  it('a refused grant fails the step with the token endpoint\'s error; the API is never called', async () => {
    const file = documents(oauthScheme(), [{ oauth: [] }], ['first']);
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}`, '--auth', 'api.oauth=my-client:wrong-secret-value', '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('invalid_client');
    expect(run.stdout).toContain('no OAuth 2.0 token for security scheme');
    expect(apiCalls()).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain('wrong-secret-value');
  });

  it('OpenID Connect discovery names the token endpoint; client_secret_post when that is all it supports', async () => {
    tokenRequests.length = 0;
    discoveryMethods = ['client_secret_post'];
    try {
      const schemes = { oidc: { type: 'openIdConnect', openIdConnectUrl: `${holder.server.url}/.well-known/openid-configuration` } };
      const file = documents(schemes, [{ oidc: ['openid'] }], ['first']);
      const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}`, '--auth', 'api.oidc=my-client:client-s3cret']);
      expect(run.code).toBe(0);
      expect(tokenRequests).toHaveLength(1);
      expect(tokenRequests[0]!.headers.authorization).toBeUndefined();
      expect(new URLSearchParams(tokenRequests[0]!.bodyText).get('client_id')).toBe('my-client');
      expect(apiCalls()[0]!.headers.authorization).toMatch(/^Bearer tok-/);
    } finally {
      discoveryMethods = undefined;
    }
  });
});

describe('issue 13: the token cache honours expires_in', () => {
  const agent = new Agent();
  afterAll(() => agent.close());

  it('reuses a token until shortly before it expires, then fetches a new one; `fresh` forces one', async () => {
    let now = 1_000_000;
    holder.server.setHandler(routeRequests({
      'POST /token': (request) => {
        const reply = issue(request);
        return { ...reply, body: { ...(reply.body as object), expires_in: 60 } };
      },
    }));
    const port = createTokenPort({ dispatcher: agent, now: () => now });
    const grant = { schemeName: 'oauth', tokenUrl: `${holder.server.url}/token`, clientId: 'my-client', clientSecret: 'client-s3cret', scopes: [] };
    const first = await port.token(grant);
    now += 50_000;
    const cached = await port.token(grant);
    now += 5_000; // 55 s of 60: inside the refresh margin (10% of the lifetime)
    const renewed = await port.token(grant);
    const forced = await port.token(grant, { fresh: true });
    const tokens = [first, cached, renewed, forced].map((t) => (t.ok ? t.accessToken : t.message));
    expect(tokens[1]).toBe(tokens[0]);
    expect(new Set([tokens[0], tokens[2], tokens[3]]).size).toBe(3);
    expect(holder.server.requests.filter((r) => r.path === '/token')).toHaveLength(3);
  });
});
