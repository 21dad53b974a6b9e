/** Spec §Runtime Expressions (ABNF, examples table); checklist section 15. */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

describe('15.1 runtime expressions are parsed by a grammar; problems report their position', () => {
  it('$respons.body in a condition is an error with a column', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: s, operationId: echo, successCriteria: [{ condition: '$statusCode == 200 && $respons.body == 1' }] }
`));
    const error = loaded.errors[0];
    expect(error?.code).toMatch(/^(expression|condition|criterion)-/);
    expect(error?.line).toBe(9);
    expect(error?.column).toBeGreaterThan(0);
  });
});

describe('15.2 $url is the URL sent, $method the method, $statusCode an integer', () => {
  it('outputs from the request line and status', async () => {
    const api = await startApi({ 'GET /pets/{petId}': json({}, 203) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: getPet
        parameters: [{ name: petId, in: path, value: 'a b' }]
        successCriteria: [{ condition: $statusCode == 203 }]
        outputs: { url: $url, method: $method, status: $statusCode }
`), { api });
    const outputs = stepOf(result, 's').outputs;
    expect(outputs).toEqual({ url: `${api.url}/pets/a%20b`, method: 'GET', status: 203 });
    expect(typeof outputs.status).toBe('number');
  });
});

describe('15.3 $request.header / $response.header: the token is case-insensitive; repeated headers are joined', () => {
  it('x-rate-limit matches X-Rate-Limit; two Set-Cookie... values; request headers too', async () => {
    const api = await startApi({ 'GET /echo': { json: {}, headers: { 'X-Rate-Limit': '10', 'X-Multi': ['a', 'b'] } } });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: echo
        parameters: [{ name: X-Request-Id, in: header, value: r-1 }]
        outputs: { limit: $response.header.x-rate-limit, LIMIT: $response.header.X-RATE-LIMIT, multi: $response.header.X-Multi, sent: $request.header.x-request-id }
`), { api });
    expect(stepOf(result, 's').outputs).toEqual({ limit: '10', LIMIT: '10', multi: 'a, b', sent: 'r-1' });
  });
});

describe('15.4 $request.query / $request.path: the parameters sent', () => {
  it('a query and a path parameter; a parameter that was not sent is undefined', async () => {
    const api = await startApi({ 'GET /pets/{petId}': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: getPet
        parameters: [{ name: petId, in: path, value: 9 }, { name: verbose, in: query, value: true }]
        successCriteria: [{ condition: $request.query.nope == null }]
        outputs: { id: $request.path.petId, verbose: $request.query.verbose }
`), { api });
    expect(stepOf(result, 's')).toMatchObject({ status: 'succeeded', outputs: { id: 9, verbose: true } });
  });
});

describe('15.5 $request.body / $response.body with a JSON Pointer (RFC 6901)', () => {
  it('#/0/id, a key with "/" as ~1 and "~" as ~0; text bodies are strings', async () => {
    const api = await startApi({ 'GET /pets': json([{ id: 4, 'a/b': 'slash', 'c~d': 'tilde' }]), 'POST /notes': { text: 'plain text' } });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: findPets
        outputs: { id: $response.body#/0/id, slash: $response.body#/0/a~1b, tilde: $response.body#/0/c~0d }
      - stepId: t
        operationId: postNote
        requestBody: { payload: note }
        outputs: { text: $response.body, sent: $request.body }
`), { api });
    expect(stepOf(result, 's').outputs).toEqual({ id: 4, slash: 'slash', tilde: 'tilde' });
    expect(stepOf(result, 't').outputs).toEqual({ text: 'plain text', sent: 'note' });
  });
});

describe('15.7 $inputs.<name> with a #pointer into an input object (bnpl example)', () => {
  it('$inputs.customer#/uri', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { customer: { type: object } } }
    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: $inputs.customer#/uri }] }
`), { api, inputs: { customer: { uri: 'https://c.test/1' } } });
    expect(api.requests[0]?.query.get('q')).toBe('https://c.test/1');
  });
});

