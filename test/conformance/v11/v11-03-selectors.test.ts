/**
 * Arazzo 1.1.0 §Selector Object and §Expression Type Object: `{context, selector, type}` in step
 * and workflow outputs, parameter values, payloads (nested too) and replacement values; §Payload
 * Replacement Object targetSelectorType jsonpath; jsonpath (rfc9535 by default,
 * or draft-goessner-dispatch-jsonpath-00) and jsonpointer (rfc6901); xpath refused at load; a 1.0
 * document keeps sending such an object as it is.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { codes, loadDocument, runDocument } from '../support/run-document.js';

const PETS = { items: [{ id: 'p1', name: 'Rex', active: true }, { id: 'p2', name: 'Tom', active: false }, { id: 'p3', name: 'Kit', active: true }] };

const flow = (version: string, extra = ''): string => `arazzo: ${version}
info: { title: selectors, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: findPets
        outputs:
          activeIds: { context: $response.body, selector: '$.items[?@.active == true].id', type: jsonpath }
          firstName: { context: $response.body, selector: /items/0/name, type: jsonpointer }
          lastId: { context: $response.body, selector: '$.items[-1:].id', type: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 } }
          none: { context: $response.body, selector: '$.items[?@.name == "nobody"].id', type: jsonpath }
      - stepId: fetch
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: { context: $steps.list.outputs, selector: /activeIds/1, type: { type: jsonpointer, version: rfc6901 } }
      - stepId: order
        operationId: createPet
        requestBody:
          contentType: application/json
          payload:
            name: { context: $response.body, selector: $.name, type: jsonpath }
            tags: [ fixed, { context: $steps.list.outputs, selector: $.firstName, type: jsonpath } ]
${extra}    outputs:
      activeIds: { context: $steps.list.outputs, selector: $.activeIds, type: jsonpath }
      firstName: $steps.list.outputs.firstName
`;

describe('Arazzo 1.1.0 §Selector Object', () => {
  it('outputs, a path parameter and a nested payload value are selected from their context (jsonpath rfc9535, goessner, jsonpointer)', async () => {
    const api = await startApi({ 'GET /pets': json(PETS), 'GET /pets/{petId}': json({ id: 'p3', name: 'Kit' }), 'POST /pets': json({ ok: true }, 201) });
    const { result } = await runDocument(flow('1.1.0'), { api });
    expect(result.status).toBe('succeeded');
    const list = result.steps.find((s) => s.stepId === 'list')!;
    expect(list.outputs).toEqual({ activeIds: ['p1', 'p3'], firstName: 'Rex', lastId: 'p3' });
    expect(api.requests.map((r) => `${r.method} ${r.target}`)).toEqual(['GET /pets', 'GET /pets/p3', 'POST /pets']);
    // The payload's context is the previous response in scope at the time it is built ($response of fetch is not set yet: the selector sees nothing).
    expect(JSON.parse(api.requests[2]!.body)).toEqual({ tags: ['fixed', 'Rex'] });
    expect(result.outputs).toEqual({ activeIds: ['p1', 'p3'], firstName: 'Rex' });
  });

  it('§Expression Type Object xpath is refused at load (selector-xpath-unsupported); a bad jsonpath or pointer is selector-invalid', async () => {
    const xpath = await loadDocument(flow('1.1.0').replace("selector: /items/0/name, type: jsonpointer", "selector: '/items/item[1]', type: xpath"));
    expect(codes(xpath.errors)).toContain('selector-xpath-unsupported');
    const badPath = await loadDocument(flow('1.1.0').replace("selector: '$.items[?@.active == true].id'", "selector: '$.items[?@.active == true'"));
    expect(codes(badPath.errors)).toContain('selector-invalid');
    const badPointer = await loadDocument(flow('1.1.0').replace('selector: /items/0/name', 'selector: items~2'));
    expect(codes(badPointer.errors)).toContain('selector-invalid');
  });

  it('a 1.0.1 document has no Selector Object: the same object in a payload is sent as written', async () => {
    const doc = `arazzo: 1.0.1
info: { title: literal, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: order
        operationId: createPet
        requestBody:
          contentType: application/json
          payload: { name: { context: ctx, selector: $.name, type: jsonpath } }
`;
    const api = await startApi({ 'POST /pets': json({ ok: true }, 201) });
    const { result } = await runDocument(doc, { api });
    expect(result.status).toBe('succeeded');
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ name: { context: 'ctx', selector: '$.name', type: 'jsonpath' } });
  });

  it('§Payload Replacement Object: targetSelectorType jsonpath replaces every selected node; a replacement value may be a Selector Object', async () => {
    const doc = `arazzo: 1.1.0
info: { title: replacements, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: findPets
        outputs: { pets: $response.body }
      - stepId: order
        operationId: createPet
        requestBody:
          contentType: application/json
          payload: { items: [ { sku: a, qty: 1 }, { sku: b, qty: 2 } ], owner: nobody }
          replacements:
            - { target: '$.items[*].qty', targetSelectorType: jsonpath, value: restocked }
            - target: /owner
              value: { context: $steps.list.outputs.pets, selector: '$.items[?@.active == true].name', type: jsonpath }
            - { target: '$.missing', targetSelectorType: { type: jsonpath, version: rfc9535 }, value: x }
`;
    const api = await startApi({ 'GET /pets': json({ items: [{ name: 'Rex', active: true }, { name: 'Tom', active: false }] }), 'POST /pets': json({ ok: true }, 201) });
    const { result } = await runDocument(doc, { api });
    // The last replacement selects nothing: the step fails before sending anything.
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain('a JSONPath replacement target selects nothing in the payload');
    expect(api.requests.map((r) => r.method)).toEqual(['GET']);
    const { result: sent } = await runDocument(doc.replace(/ {12}- \{ target: '\$\.missing'.*\n/, ''), { api });
    expect(sent.status).toBe('succeeded');
    expect(JSON.parse(api.requests.at(-1)!.body)).toEqual({ items: [{ sku: 'a', qty: 'restocked' }, { sku: 'b', qty: 'restocked' }], owner: 'Rex' });
  });
});
