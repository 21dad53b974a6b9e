/** Spec §Step Object; checklist section 6 (criteria, actions, outputs, sub-workflow steps). */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

describe('6.10 Step successCriteria: every criterion must pass', () => {
  it('one failing criterion among passing ones fails the step', async () => {
    const api = await startApi({ 'GET /pets': json([{ id: 1 }]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        successCriteria:
          - condition: $statusCode == 200
          - condition: $response.body#/0/id == 2
          - condition: $statusCode < 300
`), { api });
    expect(result.status).toBe('failed');
    expect(stepOf(result, 'a').reason).toContain('$response.body#/0/id == 2');
  });
});

describe('6.11 no successCriteria (decision): the step succeeds on a 2xx response', () => {
  it.each([[200, 'succeeded'], [204, 'succeeded'], [302, 'failed'], [404, 'failed'], [500, 'failed']])('HTTP %i → %s', async (status, expected) => {
    const api = await startApi({ 'GET /pets': { status } });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: a, operationId: findPets }
`), { api });
    expect(result.status).toBe(expected);
    expect(stepOf(result, 'a').lastStatusCode).toBe(status);
  });
});

describe('6.12 Step onSuccess: omitted or no match → next step; the first matching action wins', () => {
  it('two matching gotos: the first listed runs', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /pets': json([]), 'GET /flaky': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        onSuccess:
          - { name: first, type: goto, stepId: c, criteria: [{ condition: $statusCode == 200 }] }
          - { name: second, type: goto, stepId: b, criteria: [{ condition: $statusCode == 200 }] }
      - { stepId: b, operationId: findPets }
      - { stepId: c, operationId: getFlaky }
`), { api });
    expect(api.requests.map((r) => r.path)).toEqual(['/echo', '/flaky']);
  });

  it('no action matches → the next step', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /pets': json([]), 'GET /flaky': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        onSuccess: [{ name: never, type: end, criteria: [{ condition: $statusCode == 500 }] }]
      - { stepId: b, operationId: findPets }
      - { stepId: c, operationId: getFlaky }
`), { api });
    expect(api.requests.map((r) => r.path)).toEqual(['/echo', '/pets', '/flaky']);
  });
});

describe('6.13 Step onFailure: omitted or no match → break and return (workflow failed, later steps not run)', () => {
  it('only non-matching failure actions', async () => {
    const api = await startApi({ 'GET /echo': json({}, 500), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: only404, type: goto, stepId: b, criteria: [{ condition: $statusCode == 404 }] }]
      - { stepId: b, operationId: findPets }
`), { api });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', stepId: 'a' } });
    expect(api.calls('GET /pets')).toHaveLength(0);
  });
});

describe('6.15 Step outputs: read as $steps.<stepId>.outputs.<name>; a header output is the single header value', () => {
  it('header, status and body outputs', async () => {
    const api = await startApi({ 'GET /echo': json({ a: { b: [10, 20] } }, 200, { 'X-Rate-Limit': '10' }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        outputs: { limit: $response.header.X-Rate-Limit, code: $statusCode, second: $response.body#/a/b/1, whole: $response.body }
    outputs: { limit: $steps.a.outputs.limit, code: $steps.a.outputs.code, second: $steps.a.outputs.second, b: $steps.a.outputs.whole#/a/b }
`), { api });
    expect(result.outputs).toEqual({ limit: '10', code: 200, second: 20, b: [10, 20] });
  });
});