describe('15.8 $outputs: a workflowId step\'s child outputs; in workflow.outputs, this workflow\'s outputs', () => {
  it('a workflow output may read an earlier output of the same workflow', async () => {
    const api = await startApi({ 'GET /echo': json({ id: 'x' }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: s, operationId: echo, outputs: { id: $response.body#/id } }
    outputs: { id: $steps.s.outputs.id, again: $outputs.id }
`), { api });
    expect(result.outputs).toEqual({ id: 'x', again: 'x' });
  });
});

describe('15.9 $steps.<stepId>.outputs.<name>#<pointer>', () => {
  it('$steps.find.outputs.pets#/0/id', async () => {
    const api = await startApi({ 'GET /pets': json([{ id: 11 }]), 'GET /pets/{petId}': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: find, operationId: findPets, outputs: { pets: $response.body } }
      - { stepId: get, operationId: getPet, parameters: [{ name: petId, in: path, value: $steps.find.outputs.pets#/0/id }] }
`), { api });
    expect(api.requests[1]?.path).toBe('/pets/11');
  });
});

describe('15.11 $workflows.<id>.inputs.<name> and $workflows.<id>.outputs.<name>', () => {
  it('after dependsOn A, $workflows.A.outputs.token#/value and $workflows.A.inputs.user resolve', async () => {
    const api = await startApi({ 'POST /login': json({ token: { value: 'tv' } }), 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: A
    inputs: { type: object, properties: { user: { type: string } } }
    steps:
      - { stepId: login, operationId: login, requestBody: { payload: { user: $inputs.user } }, outputs: { token: $response.body#/token } }
    outputs: { token: $steps.login.outputs.token }
  - workflowId: B
    inputs: { type: object, properties: { user: { type: string } } }
    dependsOn: [A]
    steps:
      - stepId: list
        operationId: findPets
        parameters:
          - { name: X-Trace, in: header, value: $workflows.A.outputs.token#/value }
          - { name: status, in: query, value: $workflows.A.inputs.user }
`), { api, workflowId: 'B', inputs: { user: 'ann' } });
    expect(api.requests[1]?.headers['x-trace']).toBe('tv');
    expect(api.requests[1]?.query.get('status')).toBe('ann');
  });
});

describe('15.12 $sourceDescriptions.<name>.url / .type are fields of the Source Description', () => {
  it('an output reading them', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: s, operationId: echo, outputs: { url: $sourceDescriptions.api.url, type: $sourceDescriptions.api.type } }
`), { api });
    expect(stepOf(result, 's').outputs).toEqual({ url: './api.openapi.yaml', type: 'openapi' });
  });
});

describe('15.14 runtime expressions keep the type of the value', () => {
  it('value: $inputs.count stays a number, a boolean a boolean, an object an object', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { count: { type: integer }, flag: { type: boolean }, obj: { type: object } } }
    steps:
      - stepId: s
        operationId: placeOrder
        requestBody: { contentType: application/json, payload: { count: $inputs.count, flag: $inputs.flag, obj: $inputs.obj } }
`), { api, inputs: { count: 3, flag: false, obj: { a: [1] } } });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ count: 3, flag: false, obj: { a: [1] } });
  });
});

describe('15.15 missing data resolves to undefined, not an exception', () => {
  it('criterion $response.body#/nope == null passes; an output reading it is left out', async () => {
    const api = await startApi({ 'GET /echo': json({ a: 1 }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: echo
        successCriteria: [{ condition: '$response.body#/nope == null' }, { condition: '$response.body#/a/b/c == null' }]
        outputs: { nope: $response.body#/nope, a: $response.body#/a }
`), { api });
    expect(stepOf(result, 's')).toMatchObject({ status: 'succeeded', outputs: { a: 1 } });
    expect(stepOf(result, 's').outputs).not.toHaveProperty('nope');
    expect(codes(result.warnings)).toEqual([]);
  });
});
