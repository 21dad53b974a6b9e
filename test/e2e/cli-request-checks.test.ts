// Issue 16: "a request that breaks the OpenAPI description (missing required parameter, wrong type,
// body not matching the schema) fails [the scenario] too", and arazzo mock "validates requests
// against the description and answers 4xx with a problem document when one is wrong". A small
// description whose operations need an integer query parameter, a header and a JSON body (OpenAPI
// 3.1 Schema Object: a readOnly property that is required is required in responses only); the
// workflows send what their inputs say.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-request-checks-'));
  writeFileSync(path.join(dir, 'items.openapi.yaml'), `openapi: 3.1.0
info: { title: items, version: '1' }
servers: [ { url: https://items.example.test/v1 } ]
paths:
  /items/{id}:
    get:
      operationId: getItem
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: '^it-[0-9]+$' } }
        - { name: limit, in: query, required: true, schema: { type: integer, minimum: 1 } }
        - { name: X-Tenant, in: header, required: true, schema: { type: string } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
  /items:
    post:
      operationId: createItem
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
components:
  schemas:
    Item:
      type: object
      required: [id, name, qty]
      properties:
        id: { type: string, readOnly: true }
        name: { type: string }
        qty: { type: integer, minimum: 1 }
`);
  writeFileSync(path.join(dir, 'items.arazzo.yaml'), `arazzo: 1.0.1
info: { title: items, version: '1' }
sourceDescriptions: [ { name: items, url: ./items.openapi.yaml, type: openapi } ]
workflows:
  - workflowId: get
    inputs: { type: object, properties: { id: { type: string }, limit: { type: string }, tenant: { type: string } } }
    steps:
      - stepId: fetch
        operationId: getItem
        parameters:
          - { name: id, in: path, value: $inputs.id }
          - { name: limit, in: query, value: $inputs.limit }
          - { name: X-Tenant, in: header, value: $inputs.tenant }
        outputs: { name: $response.body#/name }
    outputs: { name: $steps.fetch.outputs.name }
  - workflowId: create
    inputs: { type: object, properties: { name: { type: string }, qty: {} } }
    steps:
      - stepId: add
        operationId: createItem
        requestBody: { contentType: application/json, payload: { name: $inputs.name, qty: $inputs.qty } }
        successCriteria: [ { condition: $statusCode == 201 } ]
        outputs: { id: $response.body#/id }
    outputs: { id: $steps.add.outputs.id }
`);
  const scenario = (name: string, inputs: string): void => writeFileSync(path.join(dir, `${name}.scenario.yaml`), `workflow: ./items.arazzo.yaml
workflowId: get
inputs: ${inputs}
responses:
  getItem: { body: { name: Lamp } }
expect: { status: succeeded, outputs: { name: Lamp } }
`);
  scenario('good', '{ id: it-7, limit: "5", tenant: acme }');
  scenario('bad', '{ id: seven, limit: many }');
  const create = (name: string, inputs: string): void => writeFileSync(path.join(dir, `${name}.scenario.yaml`), `workflow: ./items.arazzo.yaml
workflowId: create
inputs: ${inputs}
responses:
  createItem: { status: 201, body: { id: it-1, name: Lamp, qty: 2 } }
expect: { status: succeeded, outputs: { id: it-1 } }
`);
  create('good-body', '{ name: Lamp, qty: 2 }');
  create('bad-body', '{ name: Lamp, qty: many }');
  create('short-body', '{ qty: 2 }');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('issue 16: requests checked against the description', () => {
  it('arazzo test: a request that breaks the description fails the scenario, naming each parameter; a valid one passes', async () => {
    const good = await runCliInProcess(['test', path.join(dir, 'good.scenario.yaml')], { cwd: dir });
    expect(good.code, good.stdout).toBe(0);
    const bad = await runCliInProcess(['test', path.join(dir, 'bad.scenario.yaml'), '--json'], { cwd: dir });
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.stdout) as { scenarios: Array<{ differences: string[] }> };
    const said = json.scenarios[0]!.differences.join('\n');
    expect(said).toContain('a request breaks the OpenAPI description (the run got 400): GET /v1/items/seven');
    // With the description's location of the operation it breaks.
    expect(said).toContain(`(described at ${path.join(dir, 'items.openapi.yaml')}#/paths/~1items~1{id}/get)`);
    expect(said).toContain('path parameter "id" = "seven" must match pattern');
    expect(said).toContain('query parameter "limit" = "many" must be integer');
    expect(said).toContain('header parameter "X-Tenant" is required by operation getItem and is missing');
  });

  it('arazzo test: a JSON body that breaks its schema fails the scenario, naming the property; readOnly properties are not required in a request', async () => {
    const good = await runCliInProcess(['test', path.join(dir, 'good-body.scenario.yaml')], { cwd: dir });
    expect(good.code, good.stdout).toBe(0);
    for (const [name, said] of [['bad-body', 'request body at /qty must be integer'], ['short-body', 'request body misses required property "name"']] as const) {
      const bad = await runCliInProcess(['test', path.join(dir, `${name}.scenario.yaml`), '--json'], { cwd: dir });
      expect(bad.code).toBe(1);
      const json = JSON.parse(bad.stdout) as { scenarios: Array<{ differences: string[] }> };
      const differences = json.scenarios[0]!.differences.join('\n');
      expect(differences).toContain('a request breaks the OpenAPI description (the run got 400): POST /v1/items');
      expect(differences).toContain(said);
    }
  });
});
