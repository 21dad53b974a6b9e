// Issue 10 items 9 and 10: forms public Arazzo documents use that are not errors (1.0.x allows
// them, or a runner resolves them), and mistakes that are. Spec: Runtime Expressions (ABNF
// `"$steps." name`, `name = *CHAR`; the stepId pattern is a SHOULD), Step Object outputs.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { document, lintText } from './lint-document.js';

const codes = (diagnostics: Diagnostic[], severity: string): string[] =>
  [...new Set(diagnostics.filter((d) => d.severity === severity).map((d) => d.code))].sort();

const spacedStep = (read: string): string => document(`
  - workflowId: w
    steps:
      - stepId: get pet
        operationId: listPets
        outputs:
          name: $response.body#/name
      - stepId: second
        operationId: listPets
        parameters:
          - { name: limit, in: query, value: "${read}" }
`);

describe('issue 10 item 9: stepIds with spaces (1.0.x allows them; the pattern is a SHOULD)', () => {
  it('$steps.get pet.outputs.name matches the declared stepId: only the step-id-pattern warning', async () => {
    const found = await lintText(spacedStep('$steps.get pet.outputs.name'));
    expect(codes(found, 'error')).toEqual([]);
    expect(codes(found, 'warning')).toContain('step-id-pattern');
  });

  it('also embedded in a template, and a stepId that is not declared is still an error', async () => {
    expect(codes(await lintText(spacedStep('id={$steps.get pet.outputs.name}')), 'error')).toEqual([]);
    expect(codes(await lintText(spacedStep('$steps.get pets.outputs.name')), 'error')).toEqual(['step-reference-unknown']);
  });
});

const childOutputs = (stepOutputs: string): string => document(`
  - workflowId: main
    steps:
      - stepId: call
        workflowId: child${stepOutputs}
    outputs:
      got: $steps.call.outputs.a
  - workflowId: child
    steps:
      - stepId: list
        operationId: listPets
        outputs:
          a: $response.body#/a
    outputs:
      a: $steps.list.outputs.a
`);

describe('issue 10 item 9: a workflowId step that declares no outputs, read as $steps.<step>.outputs.<childOutput>', () => {
  it('is a "not portable" warning with the portable form as hint', async () => {
    const found = await lintText(childOutputs(''));
    expect(codes(found, 'error')).toEqual([]);
    const [warning] = found.filter((d) => d.code === 'step-output-from-child');
    expect(warning).toMatchObject({ severity: 'warning', pointer: '/workflows/0/outputs/got' });
    expect(warning?.message).toContain('not portable');
    expect(warning?.hint).toContain('a: $outputs.a');
  });

  it('stays an error when the step declares outputs, or the child does not declare the name', async () => {
    expect(codes(await lintText(childOutputs('\n        outputs: { b: $outputs.a }')), 'error')).toEqual(['step-output-undeclared']);
    expect(codes(await lintText(childOutputs('').replace('got: $steps.call.outputs.a', 'got: $steps.call.outputs.zz')), 'error')).toEqual(['step-output-undeclared']);
  });
});

const stepName = (version: string, read: string): string => document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        outputs:
          count: $response.body#/count
    outputs:
      count: ${read}
`).replace('arazzo: 1.0.1', `arazzo: ${version}`);

describe('issue 10 item 9: $steps.x.name and $steps.x.outputs', () => {
  it('$steps.x.name in a 1.0.0 document (the 1.0.0 text\'s own example form) is a warning with the fix', async () => {
    const found = await lintText(stepName('1.0.0', '$steps.first.count'));
    expect(codes(found, 'error')).toEqual([]);
    expect(found.find((d) => d.code === 'expression-steps-missing-outputs')).toMatchObject({ severity: 'warning', fix: '$steps.first.outputs.count' });
  });

  it('is still an error in a 1.0.1 document, and an undeclared name is checked like any output', async () => {
    expect(codes(await lintText(stepName('1.0.1', '$steps.first.count')), 'error')).toEqual(['expression-steps-missing-outputs']);
    expect(codes(await lintText(stepName('1.0.0', '$steps.first.total')), 'error')).toEqual(['step-output-undeclared']);
  });

  it('$steps.x.outputs (the whole map) is allowed; the stepId is still checked', async () => {
    expect(codes(await lintText(stepName('1.0.1', '$steps.first.outputs')), 'error')).toEqual([]);
    expect(codes(await lintText(stepName('1.0.1', '$steps.frist.outputs')), 'error')).toEqual(['step-reference-unknown']);
  });
});

const inputs = (schema: string, read: string): string => document(`
  - workflowId: w
    inputs: ${schema}
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: limit, in: query, value: ${read} }]
`);

describe('issue 10 item 9: $inputs.x not listed in the inputs schema', () => {
  it('is a warning when the schema allows other properties (JSON Schema\'s default, or additionalProperties: true)', async () => {
    for (const schema of ['{ type: object, properties: { a: { type: string } } }', '{ type: object, properties: { a: { type: string } }, additionalProperties: true }']) {
      const found = await lintText(inputs(schema, '$inputs.limit'));
      expect(codes(found, 'error')).toEqual([]);
      expect(found.find((d) => d.code === 'input-reference-unlisted')).toMatchObject({ severity: 'warning', pointer: '/workflows/0/steps/0/parameters/0/value' });
    }
  });

  it('is an error only when the schema is closed', async () => {
    const closed = '{ type: object, properties: { a: { type: string } }, additionalProperties: false }';
    expect(codes(await lintText(inputs(closed, '$inputs.limit')), 'error')).toEqual(['input-reference-undeclared']);
    expect(codes(await lintText(inputs(closed, '$inputs.a')), 'warning')).not.toContain('input-reference-unlisted');
  });
});

const output = (value: string, parameter = '"1"'): string => document(`
  - workflowId: w
    steps:
      - stepId: get
        operationId: listPets
        parameters: [{ name: limit, in: query, value: ${parameter} }]
        outputs:
          title: ${value}
`);

describe('issue 10 item 10: outputs are runtime expressions; unknown roots elsewhere are sent as text', () => {
  it('an output whose root is misspelled is an error, with the fix', async () => {
    const found = (await lintText(output('$reponse.body#/title'))).filter((d) => d.severity === 'error');
    expect(found).toMatchObject([{ code: 'expression-unknown-source', pointer: '/workflows/0/steps/0/outputs/title', fix: '$response.body#/title' }]);
  });

  it('an output that is `$…` but no expression ($faker.x, $.x) is an error', async () => {
    expect(codes(await lintText(output('$faker.name')), 'error')).toEqual(['expression-unknown-source']);
    expect(codes(await lintText(output('$.title')), 'error')).toEqual(['output-not-expression']);
  });

  it('$faker… and $dependencies… in a parameter are warnings (sent literally)', async () => {
    for (const value of ['$faker.name.firstName', '$dependencies.login.token']) {
      const found = await lintText(output('$response.body#/title', value));
      expect(codes(found, 'error')).toEqual([]);
      expect(found.find((d) => d.code === 'expression-unknown-source')).toMatchObject({ severity: 'warning', pointer: '/workflows/0/steps/0/parameters/0/value' });
    }
  });
});
