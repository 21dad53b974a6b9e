/** Spec §Components Object and §Reusable Object; checklist section 13. */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument } from './support/run-document.js';

const components = `components:
  parameters:
    page: { name: page, in: query, value: 100 }
    pageSize: { name: limit, in: query, value: 20 }
    unused: { name: X-Unused, in: header, value: should-not-be-sent }
  successActions:
    finish: { name: finish, type: end }
  failureActions:
    retryAll: { name: retryAll, type: retry, retryLimit: 5 }
    giveUp: { name: giveUp, type: end }
`;

describe('13.2 Components have no effect unless referenced', () => {
  it('an unreferenced parameter is not sent and an unreferenced retry never runs', async () => {
    const api = await startApi({ 'GET /pets': json([], 500) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`, components), { api });
    expect(result.status).toBe('failed');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers['x-unused']).toBeUndefined();
  });
});

describe('13.3 Reusable Object reference: must resolve, and must match the slot it is used in', () => {
  it('$components.failureActions.x in parameters → error; an unknown name → error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        parameters: [{ reference: $components.failureActions.giveUp }, { reference: $components.parameters.nope }]
`, components));
    expect(codes(loaded.errors)).toEqual(expect.arrayContaining(['reusable-wrong-slot', 'reusable-not-found']));
  });

  it('successActions, failureActions and parameters run through references', async () => {
    const api = await startApi({ 'GET /pets': [json([], 503), json([])], 'GET /echo': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        parameters: [{ reference: $components.parameters.pageSize }]
        onFailure: [{ reference: $components.failureActions.retryAll }]
        onSuccess: [{ reference: $components.successActions.finish }]
      - { stepId: b, operationId: echo }
`, components), { api });
    expect(result).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'a', action: 'finish' } });
    expect(api.requests.map((r) => r.target)).toEqual(['/pets?limit=20', '/pets?limit=20']);
  });
});

describe('13.4 Reusable Object value: overrides the referenced parameter\'s value', () => {
  it('reference: $components.parameters.page + value: 1 sends page=1; without value the component value', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { size: { type: integer } } }
    steps:
      - stepId: a
        operationId: findPets
        parameters:
          - { reference: $components.parameters.page, value: 1 }
          - { reference: $components.parameters.pageSize, value: $inputs.size }
      - stepId: b
        operationId: findPets
        parameters: [{ reference: $components.parameters.page }]
`, components), { api, inputs: { size: 5 } });
    expect(api.requests.map((r) => r.target)).toEqual(['/pets?page=1&limit=5', '/pets?page=100']);
  });
});

describe('13.6 Reusable Object cannot be extended: extra properties are ignored by the runner', () => {
  it('x-note on a reusable does not change the run', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    const { loaded } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        parameters: [{ reference: $components.parameters.page, value: 2, x-note: ignored }]
`, components), { api });
    expect(loaded.errors).toEqual([]);
    expect(api.requests[0]?.target).toBe('/pets?page=2');
  });
});

describe('13.8 $components.parameters.<name> is also a runtime expression: the Parameter Object', () => {
  it('an output reading $components.parameters.page is the object', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: a, operationId: findPets, outputs: { page: $components.parameters.page } }
    outputs: { page: $steps.a.outputs.page }
`, components), { api });
    expect(result.outputs).toEqual({ page: { name: 'page', in: 'query', value: 100 } });
  });
});
