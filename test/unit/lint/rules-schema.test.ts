// Issue 4 "Structure": the official Arazzo 1.0 JSON Schema, its known defects corrected
// (../shared/reference/arazzo/README.md; checklist 1.6, 8.6, 10.9, 12.10), one diagnostic per problem.
import { describe, expect, it } from 'vitest';
import { document, lintText } from './lint-document.js';
import { describeRuleCases, type RuleCase } from './rule-cases.js';

const step = (body: string, components?: string): string => document(`
  - workflowId: w
    steps:
${body.replace(/^\n/, '').trimEnd()}
`, components ? { components } : {});

const cases: RuleCase[] = [
  {
    rule: 'schema-required',
    about: 'checklist 3.1: info.version is required',
    fail: [
      'arazzo: 1.0.1',
      'info: { title: t } # <-',
      'sourceDescriptions: [{ name: api, url: ./api.openapi.yaml, type: openapi }]',
      'workflows: [{ workflowId: w, steps: [{ stepId: s, operationId: listPets }] }]',
      '',
    ].join('\n'),
    pass: step('      - { stepId: s, operationId: listPets }'),
  },
  {
    rule: 'schema-unknown-field',
    about: 'checklist 1.6: step.dependsOn is a 1.1 field, unknown in 1.0.1 (located at the key)',
    fail: step(`
      - stepId: s
        operationId: listPets
        dependsOn: [other] # <-
`),
    pass: step('      - { stepId: s, operationId: listPets, x-depends-on: [other] }'),
  },
  {
    rule: 'schema-type',
    about: 'schema: a workflow summary is a string',
    fail: document(`
  - workflowId: w
    summary: 5 # <-
    steps: [{ stepId: s, operationId: listPets }]
`),
    pass: document(`
  - workflowId: w
    summary: "5"
    steps: [{ stepId: s, operationId: listPets }]
`),
  },
  {
    rule: 'schema-enum',
    about: 'checklist 4.4: a source type is openapi or arazzo',
    fail: document('  - { workflowId: w, steps: [{ stepId: s, operationId: listPets }] }', {
      sources: '  - name: api\n    url: ./api.openapi.yaml\n    type: graphql # <-',
    }),
    pass: step('      - { stepId: s, operationId: listPets }'),
  },
  {
    rule: 'schema-pattern',
    about: 'checklist 4.1: a source name matches ^[A-Za-z0-9_\\-]+$',
    fail: document('  - { workflowId: w, steps: [{ stepId: s, operationId: listPets }] }', {
      sources: '  - name: pet.store # <-\n    url: ./api.openapi.yaml\n    type: openapi',
    }),
    pass: step('      - { stepId: s, operationId: listPets }'),
  },
  {
    rule: 'schema-format',
    // (A url with spaces is read percent-encoded with a source-url-unencoded warning instead: issue 10 item 5.)
    about: 'checklist 4.2: a source url is a URI-reference',
    fail: document('  - { workflowId: w, steps: [{ stepId: s, operationId: listPets }] }', {
      sources: '  - name: api\n    url: "%zz" # <-\n    type: openapi',
    }),
    pass: step('      - { stepId: s, operationId: listPets }'),
  },
  {
    rule: 'schema-min-items',
    about: 'checklist 6.10: successCriteria: [] is invalid',
    fail: step(`
      - stepId: s
        operationId: listPets
        successCriteria: [] # <-
`),
    pass: step('      - { stepId: s, operationId: listPets, successCriteria: [{ condition: $statusCode == 200 }] }'),
  },
  {
    rule: 'schema-unique-items',
    about: 'checklist 5.5: dependsOn has unique items',
    fail: document(`
  - workflowId: w
    dependsOn: [other, other] # <-
    steps: [{ stepId: s, operationId: listPets }]
  - { workflowId: other, steps: [{ stepId: s, operationId: listPets }] }
`),
    pass: document(`
  - workflowId: w
    dependsOn: [other]
    steps: [{ stepId: s, operationId: listPets }]
  - { workflowId: other, steps: [{ stepId: s, operationId: listPets }] }
`),
  },
  {
    rule: 'reusable-extra-field',
    about: 'checklist 13.6: extra fields on a Reusable Object are ignored (warning)',
    fail: step(`
      - stepId: s
        operationId: listPets
        parameters:
          - reference: $components.parameters.limit
            x-note: hi # <-
`, '  parameters:\n    limit: { name: limit, in: query, value: 1 }'),
    pass: step(`
      - stepId: s
        operationId: listPets
        parameters:
          - reference: $components.parameters.limit
`, '  parameters:\n    limit: { name: limit, in: query, value: 1 }'),
  },
];

