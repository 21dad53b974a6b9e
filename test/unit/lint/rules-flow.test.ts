// Issue 4: loops with no criteria that can end them, unreachable steps, workflow outputs that read
// a step some path skips (checklist 11.2, 11.4, 11.8; OAI #328), workflow cycles (checklist 5.5, 11.3).
import { describe, expect, it } from 'vitest';
import { document, lintText } from './lint-document.js';
import { describeRuleCases, type RuleCase } from './rule-cases.js';

const poll = (criteria: string): string => document(`
  - workflowId: w
    steps:
      - stepId: poll
        operationId: getJob
        parameters: [{ name: id, in: path, value: "1" }]
        onSuccess:
          - name: again # <-
            type: goto
            stepId: poll
${criteria}
`);

const endsEarly = (output: string): string => document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        outputs: { count: $response.body#/count }
        onSuccess:
          - name: none
            type: end
            criteria: [{ condition: $response.body#/count == 0 }]
      - stepId: second
        operationId: listPets
        outputs: { count: $response.body#/count }
    outputs:
      count: ${output}
`);

const cases: RuleCase[] = [
  {
    rule: 'loop-without-exit',
    about: 'checklist 11.8: a goto back with nothing that ends the loop while it succeeds',
    fail: poll(''),
    pass: poll('            criteria: [{ condition: $response.body#/done == false }]'),
  },
  {
    rule: 'step-unreachable',
    about: 'issue 4: a step no path reaches',
    fail: document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        onSuccess: [{ name: stop, type: end }]
      - stepId: never # <-
        operationId: listPets
`),
    pass: document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        onSuccess: [{ name: stop, type: end, criteria: [{ condition: $statusCode == 204 }] }]
      - stepId: sometimes
        operationId: listPets
`),
  },
  {
    rule: 'output-step-may-be-skipped',
    about: 'checklist 11.4: a workflow output reads a step that an end action can skip (warning)',
    fail: endsEarly('$steps.second.outputs.count # <-'),
    pass: endsEarly('$steps.first.outputs.count'),
  },
  {
    rule: 'workflow-cycle',
    about: 'checklist 5.5 / 11.3: dependsOn or sub-workflow calls in a cycle',
    fail: document(`
  - workflowId: a
    dependsOn: [b]
    steps: [{ stepId: s, operationId: listPets }]
  - workflowId: b
    dependsOn: [a] # <-
    steps: [{ stepId: s, operationId: listPets }]
`),
    pass: document(`
  - workflowId: a
    dependsOn: [b]
    steps: [{ stepId: s, operationId: listPets }]
  - workflowId: b
    steps: [{ stepId: s, operationId: listPets }]
`),
  },
];

describeRuleCases(cases);

describe('loop-without-exit — the idioms of checklist 11.8', () => {
  it('an earlier end action with criteria is a way out of an unconditional goto', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: poll
        operationId: getJob
        parameters: [{ name: id, in: path, value: "1" }]
        onSuccess:
          - { name: done, type: end, criteria: [{ condition: $response.body#/done == true }] }
          - { name: again, type: goto, stepId: poll }
`);
    expect((await lintText(text)).filter((d) => d.code === 'loop-without-exit')).toEqual([]);
  });

  it('a two-step loop with no way out is reported once, at the goto back', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
      - stepId: b
        operationId: listPets
        onSuccess: [{ name: back, type: goto, stepId: a }]
`);
    const found = (await lintText(text)).filter((d) => d.code === 'loop-without-exit');
    expect(found.map((d) => d.pointer)).toEqual(['/workflows/0/steps/1/onSuccess/0']);
  });

  it('retry on failure is bounded by retryLimit, never an endless loop', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        onFailure: [{ name: again, type: retry, retryAfter: 1 }]
`);
    expect((await lintText(text)).filter((d) => d.code === 'loop-without-exit')).toEqual([]);
  });
});

describe('step-unreachable — goto targets and failure paths count as ways in', () => {
  it('a step reached only by an onFailure goto is reachable', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: listPets
        onSuccess: [{ name: stop, type: end }]
        onFailure: [{ name: recover, type: goto, stepId: cleanup }]
      - stepId: cleanup
        operationId: listPets
`);
    expect((await lintText(text)).filter((d) => d.code === 'step-unreachable')).toEqual([]);
  });
});

describe('workflow-cycle — a workflowId step that calls its own workflow', () => {
  it('is an error at the step\'s workflowId', async () => {
    const text = document(`
  - workflowId: self
    steps:
      - stepId: again
        workflowId: self
`);
    const found = (await lintText(text)).filter((d) => d.code === 'workflow-cycle');
    expect(found.map((d) => [d.severity, d.pointer])).toEqual([['error', '/workflows/0/steps/0/workflowId']]);
  });
});
