// Issue 4 "Everything Spectral's arazzo ruleset and Redocly's arazzo rules check" (competitors.md),
// the checklist's [L] items, and the fix-its.
import { describe, expect, it } from 'vitest';
import { document, lintText } from './lint-document.js';
import { describeRuleCases, type RuleCase } from './rule-cases.js';

const list = (extra: string, stepId = 'list'): string => document(`
  - workflowId: w
    description: d
    steps:
      - stepId: ${stepId}
        description: d
        operationId: listPets
${extra.replace(/^\n/, '')}
`);

const child = `
  - workflowId: child
    description: d
    steps:
      - stepId: list
        description: d
        operationId: listPets
    outputs:
      a: $steps.list.outputs.a`;

const cases: RuleCase[] = [
  {
    rule: 'criterion-duplicate',
    about: 'Redocly criteria-unique',
    fail: list(`
        successCriteria:
          - condition: $statusCode == 200
          - condition: $statusCode == 200 # <-
`),
    pass: list(`
        successCriteria:
          - condition: $statusCode == 200
`),
  },
  {
    rule: 'criterion-simple-without-context',
    about: 'checklist 12.3 decision: type: simple without context is a warning',
    fail: list(`
        successCriteria:
          - condition: $statusCode == 200
            type: simple # <-
`),
    pass: list(`
        successCriteria:
          - condition: $statusCode == 200
`),
  },
  {
    rule: 'workflow-step-http-expression',
    about: 'spec example pet-coupons: $statusCode on a workflowId step has no value',
    fail: document(`
  - workflowId: main
    steps:
      - stepId: call
        workflowId: child
        successCriteria:
          - condition: $statusCode == 200 # <-
${child}`),
    pass: document(`
  - workflowId: main
    steps:
      - stepId: call
        workflowId: child
        successCriteria:
          - condition: $outputs.a != null
${child}`),
  },
  {
    rule: 'action-retry-fields-ignored',
    about: 'issue 4 severities: retry fields on end are a warning (Speakeasy)',
    fail: list(`
        onFailure:
          - name: stop
            type: end
            retryLimit: 3 # <-
`),
    pass: list(`
        onFailure:
          - name: stop
            type: end
`),
  },
  {
    rule: 'operation-path-prefer-id',
    about: 'checklist 6.6 / Spectral arazzo-step-operationPath: prefer operationId (info)',
    fail: document(`
  - workflowId: w
    steps:
      - stepId: list
        operationPath: '{$sourceDescriptions.api.url}#/paths/~1pets/get' # <-
`),
    pass: document(`
  - workflowId: w
    steps:
      - stepId: list
        operationId: listPets
`),
  },
  {
    rule: 'template-object-in-quotes',
    about: 'checklist 8.4 (bnpl example): an object inserted inside quotes breaks the JSON',
    fail: document(`
  - workflowId: w
    inputs:
      type: object
      properties:
        pet: { type: object }
    steps:
      - stepId: create
        operationId: createPet
        requestBody:
          contentType: application/json
          payload: '{"pet": "{$inputs.pet}"}' # <-
`),
    pass: document(`
  - workflowId: w
    inputs:
      type: object
      properties:
        pet: { type: object }
    steps:
      - stepId: create
        operationId: createPet
        requestBody:
          contentType: application/json
          payload: '{"pet": {$inputs.pet}}'
`),
  },
  {
    rule: 'action-workflow-without-inputs',
    about: 'user-asks #8 / OAI #416: a goto to a workflow runs it with no inputs in 1.0.1',
    fail: document(`
  - workflowId: main
    steps:
      - stepId: list
        operationId: listPets
        onSuccess:
          - name: next
            type: goto
            workflowId: needs # <-
  - workflowId: needs
    inputs: { type: object, required: [petId], properties: { petId: { type: string } } }
    steps:
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: $inputs.petId }]
`),
    pass: document(`
  - workflowId: main
    steps:
      - stepId: list
        operationId: listPets
        onSuccess:
          - name: next
            type: goto
            workflowId: needs
  - workflowId: needs
    inputs: { type: object, properties: { petId: { type: string } } }
    steps:
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: "1" }]
`),
  },
  {
    rule: 'expression-brace-in-pointer',
    about: 'checklist 16.5 / OAI #424: an embedded expression ends at the first "}"',
    fail: list(`
        parameters:
          - name: X-Trace
            in: header
            value: "id {$response.body#/a{b}}" # <-
`),
    pass: list(`
        parameters:
          - name: X-Trace
            in: header
            value: "id {$response.body#/ab}"
`),
  },
];

describeRuleCases(cases);

describe('issue 4 fix-its', () => {
  it('"Bearer $inputs.apiToken" → "Bearer {$inputs.apiToken}"', async () => {
    const text = document(`
  - workflowId: w
    inputs: { type: object, properties: { apiToken: { type: string } } }
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: X-Trace, in: header, value: "Bearer $inputs.apiToken" }]
`);
    const [found] = (await lintText(text)).filter((d) => d.code === 'expression-bare-in-string');
    expect([found?.severity, found?.fix]).toEqual(['warning', 'Bearer {$inputs.apiToken}']);
  });

  it('seed-style $.state == "x" → the simple criterion', async () => {
    const [found] = (await lintText(list(`
        successCriteria:
          - context: $response.body
            type: jsonpath
            condition: $.state == "active"
`))).filter((d) => d.code === 'criterion-jsonpath-comparison');
    expect([found?.severity, found?.fix]).toEqual(['warning', "$response.body#/state == 'active'"]);
  });

  it('$response.body.id → $response.body#/id', async () => {
    const [found] = (await lintText(list(`
        outputs:
          id: $response.body.id
`))).filter((d) => d.code === 'expression-dot-body');
    expect([found?.severity, found?.fix]).toEqual(['warning', '$response.body#/id']);
  });
});

describe('template-object-in-quotes — the fix removes the quotes', () => {
  it('keeps the rest of the payload as written', async () => {
    const text = document(`
  - workflowId: w
    inputs: { type: object, properties: { pet: { oneOf: [{ type: object }, { type: string }] } } }
    steps:
      - stepId: create
        operationId: createPet
        requestBody: { contentType: application/json, payload: '{"a": 1, "pet": "{$inputs.pet}"}' }
`);
    const [found] = (await lintText(text)).filter((d) => d.code === 'template-object-in-quotes');
    expect(found?.fix).toBe('{"a": 1, "pet": {$inputs.pet}}');
  });
});
