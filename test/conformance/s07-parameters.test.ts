/** Spec §Parameter Object; checklist section 7 (in, typed values, OpenAPI serialization, headers, cookies). */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument } from './support/run-document.js';

describe('7.3 Parameter in: required for operation steps; on workflowId steps parameters are inputs', () => {
  it('an operation-step parameter without in is an error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: a, operationId: findPets, parameters: [{ name: status, value: x }] }
`));
    expect(codes(loaded.errors)).toContain('parameter-in-missing');
  });

  it('a workflowId-step parameter with in gets a warning and is passed as the input of that name', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    const { result, loaded } = await runDocument(arazzo(`
  - workflowId: parent
    steps:
      - { stepId: sub, workflowId: child, parameters: [{ name: q, in: query, value: passed }] }
  - workflowId: child
    inputs: { type: object, properties: { q: { type: string } } }
    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: $inputs.q }] }
`), { api, workflowId: 'parent' });
    expect(codes(loaded.warnings)).toContain('parameter-in-on-workflow-step');
    expect(result.status).toBe('succeeded');
    expect(api.requests[0]?.query.get('q')).toBe('passed');
  });
});

describe('7.5 Parameter value: a whole runtime expression keeps its type; a {…} string is interpolated', () => {
  it('value: $inputs.tags (an array) is serialised as an array; "{…}" text is a string', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { tags: { type: array }, limit: { type: integer } } }
    steps:
      - stepId: a
        operationId: findPets
        parameters:
          - { name: tags, in: query, value: $inputs.tags }
          - { name: status, in: query, value: 'tags={$inputs.tags}' }
          - { name: limit, in: query, value: $inputs.limit }
`), { api, inputs: { tags: ['a', 'b'], limit: 5 } });
    expect(api.requests[0]?.target).toBe('/pets?tags=a&tags=b&status=tags%3D%5B%22a%22%2C%22b%22%5D&limit=5');
  });

  it('value: null is allowed and sends an empty value', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: a, operationId: findPets, parameters: [{ name: status, in: query, value: null }] }
`), { api });
    expect(api.requests[0]?.target).toBe('/pets?status=');
  });
});

describe('7.6 Parameter serialisation (decision): per the OpenAPI Parameter Object style/explode/allowReserved', () => {
  it('path simple/label/matrix, query form/spaceDelimited/pipeDelimited/deepObject, header arrays and objects', async () => {
    const api = await startApi({ 'GET /styles/{a}/{b}/{c}/{d}/{e}': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { colors: { type: array }, rgb: { type: object } } }
    steps:
      - stepId: a
        operationId: styles
        parameters:
          - { name: simple, in: path, value: $inputs.colors }
          - { name: label, in: path, value: $inputs.colors }
          - { name: matrix, in: path, value: $inputs.colors }
          - { name: explodedLabel, in: path, value: $inputs.rgb }
          - { name: explodedMatrix, in: path, value: $inputs.rgb }
          - { name: form, in: query, value: $inputs.colors }
          - { name: formFlat, in: query, value: $inputs.colors }
          - { name: space, in: query, value: $inputs.colors }
          - { name: pipe, in: query, value: $inputs.colors }
          - { name: filter, in: query, value: $inputs.rgb }
          - { name: reserved, in: query, value: 'a/b?c=d&e f' }
          - { name: raw, in: query, value: 'a/b:c' }
          - { name: X-Ids, in: header, value: $inputs.colors }
          - { name: X-Point, in: header, value: $inputs.rgb }
          - { name: session, in: cookie, value: abc }
`), { api, inputs: { colors: ['blue', 'black', 'brown'], rgb: { R: 100, G: 200, B: 150 } } });
    expect(result.status).toBe('succeeded');
    const request = api.requests[0]!;
    expect(request.path).toBe('/styles/blue,black,brown/.blue,black,brown/;matrix=blue,black,brown/.R=100.G=200.B=150/;R=100;G=200;B=150');
    expect(request.target.split('?')[1]?.split('&')).toEqual([
      'form=blue', 'form=black', 'form=brown',
      'formFlat=blue,black,brown',
      'space=blue%20black%20brown',
      'pipe=blue%7Cblack%7Cbrown',
      'filter%5BR%5D=100', 'filter%5BG%5D=200', 'filter%5BB%5D=150',
      'reserved=a%2Fb%3Fc%3Dd%26e%20f',
      'raw=a/b:c',
    ]);
    expect(request.headers['x-ids']).toBe('blue,black,brown');
    expect(request.headers['x-point']).toBe('R=100,G=200,B=150');
    expect(request.headers.cookie).toBe('session=abc');
  });

  it('path parameters are percent-encoded (reserved characters too)', async () => {
    const api = await startApi({ 'GET /pets/{petId}': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: a, operationId: getPet, parameters: [{ name: petId, in: path, value: 'a b/c?d#é' }] }
`), { api });
    expect(api.requests[0]?.path).toBe('/pets/a%20b%2Fc%3Fd%23%C3%A9');
  });
});

describe('7.7 Parameter header names are case-insensitive; cookie parameters are joined into one Cookie header', () => {
  it('step authorization overrides workflow Authorization; workflow and step cookies share one header', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: w
    parameters:
      - { name: Authorization, in: header, value: from-workflow }
      - { name: theme, in: cookie, value: dark }
    steps:
      - stepId: a
        operationId: findPets
        parameters:
          - { name: authorization, in: header, value: from-step }
          - { name: sid, in: cookie, value: s1 }
`), { api });
    const request = api.requests[0]!;
    expect(request.headers.authorization).toBe('from-step');
    expect(request.headers.cookie).toBe('theme=dark; sid=s1');
  });
});
