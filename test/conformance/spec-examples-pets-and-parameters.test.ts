/**
 * Spec examples LoginAndRetrievePets.arazzo.yaml (remote Petstore source, mapped to an offline
 * fixture) and ExtendedParametersExample.arazzo.yaml (its ./animals.yaml is not in the spec
 * repository: a fixture stands in) against loopback servers.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { codes, FIXTURES, loadFile, runLoaded, stepOf } from './support/run-document.js';
import { correctedExample, example, loadExample } from './support/spec-examples.js';

const PETSTORE = 'https://raw.githubusercontent.com/swagger-api/swagger-petstore/master/src/main/resources/openapi.yaml';
const petstoreOffline = { sourceLocations: { [PETSTORE]: `${FIXTURES}/petstore.openapi.yaml` } };

describe('spec example LoginAndRetrievePets', () => {
  it('as written: operationPath points at a Path Item (no /get): operation-path-not-found with the fix', async () => {
    const loaded = await loadExample('LoginAndRetrievePets.arazzo.yaml', petstoreOffline);
    expect(codes(loaded.errors)).toEqual(['operation-path-not-found']);
    expect(loaded.errors[0]?.message).toContain('/paths/~1pet~1findByStatus/get');
  });

  it('corrected: login by query, a header output and the body as the next Authorization header', async () => {
    const file = correctedExample('LoginAndRetrievePets.arazzo.yaml', [
      { defect: 'operationPath must end with the method', from: "#/paths/~1pet~1findByStatus'", to: "#/paths/~1pet~1findByStatus/get'" },
    ]);
    const loaded = await loadFile(file, petstoreOffline);
    expect(loaded.errors).toEqual([]);
    const api = await startApi({
      'GET /api/v3/user/login': { status: 200, text: 'session-abc', headers: { 'X-Rate-Limit': '5000', 'X-Expires-After': '2030-01-01T00:00:00Z' } },
      'GET /api/v3/pet/findByStatus': json([{ id: 1, status: 'available' }]),
    });
    const { result } = await runLoaded(loaded, { api, inputs: { username: 'ann', password: 'p@ss word' } });
    expect(api.requests.map((r) => r.target)).toEqual(['/api/v3/user/login?username=ann&password=p%40ss%20word', '/api/v3/pet/findByStatus?status=available']);
    expect(api.requests[1]?.headers.authorization).toBe('session-abc');
    expect(stepOf(result, 'loginStep').outputs).toEqual({ tokenExpires: '2030-01-01T00:00:00Z', rateLimit: '5000', sessionToken: 'session-abc' });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { available: [{ id: 1, status: 'available' }] } });
  });
});

describe('spec example ExtendedParametersExample', () => {
  it('as written: ./animals.yaml does not exist: file-not-found at the source url', async () => {
    const loaded = await loadExample('ExtendedParametersExample.arazzo.yaml');
    expect(loaded.errors.map((d) => [d.code, d.pointer])).toEqual([['file-not-found', '/sourceDescriptions/0/url']]);
  });

  it('with animals.yaml supplied: workflow-level cookie and header parameters merge with the step cookie', async () => {
    const loaded = await loadFile(example('ExtendedParametersExample.arazzo.yaml'), { sourceLocations: { './animals.yaml': `${FIXTURES}/animals.openapi.yaml` } });
    expect(loaded.errors).toEqual([]);
    const api = await startApi({ 'POST /animals': json({ id: 1 }, 201), 'GET /animals/random': json({ name: 'zebra' }) });
    const { result } = await runLoaded(loaded, { api });
    expect(result.status).toBe('succeeded');
    const [post, get] = api.requests;
    expect(post?.headers.cookie).toBe('workflowLevelParamOne=someValue; authentication=SUPER_SECRET');
    expect(post?.headers.workflowlevelparamtwo).toBe('someValue');
    expect(get?.headers.cookie).toBe('workflowLevelParamOne=someValue');
    expect(get?.headers.workflowlevelparamtwo).toBe('someValue');
  });
});
