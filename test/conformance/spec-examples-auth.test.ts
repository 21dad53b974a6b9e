/**
 * Spec examples oauth.arazzo.yaml and FAPI-PAR.arazzo.yaml against loopback authorization
 * servers made from their OpenAPI descriptions. Known defects are reported by code.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi, type Exchange } from './support/api-server.js';
import { codes, loadFile, runLoaded, stepOf } from './support/run-document.js';
import { correctedExample, loadExample } from './support/spec-examples.js';

const form = (exchange: Exchange | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(exchange?.body ?? ''));

async function authServer(tokenBody?: unknown) {
  return startApi({
    'GET /authorize': json({ code: 'c0de', access_token: 'browser-token' }),
    'POST /oauth/token': (e) => {
      const grant = form(e).grant_type;
      if (tokenBody !== undefined) return json(tokenBody);
      if (grant === 'authorization_code') return json({ access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600 });
      if (grant === 'refresh_token') return json({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 1800 });
      return json({ access_token: 'cc-1' });
    },
  });
}

describe('spec example oauth: workflows as written', () => {
  const clients = { my_client_id: 'app', my_client_secret: 's3cret', my_redirect_uri: 'https://app.test/cb' };

  it('lint: the root-filter JSONPath criteria are reported', async () => {
    const loaded = await loadExample('oauth.arazzo.yaml');
    expect(loaded.errors).toEqual([]);
    expect(codes(loaded.warnings)).toContain('criterion-jsonpath-root-filter');
  });

  it('refresh-token-flow: runs authorization-code-flow as a sub-workflow, then refreshes with $outputs.refresh_token', async () => {
    const api = await authServer();
    const { result } = await runLoaded(await loadExample('oauth.arazzo.yaml'), { api, workflowId: 'refresh-token-flow', inputs: clients });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { access_token: 'at-2', refresh_token: 'rt-2', expires_in: 1800 } });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /authorize', 'POST /oauth/token', 'POST /oauth/token']);
    expect(api.requests[0]?.target).toBe('/authorize?client_id=app&redirect_uri=https%3A%2F%2Fapp.test%2Fcb&response_type=code&scope=read&state=12345');
    expect(api.requests[1]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form(api.requests[1])).toEqual({ grant_type: 'authorization_code', code: 'c0de', redirect_uri: 'https://app.test/cb', client_id: 'app', client_secret: 's3cret' });
    expect(form(api.requests[2])).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-1' });
    expect(stepOf(result, 'do-the-auth-flow').outputs).toEqual({ my_refresh_token: 'rt-1' });
  });

  it('client-credentials-flow: a form payload from inputs', async () => {
    const api = await authServer();
    const { result } = await runLoaded(await loadExample('oauth.arazzo.yaml'), { api, workflowId: 'client-credentials-flow', inputs: { client_id: 'app', client_secret: 'x y' } });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { access_token: 'cc-1' } });
    expect(api.requests[0]?.body).toBe('client_id=app&client_secret=x+y&grant_type=client_credentials');
  });

  it('defect: $[?@.access_token != null] passes on a body without access_token (strict RFC 9535), so the flow "succeeds" with no token', async () => {
    const api = await authServer({ token_type: 'bearer', note: 'no token here' });
    const { result } = await runLoaded(await loadExample('oauth.arazzo.yaml'), { api, workflowId: 'client-credentials-flow', inputs: { client_id: 'app', client_secret: 's' } });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ access_token: null });
    expect(codes(result.warnings)).toContain('output-unresolved');
  });

  it('the simple-criterion form ($response.body#/access_token != null) catches the same body', async () => {
    const api = await authServer({ token_type: 'bearer' });
    const { result } = await runLoaded(await loadExample('oauth.arazzo.yaml'), { api, workflowId: 'authorization-code-flow', inputs: { client_id: 'app' } });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', stepId: 'get-access-token' } });
  });
});

describe('spec example FAPI-PAR', () => {
  const inputs = {
    client_id: 'tpp-1',
    client_assertion: { iss: 'tpp-1', aud: 'as' },
    redirect_uri: 'https://tpp.test/cb',
    code_verifier: 'verifier',
    PARrequestBody: { response_type: 'code', client_id: 'tpp-1', scope: 'openid' },
    TokenRequestBody: { grant_type: 'authorization_code', code: 'x', redirect_uri: 'https://tpp.test/cb', code_verifier: 'verifier' },
  };

  it('as written: operationId $sourceDescriptions.auth-api.PAR does not exist (the operation is "Par"): an error with the suggestion', async () => {
    const loaded = await loadExample('FAPI-PAR.arazzo.yaml');
    expect(codes(loaded.errors)).toEqual(['operation-not-found']);
    expect(loaded.errors[0]?.hint).toContain('"Par"');
  });

  it('corrected: PAR (JSON payload from an input, no contentType), authorize (302 is success), token (JSON template payload)', async () => {
    const file = correctedExample('FAPI-PAR.arazzo.yaml', [
      { defect: 'operationIds are case-sensitive', from: '$sourceDescriptions.auth-api.PAR', to: '$sourceDescriptions.auth-api.Par' },
    ], ['FAPI-PAR.openapi.yaml']);
    const loaded = await loadFile(file);
    expect(loaded.errors).toEqual([]);
    const api = await startApi({
      'POST /as/par.oauth2': json({ request_uri: 'urn:par:1', expires_in: 60 }),
      'GET /as/authorize.oauth2': { status: 302, headers: { location: 'https://tpp.test/cb?code=abc' } },
      'POST /as/token.oauth2': json({ access_token: 'fapi-at', token_type: 'Bearer' }),
    });
    const { result } = await runLoaded(loaded, { api, inputs });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { access_token: { access_token: 'fapi-at', token_type: 'Bearer' } } });
    const [par, authorize, token] = api.requests;
    expect(par?.query.get('client_assertion_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(JSON.parse(par?.query.get('client_assertion') ?? '')).toEqual(inputs.client_assertion);
    expect(par?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(par!.body)).toEqual(inputs.PARrequestBody);
    expect(authorize?.target).toBe('/as/authorize.oauth2?request_uri=urn%3Apar%3A1&client_id=tpp-1');
    // Known defect (the example's own comment): `code` is read from a 302 body, so it is empty.
    expect(JSON.parse(token!.body)).toEqual({ grant_type: 'authorization_code', code: '', redirect_uri: 'https://tpp.test/cb', code_verifier: 'verifier' });
    expect(codes(result.warnings)).toContain('expression-unresolved');
  });
});
