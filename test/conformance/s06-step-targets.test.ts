/** Spec §Step Object; checklist section 6 (operationId, operationPath, workflowId, parameters). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, FIXTURES, loadDocument, runDocument } from './support/run-document.js';

const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const twoSources = `arazzo: 1.0.1
info: { title: two sources, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
  - { name: store, url: ./store.openapi30.yaml, type: openapi }
workflows:
`;

describe('6.3 Step operationId: resolves in a source; qualified $sourceDescriptions.<name>.<operationId> with several sources', () => {
  it('qualified operationIds pick the source, each request goes to its own server (OpenAPI 3.0 and 3.1)', async () => {
    const api = await startApi({ 'GET /pets': json([{ id: 1 }]) });
    const store = await startApi({ 'GET /v2/pets': json([{ id: 2 }]), 'GET /v2/orders/{orderId}': json({ id: 5 }) });
    const { result } = await runDocument(`${twoSources}
  - workflowId: w
    steps:
      - stepId: a
        operationId: $sourceDescriptions.api.findPets
        outputs: { id: $response.body#/0/id }
      - stepId: b
        operationId: $sourceDescriptions.store.findPets
        parameters: [{ name: kind, in: query, value: cat }]
        outputs: { id: $response.body#/0/id }
      - stepId: c
        operationId: $sourceDescriptions.store.getOrder
        parameters: [{ name: orderId, in: path, value: 5 }]
    outputs: { a: $steps.a.outputs.id, b: $steps.b.outputs.id }
`, { api: { api, store }, files: { 'store.openapi30.yaml': fixture('store.openapi30.yaml') } });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ a: 1, b: 2 });
    expect(api.requests.map((r) => r.target)).toEqual(['/pets']);
    expect(store.requests.map((r) => r.target)).toEqual(['/v2/pets?kind=cat', '/v2/orders/5']);
  });

  it('a bare operationId that exists in two sources is an error; an unknown one is an error; an unknown source is an error', async () => {
    const loaded = await loadDocument(`${twoSources}
  - workflowId: w
    steps:
      - { stepId: a, operationId: findPets }
      - { stepId: b, operationId: getPetz }
      - { stepId: c, operationId: $sourceDescriptions.nope.getPet }
`, { 'store.openapi30.yaml': fixture('store.openapi30.yaml') });
    expect(codes(loaded.errors)).toEqual(expect.arrayContaining(['operation-ambiguous', 'operation-not-found', 'source-not-found']));
  });

  it('a bare operationId unique across several sources runs, with a warning and the qualified fix-it (decision: MUST is reported, not fatal)', async () => {
    const loaded = await loadDocument(`${twoSources}
  - workflowId: w
    steps:
      - { stepId: a, operationId: getOrder, parameters: [{ name: orderId, in: path, value: 1 }] }
`, { 'store.openapi30.yaml': fixture('store.openapi30.yaml') });
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.find((w) => w.code === 'operation-id-unqualified')?.fix).toBe('$sourceDescriptions.store.getOrder');
  });

  it('Swagger 2.0 sources: host/basePath servers, body parameters as requestBody, collectionFormat', async () => {
    const legacy = await startApi({ 'GET /api/items': json([]), 'POST /api/items': json({}, 201) });
    const { result } = await runDocument(`arazzo: 1.0.1
info: { title: swagger, version: '1' }
sourceDescriptions:
  - { name: legacy, url: ./legacy.swagger20.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: listItems
        parameters:
          - { name: ids, in: query, value: [a, b] }
          - { name: tags, in: query, value: [x, y] }
          - { name: codes, in: query, value: [1, 2] }
      - stepId: add
        operationId: addItem
        requestBody: { payload: { name: x } }
`, { api: legacy, files: { 'legacy.swagger20.yaml': fixture('legacy.swagger20.yaml') } });
    expect(result.status).toBe('succeeded');
    expect(legacy.requests.map((r) => r.target)).toEqual(['/api/items?ids=a&ids=b&tags=x,y&codes=1%7C2', '/api/items']);
    expect(legacy.requests[1]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(legacy.requests[1]!.body)).toEqual({ name: 'x' });
  });
});

describe('6.4 Step operationPath: a JSON pointer to an Operation Object', () => {
  it('{$sourceDescriptions.api.url}#/paths/~1pets/get runs findPets', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationPath: '{$sourceDescriptions.api.url}#/paths/~1pets/get'
        parameters: [{ name: status, in: query, value: available }]
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests[0]?.target).toBe('/pets?status=available');
  });

  it('a pointer to a Path Item (no method) is an error naming the fix', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationPath: '{$sourceDescriptions.api.url}#/paths/~1pets'
`));
    expect(loaded.errors.find((d) => d.code === 'operation-path-not-found')?.message).toContain('/paths/~1pets/get');
  });
});

describe('6.5 Step operationPath: only the leading {$sourceDescriptions.x.url} is an expression; {petId} in the pointer is not', () => {
  it("'{$sourceDescriptions.api.url}#/paths/~1pets~1{petId}/get' resolves to getPet", async () => {
    const api = await startApi({ 'GET /pets/{petId}': json({ id: 3 }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationPath: '{$sourceDescriptions.api.url}#/paths/~1pets~1{petId}/get'
        parameters: [{ name: petId, in: path, value: 3 }]
        outputs: { id: $response.body#/id }
    outputs: { id: $steps.a.outputs.id }
`), { api });
    expect(result.outputs).toEqual({ id: 3 });
    expect(api.requests[0]?.target).toBe('/pets/3');
  });
});

describe('6.7 Step workflowId: local, or $sourceDescriptions.<name>.<workflowId> for another Arazzo document', () => {
  const child = `arazzo: 1.0.1
info: { title: child, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: lookup
    inputs: { type: object, properties: { id: { type: string } } }
    steps:
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: $inputs.id }]
        outputs: { name: $response.body#/name }
    outputs: { name: $steps.get.outputs.name }
`;

  it('a workflow of a type: arazzo source runs with the step parameters as inputs', async () => {
    const api = await startApi({ 'GET /pets/{petId}': (e) => json({ name: `pet ${e.params.petId}` }) });
    const { result } = await runDocument(`arazzo: 1.0.1
info: { title: parent, version: '1' }
sourceDescriptions:
  - { name: lib, url: ./lib/child.arazzo.yaml, type: arazzo }
workflows:
  - workflowId: main
    steps:
      - stepId: call
        workflowId: $sourceDescriptions.lib.lookup
        parameters: [{ name: id, value: '42' }]
        outputs: { name: $outputs.name }
    outputs: { name: $steps.call.outputs.name }
`, { api, files: { 'lib/child.arazzo.yaml': child, 'lib/api.openapi.yaml': fixture('api.openapi.yaml') } });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ name: 'pet 42' });
    expect(api.requests[0]?.target).toBe('/pets/42');
  });

  it('an external workflow written as a bare id is an error', async () => {
    const loaded = await loadDocument(`arazzo: 1.0.1
info: { title: parent, version: '1' }
sourceDescriptions:
  - { name: lib, url: ./lib/child.arazzo.yaml, type: arazzo }
workflows:
  - workflowId: main
    steps:
      - { stepId: call, workflowId: lookup }
`, { 'lib/child.arazzo.yaml': child, 'lib/api.openapi.yaml': fixture('api.openapi.yaml') });
    expect(codes(loaded.errors)).toContain('workflow-not-found');
  });
});

describe('6.8 Step parameters: no duplicates; a step parameter overrides a workflow parameter of the same identity', () => {
  it('duplicate (name, in) → error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        parameters: [{ name: status, in: query, value: a }, { name: status, in: query, value: b }]
`));
    expect(codes(loaded.errors)).toContain('parameter-duplicate');
  });

  it('the step value wins over the workflow value for the same (name, in); others are kept', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: w
    parameters:
      - { name: status, in: query, value: fromWorkflow }
      - { name: limit, in: query, value: 5 }
    steps:
      - stepId: a
        operationId: findPets
        parameters: [{ name: status, in: query, value: fromStep }]
`), { api });
    expect(api.requests[0]?.query.getAll('status')).toEqual(['fromStep']);
    expect(api.requests[0]?.query.get('limit')).toBe('5');
  });
});
