// Issue 4 "What none of them checks": what expressions read must exist and be able to exist yet.
import { describe, expect, it } from 'vitest';
import { document, lintText, writeDocument } from './lint-document.js';
import { describeRuleCases, type RuleCase } from './rule-cases.js';

const twoSteps = (read: string): string => document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        outputs:
          count: $response.body#/count
          page: $response.body#/page
      - stepId: second
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: ${read}
`);

const laterRead = (first: string, second: string): string => document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: ${first}
        outputs:
          id: $response.body#/id
      - stepId: second
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: ${second}
        outputs:
          id: $response.body#/id
`);

const withInputs = (read: string): string => document(`
  - workflowId: w
    inputs:
      type: object
      additionalProperties: false
      properties:
        limit: { type: integer }
        filter:
          type: object
          additionalProperties: false
          properties:
            size: { type: integer }
    steps:
      - stepId: list
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: ${read}
`);

const twoWorkflows = (read: string): string => document(`
  - workflowId: main
    steps:
      - stepId: call
        workflowId: other
        outputs:
          got: ${read}
    outputs:
      got: $steps.call.outputs.got
  - workflowId: other
    steps:
      - stepId: list
        operationId: listPets
        outputs:
          a: $response.body#/a
    outputs:
      a: $steps.list.outputs.a
`);

const cases: RuleCase[] = [
  {
    rule: 'step-reference-unknown',
    about: 'checklist 15.10: $steps.X names a step of this workflow',
    fail: twoSteps('$steps.frist.outputs.count # <-'),
    pass: twoSteps('$steps.first.outputs.count'),
  },
  {
    rule: 'step-output-undeclared',
    about: 'checklist 15.10 (Redocly outputs-defined): $steps.X.outputs.Y names a declared output',
    fail: twoSteps('$steps.first.outputs.total # <-'),
    pass: twoSteps('$steps.first.outputs.count'),
  },
  {
    rule: 'step-reference-order',
    about: 'checklist 11.6: a step reads only steps that can have run before it',
    fail: laterRead('$steps.second.outputs.id # <-', '"1"'),
    pass: laterRead('"1"', '$steps.first.outputs.id'),
  },
  {
    rule: 'input-reference-undeclared',
    about: 'issue 4: $inputs.x is declared in a closed inputs schema (additionalProperties: false)',
    fail: withInputs('$inputs.limt # <-'),
    pass: withInputs('$inputs.limit'),
  },
  {
    rule: 'workflow-reference-unknown',
    about: 'spec Runtime Expressions $workflows: the workflow exists',
    fail: twoWorkflows('$workflows.nope.outputs.a # <-'),
    pass: twoWorkflows('$workflows.other.outputs.a'),
  },
  {
    rule: 'workflow-output-undeclared',
    about: 'spec Runtime Expressions $workflows.<id>.outputs: the output is declared',
    fail: twoWorkflows('$workflows.other.outputs.b # <-'),
    pass: twoWorkflows('$workflows.other.outputs.a'),
  },
  {
    rule: 'output-reference-undeclared',
    about: 'checklist 6.17: $outputs in a workflowId step reads an output the child declares',
    fail: twoWorkflows('$outputs.b # <-'),
    pass: twoWorkflows('$outputs.a'),
  },
];

describeRuleCases(cases);

