/**
 * Arazzo 1.1.0 §Parameter Object: `in: querystring` (OpenAPI 3.2) — the value is the complete query
 * string, embedded expressions with `{}` — and `in: channel` (asyncapi steps only). 1.0.1 keeps its
 * own list of locations.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { loadDocument, runDocument } from '../support/run-document.js';

const OPENAPI_32 = `openapi: 3.2.0
info: { title: search, version: '1' }
paths:
  /search:
    get:
      operationId: search
      parameters:
        - { name: q, in: querystring, content: { application/x-www-form-urlencoded: { schema: { type: object } } } }
      responses: { '200': { description: ok } }
`;

const flow = (version: string, location: string, value: string): string => `arazzo: ${version}
info: { title: qs, version: '1' }
sourceDescriptions:
  - { name: api, url: ./search.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    inputs: { type: object, properties: { category: { type: string } } }
    steps:
      - stepId: find
        operationId: search
        parameters:
          - { name: q, in: ${location}, value: "${value}" }
        outputs: { hits: $response.body#/hits }
    outputs: { hits: $steps.find.outputs.hits }
`;

describe('Arazzo 1.1.0 §Parameter Object in: querystring', () => {
  it('the value is sent as the whole query string, with {$inputs.x} embedded', async () => {
    const api = await startApi({ 'GET /search': json({ hits: 2 }) });
    const { result } = await runDocument(flow('1.1.0', 'querystring', 'category={$inputs.category}&sort=desc&limit=50'), {
      api,
      inputs: { category: 'dogs' },
      files: { 'search.openapi.yaml': OPENAPI_32 },
    });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { hits: 2 } });
    expect(api.requests.map((r) => r.target)).toEqual(['/search?category=dogs&sort=desc&limit=50']);
  });

  it('a 1.0.1 document cannot name it: parameter-in-invalid at the in field', async () => {
    const loaded = await loadDocument(flow('1.0.1', 'querystring', 'a=1'), { 'search.openapi.yaml': OPENAPI_32 });
    expect(loaded.errors.map((d) => [d.code, d.pointer])).toContainEqual(['parameter-in-invalid', '/workflows/0/steps/0/parameters/0/in']);
  });

  it('in: channel on an HTTP operation step is an error (it belongs to asyncapi steps)', async () => {
    const loaded = await loadDocument(flow('1.1.0', 'channel', 'a'), { 'search.openapi.yaml': OPENAPI_32 });
    expect(loaded.errors.map((d) => d.code)).toContain('parameter-in-invalid');
  });
});
