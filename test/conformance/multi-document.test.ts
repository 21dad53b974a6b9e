/**
 * Workflows in other Arazzo documents (spec: Source Description type arazzo; Step, Success Action,
 * Failure Action and dependsOn `$sourceDescriptions.<name>.<workflowId>`; checklist 1.9, 5.5, 6.7,
 * 9.7, 10.8). Each document keeps its own sources and components.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { FIXTURES, runDocument } from './support/run-document.js';

const library = `arazzo: 1.0.1
info: { title: library, version: '1' }
sourceDescriptions:
  - { name: store, url: ./store.openapi30.yaml, type: openapi }
workflows:
  - workflowId: login
    steps:
      - stepId: order
        operationId: getOrder
        parameters: [{ reference: $components.parameters.order }]
        outputs: { token: $response.body#/token }
    outputs: { token: $steps.order.outputs.token }
components:
  parameters:
    order: { name: orderId, in: path, value: 1 }
`;

const parent = (workflows: string): string => `arazzo: 1.0.1
info: { title: parent, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
  - { name: lib, url: ./lib/library.arazzo.yaml, type: arazzo }
workflows:
${workflows}`;

const files = {
  'lib/library.arazzo.yaml': library,
  'lib/store.openapi30.yaml': readFileSync(path.join(FIXTURES, 'store.openapi30.yaml'), 'utf8'),
};

async function servers() {
  return {
    api: await startApi({ 'GET /pets': json([]), 'GET /flaky': (e) => (e.headers.authorization === 'tk' ? json({}) : json({}, 401)) }),
    store: await startApi({ 'GET /v2/orders/{orderId}': json({ token: 'tk' }) }),
  };
}

describe('6.7 / 15.11 a step runs a workflow of another document, with that document\'s sources and components', () => {
  it('$sourceDescriptions.lib.login resolves getOrder in lib\'s own source, with lib\'s component parameter', async () => {
    const { api, store } = await servers();
    const { result } = await runDocument(parent(`
  - workflowId: main
    steps:
      - { stepId: auth, workflowId: $sourceDescriptions.lib.login, outputs: { token: $outputs.token } }
      - { stepId: list, operationId: findPets, parameters: [{ name: X-Trace, in: header, value: $steps.auth.outputs.token }] }
`), { api: { api, store }, files });
    expect(result.status).toBe('succeeded');
    expect(store.requests.map((r) => r.target)).toEqual(['/v2/orders/1']);
    expect(api.requests[0]?.headers['x-trace']).toBe('tk');
  });
});

describe('5.5 dependsOn a workflow of another document', () => {
  it('dependsOn: [$sourceDescriptions.lib.login] runs it first', async () => {
    const { api, store } = await servers();
    const { result } = await runDocument(parent(`
  - workflowId: main
    dependsOn: [$sourceDescriptions.lib.login]
    steps:
      - { stepId: list, operationId: findPets }
`), { api: { api, store }, files });
    expect(result.status).toBe('succeeded');
    expect(store.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(1);
  });
});

describe('9.7 goto a workflow of another document', () => {
  it('the target runs in its own document; the result is transferred', async () => {
    const { api, store } = await servers();
    const { result } = await runDocument(parent(`
  - workflowId: main
    steps:
      - { stepId: list, operationId: findPets, onSuccess: [{ name: away, type: goto, workflowId: $sourceDescriptions.lib.login }] }
      - { stepId: never, operationId: findPets }
`), { api: { api, store }, files });
    expect(result).toMatchObject({ status: 'succeeded', transferredTo: 'login', outputs: { token: 'tk' } });
    expect(api.requests).toHaveLength(1);
  });
});

describe('10.8 retry with a workflowId of another document', () => {
  it('the referenced workflow runs, then the step is retried', async () => {
    const store = await startApi({ 'GET /v2/orders/{orderId}': json({ token: 'tk' }) });
    const api = await startApi({ 'GET /flaky': [json({}, 401), json({})] });
    const order: string[] = [];
    const { result } = await runDocument(parent(`
  - workflowId: main
    steps:
      - stepId: call
        operationId: getFlaky
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: relogin, type: retry, workflowId: $sourceDescriptions.lib.login }]
`), { api: { api, store }, files, onEvent: (e) => e.type === 'request' && order.push(e.stepId) });
    expect(order).toEqual(['call', 'order', 'call']);
    expect(result.status).toBe('succeeded');
  });
});
