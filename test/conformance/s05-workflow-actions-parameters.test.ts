/** Spec §Workflow Object; checklist section 5 (workflow-level actions and parameters, outputs). */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument } from './support/run-document.js';

describe('5.7 Workflow successActions/failureActions: apply to every step', () => {
  it('a workflow failure action handles a failure of any step', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /flaky': json({}, 503), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    failureActions:
      - { name: retryOnce, type: retry, criteria: [{ condition: $statusCode == 503 }] }
      - { name: giveUp, type: end }
    steps:
      - { stepId: a, operationId: echo }
      - { stepId: b, operationId: getFlaky }
      - { stepId: c, operationId: findPets }
`), { api });
    expect(api.calls('GET /flaky')).toHaveLength(2);
    expect(result.endedBy).toEqual({ stepId: 'b', action: 'giveUp' });
    expect(api.calls('GET /pets')).toHaveLength(0);
  });

  it('a workflow success action applies to every step', async () => {
    const api = await startApi({ 'GET /echo': json({ last: false }), 'GET /pets': json({ last: true }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    successActions:
      - { name: stopWhenLast, type: end, criteria: [{ condition: $response.body#/last == true }] }
    steps:
      - { stepId: a, operationId: echo }
      - { stepId: b, operationId: findPets }
      - { stepId: c, operationId: echo }
`), { api });
    expect(result.endedBy).toEqual({ stepId: 'b', action: 'stopWhenLast' });
    expect(api.requests).toHaveLength(2);
  });

  it('a reusable in successActions must point at components.successActions', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    successActions: [{ reference: $components.failureActions.giveUp }]
    steps: [{ stepId: a, operationId: echo }]
`, `components:
  failureActions:
    giveUp: { name: giveUp, type: end }
`));
    expect(codes(loaded.errors)).toContain('reusable-wrong-slot');
  });
});

describe('5.8 Workflow actions can be overridden at the step level but not removed (decision: merge by name)', () => {
  it('workflow failureActions [retry503], step onFailure [end404]: a 503 still retries', async () => {
    const api = await startApi({ 'GET /flaky': [json({}, 503), json({})], 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    failureActions:
      - { name: retry503, type: retry, criteria: [{ condition: $statusCode == 503 }] }
    steps:
      - stepId: a
        operationId: getFlaky
        onFailure: [{ name: end404, type: end, criteria: [{ condition: $statusCode == 404 }] }]
      - { stepId: b, operationId: findPets }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.calls('GET /flaky')).toHaveLength(2);
  });

  it('a step action with the same name overrides the workflow one; an empty step list removes nothing', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}, 503), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    failureActions:
      - { name: handle, type: end }
    steps:
      - stepId: a
        operationId: getFlaky
        onFailure: [{ name: handle, type: goto, stepId: b }]
      - stepId: b
        operationId: echo
        onFailure: []
      - { stepId: c, operationId: findPets }
`), { api });
    expect(api.requests.map((r) => r.path)).toEqual(['/flaky', '/echo']);
    expect(result.endedBy).toEqual({ stepId: 'b', action: 'handle' });
  });
});

describe('5.9 Workflow outputs: evaluated when the workflow finishes, normally or by end', () => {
  it('outputs of a workflow ended by an end action are evaluated', async () => {
    const api = await startApi({ 'GET /echo': json({ id: 'x1' }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: a, operationId: echo, onSuccess: [{ name: stop, type: end }], outputs: { id: $response.body#/id } }
      - { stepId: b, operationId: echo }
    outputs: { id: $steps.a.outputs.id, literal: $steps.a.outputs.id }
`), { api });
    expect(result.outputs).toEqual({ id: 'x1', literal: 'x1' });
  });
});

describe('5.10 Workflow parameters: apply to every step; a step parameter of another identity does not remove them', () => {
  it('workflow header X-Trace + step query X-Trace → both sent, on every step', async () => {
    const api = await startApi({ 'GET /pets': json([]), 'GET /echo': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    parameters: [{ name: X-Trace, in: header, value: trace-1 }]
    steps:
      - { stepId: a, operationId: findPets, parameters: [{ name: X-Trace, in: query, value: q-1 }] }
      - { stepId: b, operationId: echo }
`), { api });
    expect(api.requests[0]?.headers['x-trace']).toBe('trace-1');
    expect(api.requests[0]?.query.get('X-Trace')).toBe('q-1');
    expect(api.requests[1]?.headers['x-trace']).toBe('trace-1');
  });
});

describe('5.11 Workflow parameters are evaluated per step, in that step\'s context', () => {
  it('a workflow parameter reading $steps.login.outputs.token works for the steps after login', async () => {
    const api = await startApi({ 'POST /login': json({ token: 'tk-9' }), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    parameters: [{ name: Authorization, in: header, value: 'Bearer {$steps.login.outputs.token}' }]
    steps:
      - stepId: login
        operationId: login
        requestBody: { payload: { user: u } }
        outputs: { token: $response.body#/token }
      - { stepId: list, operationId: findPets }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests[1]?.headers.authorization).toBe('Bearer tk-9');
  });
});

describe('5.12 Workflow parameters and workflowId steps: parameters map to the child\'s inputs', () => {
  it('a workflow-level header parameter reaches a sub-workflow step as an input of that name', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    await runDocument(arazzo(`
  - workflowId: parent
    parameters: [{ name: tenant, in: header, value: acme }]
    steps:
      - { stepId: sub, workflowId: child }
  - workflowId: child
    inputs: { type: object, properties: { tenant: { type: string } } }
    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: $inputs.tenant }] }
`), { api, workflowId: 'parent' });
    expect(api.requests[0]?.query.get('q')).toBe('acme');
  });
});

describe('5.9 Workflow outputs: keys must match ^[a-zA-Z0-9.\\-_]+$', () => {
  it('key "my output" is an error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: echo, outputs: { x: $statusCode } }]
    outputs: { 'my output': $steps.a.outputs.x }
`));
    expect(codes(loaded.errors)).toContain('output-name-invalid');
  });
});