describeRuleCases(cases);

describe('the schema defects are corrected (reference/arazzo/README.md)', () => {
  const schemaCodes = async (text: string): Promise<string[]> => (await lintText(text)).filter((d) => d.code.startsWith('schema-')).map((d) => d.code);

  it('a Criterion type may be an Expression Type Object (OAI #336)', async () => {
    expect(await schemaCodes(step(`
      - stepId: s
        operationId: listPets
        successCriteria:
          - context: $response.body
            condition: $.pets
            type: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 }
`))).toEqual([]);
  });

  it('a Payload Replacement value may be any JSON value (checklist 8.6)', async () => {
    expect(await schemaCodes(step(`
      - stepId: s
        operationId: createPet
        requestBody: { payload: { n: 1 }, replacements: [{ target: /n, value: 10 }, { target: /m, value: [a] }] }
`))).toEqual([]);
  });

  it('a retry action needs neither retryAfter nor a target (checklist 10.9, OAI #341/#342)', async () => {
    expect(await schemaCodes(step('      - { stepId: s, operationId: listPets, onFailure: [{ name: r, type: retry }] }'))).toEqual([]);
  });

  it('an expression type object with a wrong version is still flagged (by the compiler, once)', async () => {
    const found = await lintText(step(`
      - stepId: s
        operationId: listPets
        successCriteria: [{ context: $response.body, condition: $.a, type: { type: jsonpath, version: rfc9535 } }]
`));
    expect(found.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['criterion-invalid-version']);
  });
});

describe('one problem, one diagnostic: the compiler\'s finding wins over the schema\'s', () => {
  it.each([
    ['a step without a target', '      - { stepId: s }', 'step-target-missing'],
    ['a step with two targets', '      - { stepId: s, operationId: listPets, workflowId: w }', 'step-target-multiple'],
    ['a negative retryLimit', '      - { stepId: s, operationId: listPets, onFailure: [{ name: r, type: retry, retryLimit: -1 }] }', 'action-retry-limit-invalid'],
    ['a goto with stepId and workflowId', '      - { stepId: s, operationId: listPets, onSuccess: [{ name: g, type: goto, stepId: s, workflowId: w }] }', 'action-target-ambiguous'],
    ['an unknown parameter location', '      - { stepId: s, operationId: listPets, parameters: [{ name: limit, in: body2, value: 1 }] }', 'parameter-in-invalid'],
  ])('%s', async (_name, body, code) => {
    const errors = (await lintText(step(body))).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual([code]);
  });
});

describe('inputs are JSON Schema 2020-12 (checklist 5.3; wso2 01 nonconformant)', () => {
  it('draft-04 style required: true is a schema-type error with a hint', async () => {
    const found = (await lintText(document(`
  - workflowId: w
    inputs:
      type: object
      properties:
        name:
          type: string
          required: true
    steps: [{ stepId: s, operationId: listPets }]
`))).filter((d) => d.code.startsWith('schema-'));
    expect(found.map((d) => [d.code, d.pointer])).toEqual([['schema-type', '/workflows/0/inputs/properties/name/required']]);
    expect(found[0]?.hint).toContain('draft-04');
  });
});

describe('arazzo: 1.1.x documents are schema-checked against the 1.1 schema (Arazzo 1.1.0 §Versions)', () => {
  it('step-level dependsOn is no unknown field in 1.1.0; in 1.0.1 it is', async () => {
    const text = step('      - { stepId: s, operationId: listPets, dependsOn: [s] }');
    const errors = async (t: string) => (await lintText(t)).filter((d) => d.severity === 'error').map((d) => d.code);
    expect(await errors(text)).toContain('schema-unknown-field');
    expect(await errors(text.replace('arazzo: 1.0.1', 'arazzo: 1.1.0'))).not.toContain('schema-unknown-field');
  });
});
