/** Spec §Workflow Object; checklist section 5 (inputs, dependsOn, workflow-level actions and parameters, outputs). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf, writeWorkspace } from './support/run-document.js';
import { runMain } from './support/run-main.js';

describe('5.3 Workflow inputs: a JSON Schema that may $ref #/components/inputs/<key>', () => {
  it('nested $refs are resolved into the inputs schema the run validates against', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    inputs: { $ref: '#/components/inputs/order' }
    steps:
      - { stepId: a, operationId: echo }
`, `components:
  inputs:
    order: { type: object, properties: { qty: { $ref: '#/components/inputs/qty' } }, required: [qty] }
    qty: { type: integer, minimum: 1 }
`));
    expect(loaded.errors).toEqual([]);
    expect(loaded.plan.documents.get(loaded.plan.rootKey)?.workflows.get('w')?.inputsSchema).toEqual({
      type: 'object', properties: { qty: { type: 'integer', minimum: 1 } }, required: ['qty'],
    });
  });

  it('a $ref to a missing components.inputs entry is an error', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    inputs: { $ref: '#/components/inputs/nope' }
    steps:
      - { stepId: a, operationId: echo }
`));
    expect(codes(loaded.errors)).toContain('inputs-ref-not-found');
  });
});

describe('5.4 Workflow inputs: supplied inputs are validated and CLI strings typed by the schema', () => {
  const doc = arazzo(`
  - workflowId: w
    inputs: { type: object, properties: { qty: { type: integer } }, required: [qty] }
    steps:
      - stepId: a
        operationId: placeOrder
        requestBody: { contentType: application/json, payload: { qty: $inputs.qty } }
`);

  it('--input qty=3 arrives as the integer 3', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': doc });
    const run = await runMain(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--input', 'qty=3', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ qty: 3 });
  });

  it('--input qty=abc, or qty missing: exit 2 and nothing sent', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': doc });
    const file = path.join(dir, 'flow.arazzo.yaml');
    expect((await runMain(['run', file, '--server', `api=${api.url}`, '--input', 'qty=abc'])).code).toBe(2);
    expect((await runMain(['run', file, '--server', `api=${api.url}`])).code).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});

const diamond = arazzo(`
  - workflowId: a
    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: a }], outputs: { token: $response.body#/token } }
    outputs: { token: $steps.s.outputs.token }
  - workflowId: b
    dependsOn: [a]
    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: b }] }
  - workflowId: c
    dependsOn: [a]
    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: c }] }
  - workflowId: d
    dependsOn: [b, c]
    steps:
      - stepId: s
        operationId: echo
        parameters: [{ name: q, in: query, value: 'd {$workflows.a.outputs.token}' }]
    outputs: { token: $workflows.a.outputs.token }
`);

describe('5.5 Workflow dependsOn: dependencies run first and their outputs are readable', () => {
  it('d dependsOn [b, c]: a, b, c run before d; $workflows.a.outputs.token resolves', async () => {
    const api = await startApi({ 'GET /echo': json({ token: 't0k' }) });
    const { result } = await runDocument(diamond, { api, workflowId: 'd' });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.query.get('q'))).toEqual(['a', 'b', 'c', 'd t0k']);
    expect(result.outputs).toEqual({ token: 't0k' });
  });

  it('an unknown dependency and a dependency cycle are errors', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: x
    dependsOn: [nope]
    steps: [{ stepId: s, operationId: echo }]
`));
    expect(codes(loaded.errors)).toContain('workflow-not-found');
  });

  it('a dependency cycle A→B→A at run time stops with workflow-recursion', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: x
    dependsOn: [y]
    steps: [{ stepId: s, operationId: echo }]
  - workflowId: y
    dependsOn: [x]
    steps: [{ stepId: s, operationId: echo }]
`), { api, workflowId: 'x', allowErrors: ['workflow-cycle'] });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('dependency-failed');
    expect(result.error?.message).toContain('calls itself');
    expect(api.requests).toHaveLength(0);
  });
});

describe('5.6 Workflow dependsOn (decisions): memoised, run with the dependent\'s inputs, a failed dependency fails the dependent', () => {
  it('diamond a→{b,c}→d runs a once', async () => {
    const api = await startApi({ 'GET /echo': json({ token: 't' }) });
    await runDocument(diamond, { api, workflowId: 'd' });
    expect(api.requests.filter((r) => r.query.get('q') === 'a')).toHaveLength(1);
  });

  it('a dependency sees the dependent\'s inputs', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    await runDocument(arazzo(`
  - workflowId: setup
    inputs: { type: object, properties: { region: { type: string } } }
    steps: [{ stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: $inputs.region }] }]
  - workflowId: main
    dependsOn: [setup]
    inputs: { type: object, properties: { region: { type: string } } }
    steps: [{ stepId: s, operationId: findPets }]
`), { api, workflowId: 'main', inputs: { region: 'eu' } });
    expect(api.requests[0]?.query.get('q')).toBe('eu');
  });

  it('a failed dependency fails the dependent without running its steps (dependency-failed)', async () => {
    const api = await startApi({ 'GET /echo': json({}, 500), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: setup
    steps: [{ stepId: s, operationId: echo }]
  - workflowId: main
    dependsOn: [setup]
    steps: [{ stepId: s, operationId: findPets }]
`), { api, workflowId: 'main' });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'dependency-failed', workflowId: 'main' } });
    expect(api.calls('GET /pets')).toHaveLength(0);
    expect(stepOf(result, 's', 'main').status).toBe('skipped');
  });

  it('a dependency that already failed earlier in the run is not treated as done', async () => {
    const api = await startApi({ 'GET /echo': json({}, 500), 'GET /pets': json([]), 'GET /flaky': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: setup
    steps: [{ stepId: s, operationId: echo }]
  - workflowId: later
    dependsOn: [setup]
    steps: [{ stepId: s, operationId: findPets }]
  - workflowId: main
    steps:
      - stepId: trySetup
        workflowId: setup
        onFailure: [{ name: carryOn, type: goto, stepId: callLater }]
      - { stepId: callLater, workflowId: later }
`), { api, workflowId: 'main' });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('dependency-failed');
    expect(api.calls('GET /pets')).toHaveLength(0);
  });
});

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

describe('5.4 (decision) JSON Schema defaults apply to inputs, also of workflows started by a step', () => {
  it('a sub-workflow input left out takes its default', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    await runDocument(arazzo(`
  - workflowId: parent
    steps: [{ stepId: sub, workflowId: child, parameters: [{ name: b, value: given }] }]
  - workflowId: child
    inputs: { type: object, properties: { a: { type: string, default: fallback }, b: { type: string, default: unused } } }
    steps: [{ stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: '{$inputs.a}/{$inputs.b}' }] }]
`), { api, workflowId: 'parent' });
    expect(api.requests[0]?.query.get('q')).toBe('fallback/given');
  });
});
