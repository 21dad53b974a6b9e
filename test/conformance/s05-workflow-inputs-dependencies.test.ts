/** Spec §Workflow Object; checklist section 5 (inputs, dependsOn). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf, writeWorkspace } from './support/run-document.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

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
    const run = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--input', 'qty=3', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ qty: 3 });
  });

  it('--input qty=abc, or qty missing: exit 2 and nothing sent', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': doc });
    const file = path.join(dir, 'flow.arazzo.yaml');
    expect((await runCliInProcess(['run', file, '--server', `api=${api.url}`, '--input', 'qty=abc'])).code).toBe(2);
    expect((await runCliInProcess(['run', file, '--server', `api=${api.url}`])).code).toBe(2);
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