describe('6.16 Step outputs of a failed step (decision): computed from the last attempt and kept', () => {
  it('a failed step still exposes its outputs to failure-action criteria and to the workflow outputs', async () => {
    const api = await startApi({ 'GET /echo': json({ errorCode: 'E42' }, 409), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: handled, type: goto, stepId: b, criteria: [{ condition: $response.body#/errorCode == 'E42' }] }]
        outputs: { errorCode: $response.body#/errorCode }
      - { stepId: b, operationId: findPets, parameters: [{ name: status, in: query, value: $steps.a.outputs.errorCode }] }
    outputs: { errorCode: $steps.a.outputs.errorCode }
`), { api });
    expect(stepOf(result, 'a')).toMatchObject({ status: 'failed', outputs: { errorCode: 'E42' } });
    expect(result.outputs).toEqual({ errorCode: 'E42' });
    expect(api.calls('GET /pets')[0]?.query.get('status')).toBe('E42');
  });
});

describe('6.17 workflowId step: its outputs see the child workflow\'s outputs as $outputs.<name>', () => {
  it('my_order_id: $outputs.workflow_order_id; the child gets the step parameters as inputs', async () => {
    const api = await startApi({ 'POST /orders': (e) => json({ id: `order-for-${(JSON.parse(e.body) as { petId: number }).petId}` }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: parent
    steps:
      - stepId: place
        workflowId: place-order
        parameters: [{ name: pet_id, value: 7 }]
        successCriteria: [{ condition: $outputs.workflow_order_id != null }]
        outputs: { my_order_id: $outputs.workflow_order_id }
    outputs: { order: $steps.place.outputs.my_order_id }
  - workflowId: place-order
    inputs: { type: object, properties: { pet_id: { type: integer } } }
    steps:
      - stepId: order
        operationId: placeOrder
        requestBody: { contentType: application/json, payload: { petId: $inputs.pet_id } }
        outputs: { id: $response.body#/id }
    outputs: { workflow_order_id: $steps.order.outputs.id }
`), { api, workflowId: 'parent' });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ order: 'order-for-7' });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ petId: 7 });
  });
});

describe('6.18 workflowId step: succeeds iff the child succeeded and its own criteria pass; a child failure goes through onFailure', () => {
  const doc = (onFailure: string): string => arazzo(`
  - workflowId: parent
    steps:
      - stepId: sub
        workflowId: child
${onFailure}      - { stepId: next, operationId: findPets }
      - { stepId: recover, operationId: getFlaky }
  - workflowId: child
    steps:
      - { stepId: boom, operationId: echo, successCriteria: [{ condition: $statusCode == 200 }] }
`);

  it('a failing child with no onFailure stops the parent', async () => {
    const api = await startApi({ 'GET /echo': json({}, 500), 'GET /pets': json([]), 'GET /flaky': json({}) });
    const { result } = await runDocument(doc(''), { api, workflowId: 'parent' });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', stepId: 'sub', workflowId: 'parent' } });
    expect(stepOf(result, 'boom', 'child').status).toBe('failed');
    expect(api.requests.map((r) => r.path)).toEqual(['/echo']);
  });

  it('a failing child goes through the step\'s onFailure', async () => {
    const api = await startApi({ 'GET /echo': json({}, 500), 'GET /pets': json([]), 'GET /flaky': json({}) });
    const { result } = await runDocument(doc(`        onFailure: [{ name: handle, type: goto, stepId: recover }]\n`), { api, workflowId: 'parent' });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.path)).toEqual(['/echo', '/flaky']);
  });

  it('a succeeding child whose step criteria fail fails the step', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: parent
    steps:
      - stepId: sub
        workflowId: child
        successCriteria: [{ condition: $outputs.ok == true }]
  - workflowId: child
    steps:
      - { stepId: a, operationId: echo }
    outputs: { ok: $statusCode }
`), { api, workflowId: 'parent' });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'step-failed', stepId: 'sub' } });
  });
});

describe('6.14 Step onSuccess/onFailure: no duplicate actions', () => {
  it('two actions named alike in one list are an error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        onFailure: [{ name: again, type: retry }, { name: again, type: end }]
`));
    expect(codes(loaded.errors)).toContain('action-duplicate');
  });
});

describe('6.15 Step outputs: keys must match ^[a-zA-Z0-9.\\-_]+$', () => {
  it('key "a b" is an error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: echo, outputs: { 'a b': $statusCode } }]
`));
    expect(codes(loaded.errors)).toContain('output-name-invalid');
  });
});

describe('6.17 / 15.11 after a workflowId step, $workflows.<id>.outputs.<name> holds the child\'s outputs', () => {
  it('a later step reads $workflows.child.outputs.id', async () => {
    const api = await startApi({ 'GET /echo': json({ id: 'c-1' }), 'GET /pets': json([]) });
    await runDocument(arazzo(`
  - workflowId: parent
    steps:
      - { stepId: sub, workflowId: child }
      - { stepId: next, operationId: findPets, parameters: [{ name: status, in: query, value: $workflows.child.outputs.id }] }
  - workflowId: child
    steps: [{ stepId: s, operationId: echo, outputs: { id: $response.body#/id } }]
    outputs: { id: $steps.s.outputs.id }
`), { api, workflowId: 'parent' });
    expect(api.requests[1]?.query.get('status')).toBe('c-1');
  });
});
