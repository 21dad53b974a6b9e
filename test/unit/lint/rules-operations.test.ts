// Issue 4 "What none of them checks": parameters and bodies against the loaded OpenAPI operation
// (checklist 7.3, 7.8, 6.9), plus request-body details (Spectral arazzo-step-request-body-validation,
// Redocly requestBody-replacements-unique).
import { describe, expect, it } from 'vitest';
import { document, lintText } from './lint-document.js';
import { describeRuleCases, type RuleCase } from './rule-cases.js';

const step = (body: string): string => document(`
  - workflowId: w
    steps:
${body.replace(/^\n/, '')}
`);

const callsChild = (parameter: string): string => document(`
  - workflowId: main
    steps:
      - stepId: call
        workflowId: child
        parameters:
${parameter}
  - workflowId: child
    inputs:
      type: object
      required: [petId]
      properties:
        petId: { type: string }
    steps:
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: $inputs.petId }]
`);

const cases: RuleCase[] = [
  {
    rule: 'parameter-not-declared',
    about: 'checklist 7.8: a parameter name the operation does not declare (warning)',
    fail: step(`
      - stepId: list
        operationId: listPets
        parameters:
          - name: lmit # <-
            in: query
            value: 1
`),
    pass: step(`
      - stepId: list
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: 1
`),
  },
  {
    rule: 'parameter-required-missing',
    about: 'checklist 7.8: a required OpenAPI parameter is not given (warning)',
    fail: step(`
      - stepId: get # <-
        operationId: getPet
`),
    pass: step(`
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: "7" }]
`),
  },
  {
    rule: 'request-body-required-missing',
    about: 'issue 4: a required request body is not given (warning)',
    fail: step(`
      - stepId: create # <-
        operationId: createPet
`),
    pass: step(`
      - stepId: create
        operationId: createPet
        requestBody: { payload: { name: Rex } }
`),
  },
  {
    rule: 'request-body-unexpected',
    about: 'checklist 6.9: requestBody on GET/HEAD/DELETE or on a workflowId step',
    fail: step(`
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: "7" }]
        requestBody: { payload: { a: 1 } } # <-
`),
    pass: step(`
      - stepId: get
        operationId: getPet
        parameters: [{ name: petId, in: path, value: "7" }]
`),
  },
  {
    rule: 'parameter-in-on-workflow-step',
    about: 'checklist 7.3: "in" on a workflowId step parameter is ignored (warning)',
    fail: callsChild('          - { name: petId, in: path, value: "7" } # <-'),
    pass: callsChild('          - { name: petId, value: "7" }'),
  },
  {
    rule: 'request-body-content-type-invalid',
    about: 'Spectral arazzo-step-request-body-validation: contentType is a media type',
    fail: step(`
      - stepId: create
        operationId: createPet
        requestBody:
          contentType: json # <-
          payload: { name: Rex }
`),
    pass: step(`
      - stepId: create
        operationId: createPet
        requestBody:
          contentType: application/json; charset=utf-8
          payload: { name: Rex }
`),
  },
  {
    rule: 'replacement-duplicate',
    about: 'Redocly requestBody-replacements-unique',
    fail: step(`
      - stepId: create
        operationId: createPet
        requestBody:
          payload: { name: Rex }
          replacements:
            - { target: /name, value: Max }
            - { target: /name, value: Bo } # <-
`),
    pass: step(`
      - stepId: create
        operationId: createPet
        requestBody:
          payload: { name: Rex }
          replacements:
            - { target: /name, value: Max }
`),
  },
];

describeRuleCases(cases);

describe('parameters of a workflowId step are the called workflow\'s inputs (checklist 7.3)', () => {
  it('an input the child does not declare, and a required input not passed, are warnings', async () => {
    const found = await lintText(callsChild('          - { name: petid, value: "7" }'));
    expect(found.filter((d) => d.code === 'parameter-not-declared').map((d) => [d.severity, d.pointer])).toEqual([['warning', '/workflows/0/steps/0/parameters/0']]);
    expect(found.filter((d) => d.code === 'parameter-required-missing').map((d) => [d.severity, d.pointer])).toEqual([['warning', '/workflows/0/steps/0']]);
  });
});

describe('the seeds pass Authorization as a header (issue 4 severities): a warning, never an error', () => {
  it('parameter-not-declared is a warning with a security-scheme hint', async () => {
    const found = (await lintText(step(`
      - stepId: list
        operationId: listPets
        parameters: [{ name: Authorization, in: header, value: Bearer x }]
`))).filter((d) => d.code === 'parameter-not-declared');
    expect(found.map((d) => d.severity)).toEqual(['warning']);
    expect(found[0]?.hint).toContain('security scheme');
  });

  it('header names match case-insensitively (RFC 9110)', async () => {
    const found = await lintText(step(`
      - stepId: list
        operationId: listPets
        parameters: [{ name: x-trace, in: header, value: t }]
`));
    expect(found.filter((d) => d.code === 'parameter-not-declared')).toEqual([]);
  });
});

describe('parameter-in-missing — checklist 7.3, also when the OpenAPI source cannot be loaded', () => {
  it('is reported once when the operation resolves (compiler and lint agree)', async () => {
    const found = (await lintText(step(`
      - stepId: list
        operationId: listPets
        parameters: [{ name: limit, value: 1 }]
`))).filter((d) => d.code === 'parameter-in-missing' || d.code === 'schema-required');
    expect(found.map((d) => d.code)).toEqual(['parameter-in-missing']);
  });

  it('is reported when the source failed to load', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: limit, value: 1 }]
`, { sources: '  - { name: api, url: ./missing.yaml, type: openapi }' });
    const codes = (await lintText(text)).map((d) => d.code);
    expect(codes).toContain('file-not-found');
    expect(codes).toContain('parameter-in-missing');
    expect(codes).not.toContain('operation-not-found');
  });
});
