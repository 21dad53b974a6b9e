/**
 * Arazzo 1.1.0 §Versions, §Schema (the schema's own pass/ and fail/ documents run whole),
 * §Step Object (channelPath, action, correlationId, timeout, step dependsOn), §Source Description
 * Object (type: asyncapi) and §Runtime Expressions ($message). Running AsyncAPI steps over MQTT is
 * tested in test/e2e/asyncapi-mqtt.test.ts; a step whose channel cannot be resolved in its AsyncAPI
 * source (or is on another protocol) is refused with asyncapi-step-unsupported (exit 2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkSchema, loadSchemaValidators } from '../../../src/lint/check-schema.js';
import { validate as validate11 } from '../../../src/lint/generated/validate-arazzo-1-1-schema.js';
import { parseExpression } from '../../../src/expressions/parse-expression.js';
import { evaluateExpression } from '../../../src/expressions/evaluate-expression.js';
import { sharedPath } from '../../support/shared-path.js';
import { runCliInProcess } from '../../support/run-cli-in-process.js';
import { json, startApi } from '../support/api-server.js';
import { loadDocument, runDocument, writeWorkspace } from '../support/run-document.js';

const SCHEMA_TESTS = sharedPath('reference/arazzo-1.1/schema-tests');
const yamlFiles = (dir: string): string[] => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

describe('Arazzo 1.1.0 §Schema: the schema tests pass/ and fail/ documents, run whole', () => {
  const pass = yamlFiles(path.join(SCHEMA_TESTS, 'pass'));
  const fail = yamlFiles(path.join(SCHEMA_TESTS, 'fail'));

  it('the reference ships both sets', () => {
    expect(pass.length).toBeGreaterThan(30);
    expect(fail.length).toBeGreaterThan(20);
  });

  it('every pass/ document is valid against the precompiled 1.1 validator', () => {
    const refused = pass.filter((f) => !validate11(parse(readFileSync(path.join(SCHEMA_TESTS, 'pass', f), 'utf8'))));
    expect(refused).toEqual([]);
  });

  it('every fail/ document is invalid against the precompiled 1.1 validator', () => {
    const accepted = fail.filter((f) => validate11(parse(readFileSync(path.join(SCHEMA_TESTS, 'fail', f), 'utf8'))));
    expect(accepted).toEqual([]);
  });

  it('lint selects the schema by version: a 1.1 field is unknown in a 1.0.1 document, valid in 1.1.0 (its validator imported only for a 1.1 document)', async () => {
    const doc = (version: string) => ({
      arazzo: version,
      info: { title: 't', version: '1' },
      sourceDescriptions: [{ name: 'a', url: './a.yaml', type: 'openapi' }],
      workflows: [{ workflowId: 'w', steps: [{ stepId: 's', operationId: 'o', timeout: 10 }] }],
    });
    await loadSchemaValidators([doc('1.1.0')]);
    expect(checkSchema(doc('1.1.0'), 'f.yaml')).toEqual([]);
    expect(checkSchema(doc('1.0.1'), 'f.yaml').map((f) => f.diagnostic.code)).toEqual(['schema-unknown-field']);
  });
});

const ASYNC_DOC = `arazzo: 1.1.0
info: { title: async, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
  - { name: orders, url: ./orders.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: $sourceDescriptions.api.findPets
      - stepId: place
        operationId: $sourceDescriptions.orders.placeOrder
        action: send
        dependsOn: [list]
      - stepId: confirm
        channelPath: $sourceDescriptions.orders#/channels/confirm-order
        action: receive
        correlationId: $inputs.id
        timeout: 6000
        outputs: { orderId: $message.payload#/orderId }
`;
const ASYNCAPI = 'asyncapi: 3.0.0\ninfo: { title: orders, version: "1" }\nchannels: {}\n';

describe('Arazzo 1.1.0 §Step Object and §Source Description Object: asyncapi steps in the document model', () => {
  it('compile keeps channelPath/operationId, action, correlationId, timeout and step dependsOn; lint finds the operation and the channel missing from the AsyncAPI document, at their field', async () => {
    const loaded = await loadDocument(ASYNC_DOC, { 'orders.asyncapi.yaml': ASYNCAPI });
    expect(loaded.errors.map((e) => [e.code, e.pointer])).toEqual([
      ['asyncapi-step-unsupported', '/workflows/0/steps/1/operationId'],
      ['asyncapi-step-unsupported', '/workflows/0/steps/2/channelPath'],
    ]);
    const steps = [...loaded.plan.documents.values()][0]!.workflows.get('w')!.steps;
    expect(steps[0]!.target.kind).toBe('operation');
    expect(steps[1]).toMatchObject({ target: { kind: 'asyncapi', action: 'send', reference: { field: 'operationId' }, source: { name: 'orders', type: 'asyncapi' } }, dependsOn: ['list'] });
    expect(steps[2]).toMatchObject({ target: { kind: 'asyncapi', action: 'receive', reference: { field: 'channelPath', text: '$sourceDescriptions.orders#/channels/confirm-order' } }, timeout: 6000 });
    expect(steps[2]!.correlationId).toMatchObject({ kind: 'expression', expression: { kind: 'inputs', name: 'id' } });
  });

  it('run refuses asyncapi steps whose operation or channel is not in the AsyncAPI source: exit 2, asyncapi-step-unsupported, nothing sent', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': ASYNC_DOC, 'orders.asyncapi.yaml': ASYNCAPI });
    const run = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'invalid', diagnostics: [{ code: 'asyncapi-step-unsupported' }, { code: 'asyncapi-step-unsupported' }] });
    expect(api.requests).toHaveLength(0);
  });

  it('a 1.1.0 document without asyncapi steps runs as 1.0.1 does', async () => {
    const api = await startApi({ 'GET /pets': json([{ n: 3 }]) });
    const { result } = await runDocument(`arazzo: 1.1.0
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        outputs: { n: $response.body#/0/n }
    outputs: { n: $steps.a.outputs.n }
`, { api });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { n: 3 } });
  });
});

describe('Arazzo 1.1.0 §Runtime Expressions: $message.header.* and $message.payload#/ptr', () => {
  it('parses both forms into typed trees and evaluates them against a message', () => {
    const header = parseExpression('$message.header.correlationId');
    const payload = parseExpression('$message.payload#/order/id');
    expect(header).toMatchObject({ ok: true, expression: { kind: 'message', source: { kind: 'header', name: 'correlationId' } } });
    expect(payload).toMatchObject({ ok: true, expression: { kind: 'message', source: { kind: 'payload', pointer: ['order', 'id'] } } });
    if (!header.ok || !payload.ok) return;
    const scope = { inputs: {}, steps: {}, workflows: {}, sourceDescriptions: {}, message: { headers: { correlationid: 'c-1' }, payload: { order: { id: 7 } } } };
    expect(evaluateExpression(header.expression, scope)).toEqual({ found: true, value: 'c-1' });
    expect(evaluateExpression(payload.expression, scope)).toEqual({ found: true, value: 7 });
    expect(evaluateExpression(payload.expression, { ...scope, message: undefined })).toMatchObject({ found: false });
  });

  it('$message.body is a syntax error naming header. and payload', () => {
    const parsed = parseExpression('$message.body');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code).toBe('expression-syntax');
  });
});

describe('Arazzo 1.1.0 §Versions: the version selects the grammar for $message', () => {
  it('a 1.0.1 document with $message in an output keeps the 1.0 error (unknown source)', async () => {
    const loaded = await loadDocument(`arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: findPets
        outputs: { id: $message.payload#/id }
`);
    expect(loaded.errors.map((d) => [d.code, d.pointer])).toEqual([['expression-unknown-source', '/workflows/0/steps/0/outputs/id']]);
  });
});

describe('Arazzo 1.1.0 §Step Object action and correlationId: semantic rules beyond the schema', () => {
  const doc = (steps: string): string => `arazzo: 1.1.0
info: { title: async rules, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
  - { name: orders, url: ./orders.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: w
    steps:
${steps}
`;
  const found = async (steps: string) => {
    const loaded = await loadDocument(doc(steps), { 'orders.asyncapi.yaml': ASYNCAPI });
    return loaded.diagnostics.filter((d) => d.code.startsWith('step-action') || d.code === 'step-correlation-id-ignored').map((d) => [d.code, d.severity, d.pointer]);
  };

  it('an AsyncAPI step without action is an error at the step', async () => {
    expect(await found('      - { stepId: s, operationId: $sourceDescriptions.orders.placeOrder }')).toEqual([['step-action-missing', 'error', '/workflows/0/steps/0']]);
  });

  it('action on an operation of an openapi source is an error at action', async () => {
    expect(await found('      - { stepId: s, operationId: $sourceDescriptions.api.findPets, action: send }')).toEqual([['step-action-misplaced', 'error', '/workflows/0/steps/0/action']]);
  });

  it('correlationId outside an AsyncAPI receive step is a warning at correlationId; on a receive it is used', async () => {
    expect(await found('      - { stepId: s, operationId: $sourceDescriptions.api.findPets, correlationId: $inputs.id }')).toEqual([['step-correlation-id-ignored', 'warning', '/workflows/0/steps/0/correlationId']]);
    expect(await found('      - { stepId: s, operationId: $sourceDescriptions.orders.placeOrder, action: send, correlationId: $inputs.id }')).toEqual([['step-correlation-id-ignored', 'warning', '/workflows/0/steps/0/correlationId']]);
    expect(await found('      - { stepId: s, operationId: $sourceDescriptions.orders.confirm, action: receive, correlationId: $inputs.id }')).toEqual([]);
  });
});

describe('Arazzo 1.1.0 §Source Description Object type asyncapi: read with the AsyncAPI parser', () => {
  const flow = `arazzo: 1.1.0
info: { title: parsed, version: '1' }
sourceDescriptions:
  - { name: events, url: ./events.yaml, type: asyncapi }
workflows:
  - workflowId: w
    steps:
      - { stepId: s, operationId: $sourceDescriptions.events.sendIt, action: send }
`;

  it('an AsyncAPI document its parser finds invalid is source-not-asyncapi, naming the place', async () => {
    const loaded = await loadDocument(flow, { 'events.yaml': 'asyncapi: 3.0.0\ninfo: { title: no version }\nchannels: {}\n' });
    expect(loaded.errors.map((e) => [e.code, e.pointer])).toEqual([['source-not-asyncapi', '/sourceDescriptions/0/url']]);
    expect(loaded.errors[0]?.message).toMatch(/at #\/info.*version/);
  });

  it('AsyncAPI 2.6 and 3.0 documents both load, $refs resolved by the parser', async () => {
    const v26 = `asyncapi: 2.6.0
info: { title: events, version: '1' }
channels:
  orders/placed:
    subscribe:
      operationId: sendIt
      message: { $ref: '#/components/messages/Placed' }
components:
  messages:
    Placed: { payload: { type: object } }
`;
    const v30 = `asyncapi: 3.0.0
info: { title: events, version: '1' }
channels:
  placed: { address: orders/placed, messages: { placed: { $ref: '#/components/messages/Placed' } } }
operations:
  sendIt: { action: send, channel: { $ref: '#/channels/placed' } }
components:
  messages:
    Placed: { payload: { type: object } }
`;
    for (const text of [v26, v30]) {
      const loaded = await loadDocument(flow, { 'events.yaml': text });
      expect(loaded.errors).toEqual([]);
      const source = loaded.workspace.documents.get(loaded.plan.rootKey)?.sources[0];
      expect(JSON.stringify(source?.asyncapi)).not.toContain('$ref');
    }
  });
});