describe('input-reference-undeclared — #/pointer into an input and workflows without inputs', () => {
  it('checks the pointer against the nested schema', async () => {
    const found = (await lintText(withInputs('$inputs.filter#/sise'))).filter((d) => d.code === 'input-reference-undeclared');
    expect(found.map((d) => d.pointer)).toEqual(['/workflows/0/steps/0/parameters/0/value']);
    expect((await lintText(withInputs('$inputs.filter#/size'))).filter((d) => d.code === 'input-reference-undeclared')).toEqual([]);
  });

  it('is an error when the workflow declares no inputs at all', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: limit, in: query, value: $inputs.limit }]
`);
    const found = (await lintText(text)).filter((d) => d.code === 'input-reference-undeclared');
    expect(found.map((d) => d.severity)).toEqual(['error']);
  });

  it('accepts any name when the schema leaves its members open (additionalProperties)', async () => {
    const text = document(`
  - workflowId: w
    inputs: { type: object, properties: { a: { type: string } }, additionalProperties: true }
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: limit, in: query, value: $inputs.anything }]
`);
    expect((await lintText(text)).filter((d) => d.code === 'input-reference-undeclared')).toEqual([]);
  });
});

describe('issue 4 fix-its: dot paths into outputs and inputs become JSON pointers', () => {
  it('$steps.first.outputs.page.size → $steps.first.outputs.page#/size', async () => {
    const diagnostics = await lintText(twoSteps('$steps.first.outputs.page.size'));
    const [found] = diagnostics.filter((d) => d.code === 'expression-dot-path');
    expect(found?.severity).toBe('warning');
    expect(found?.fix).toBe('$steps.first.outputs.page#/size');
    // The runner resolves the declared name and walks the rest, so this is not an error.
    expect(diagnostics.filter((d) => d.code === 'step-output-undeclared')).toEqual([]);
  });

  it('an embedded {$inputs.filter.size} is rewritten inside its string', async () => {
    const [found] = (await lintText(withInputs('"n={$inputs.filter.size}"'))).filter((d) => d.code === 'expression-dot-path');
    expect(found?.fix).toBe('n={$inputs.filter#/size}');
    expect(found?.offset).toBe(3);
  });
});

describe('step-reference-order — loops and retries (checklist 11.6, 9.6)', () => {
  it('a step may read its own outputs when a goto brings control back to it', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: poll
        operationId: getJob
        parameters:
          - { name: id, in: path, value: $steps.poll.outputs.next }
        outputs:
          next: $response.body#/next
        onSuccess:
          - name: again
            type: goto
            stepId: poll
            criteria: [{ condition: $response.body#/done == false }]
`);
    expect((await lintText(text)).filter((d) => d.code === 'step-reference-order')).toEqual([]);
  });

  it('a step reading its own outputs without a loop is reported', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: once
        operationId: getJob
        parameters:
          - { name: id, in: path, value: $steps.once.outputs.next }
        outputs:
          next: $response.body#/next
`);
    expect((await lintText(text)).filter((d) => d.code === 'step-reference-order').map((d) => d.pointer)).toEqual(['/workflows/0/steps/0/parameters/0/value']);
  });

  it("a step's own action criteria read the outputs of the execution that just ended (checklist 6.16)", async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: create
        operationId: getJob
        parameters:
          - { name: id, in: path, value: '1' }
        outputs:
          errorCode: $response.body#/code
        onFailure:
          - name: giveUp
            type: end
            criteria: [{ condition: $steps.create.outputs.errorCode == 'quota' }]
`);
    expect((await lintText(text)).filter((d) => d.code === 'step-reference-order')).toEqual([]);
  });
});

describe('workflow-reference-unknown — workflows of another Arazzo document (spec Runtime Expressions $workflows)', () => {
  it('accepts $workflows.<id> of a workflow declared in an arazzo source, and still flags unknown ids', async () => {
    const other = writeDocument(document(`
  - workflowId: login
    steps:
      - stepId: auth
        operationId: listPets
    outputs:
      token: $steps.auth.outputs.token
`), 'other.arazzo.yaml');
    const main = (read: string): string => document(`
  - workflowId: w
    dependsOn: [$sourceDescriptions.auth.login]
    steps:
      - stepId: list
        operationId: $sourceDescriptions.api.listPets
        parameters:
          - { name: limit, in: query, value: ${read} }
`, { sources: `  - { name: api, url: ./api.openapi.yaml, type: openapi }\n  - { name: auth, url: ${JSON.stringify(other)}, type: arazzo }` });
    const unknown = (diagnostics: Awaited<ReturnType<typeof lintText>>): string[] =>
      diagnostics.filter((d) => d.code === 'workflow-reference-unknown' && d.file?.endsWith('flow.arazzo.yaml')).map((d) => d.message);
    expect(unknown(await lintText(main('$workflows.login.outputs.token')))).toEqual([]);
    expect(unknown(await lintText(main('$workflows.logon.outputs.token')))).toHaveLength(1);
  });
});
