// Spectral/Redocly document rules and checklist sections 3-5, 13, 17: ids, descriptions, markdown,
// extensions, sources, Reusable Objects in inputs.
import { describe, expect, it } from 'vitest';
import { document, lintText } from './lint-document.js';
import { describeRuleCases, type RuleCase } from './rule-cases.js';

const workflow = (head: string, stepHead = '      - stepId: list\n        description: d'): string => document(`
  - workflowId: w
${head.replace(/^\n/, '').trimEnd()}
    steps:
${stepHead}
        operationId: listPets
`);

const withInfo = (info: string): string => [
  'arazzo: 1.0.1',
  info,
  'sourceDescriptions: [{ name: api, url: ./api.openapi.yaml, type: openapi }]',
  'workflows: [{ workflowId: w, description: d, steps: [{ stepId: s, description: d, operationId: listPets }] }]',
  '',
].join('\n');

const twoSources = (second: string): string => [
  'arazzo: 1.0.1',
  'info: { title: t, version: "1", description: d }',
  'sourceDescriptions:',
  '  - { name: api, url: ./api.openapi.yaml, type: openapi }',
  second,
  'workflows: [{ workflowId: w, description: d, steps: [{ stepId: s, description: d, operationId: $sourceDescriptions.api.listPets }] }]',
  '',
].join('\n');

const cases: RuleCase[] = [
  {
    rule: 'workflow-id-pattern',
    about: 'checklist 5.1 / Spectral arazzo-workflow-workflowId',
    fail: document(`
  - workflowId: list pets # <-
    steps: [{ stepId: s, operationId: listPets }]
`),
    pass: document(`
  - workflowId: list-pets
    steps: [{ stepId: s, operationId: listPets }]
`),
  },
  {
    rule: 'step-id-pattern',
    about: 'checklist 6.1 / Spectral arazzo-step-stepId',
    fail: workflow('    description: d', '      - stepId: list pets # <-'),
    pass: workflow('    description: d', '      - stepId: list-pets'),
  },
  {
    rule: 'workflow-description-missing',
    about: 'Spectral arazzo-workflow-description (info)',
    fail: document(`
  - workflowId: w # <-
    steps: [{ stepId: s, operationId: listPets }]
`),
    pass: workflow('    description: Lists pets.'),
  },
  {
    rule: 'workflow-summary-missing',
    about: 'Spectral arazzo-workflow-summary (hint; off unless turned on)',
    settings: { 'workflow-summary-missing': 'warning' },
    fail: document(`
  - workflowId: w # <-
    steps: [{ stepId: s, operationId: listPets }]
`),
    pass: workflow('    summary: Lists pets.'),
  },
  {
    rule: 'step-description-missing',
    about: 'Spectral arazzo-step-description (info)',
    fail: workflow('    description: d', '      - stepId: list # <-'),
    pass: workflow('    description: d'),
  },
  {
    rule: 'info-description-missing',
    about: 'Spectral arazzo-info-description (info)',
    fail: withInfo('info: { title: t, version: "1" } # <-'),
    pass: withInfo('info: { title: t, version: "1", description: d }'),
  },
  {
    rule: 'info-summary-missing',
    about: 'Spectral arazzo-info-summary (hint; off unless turned on)',
    settings: { 'info-summary-missing': 'info' },
    fail: withInfo('info: { title: t, version: "1", description: d } # <-'),
    pass: withInfo('info: { title: t, version: "1", description: d, summary: s }'),
  },
  {
    rule: 'markdown-script-tag',
    about: 'checklist 3.2 / Spectral arazzo-no-script-tags-in-markdown',
    fail: workflow('    description: "<script>alert(1)</script>" # <-'),
    pass: workflow('    description: "A **bold** flow"'),
  },
  {
    rule: 'extension-reserved-prefix',
    about: 'checklist 17.1: x-oai-, x-oas-, x-arazzo are reserved',
    fail: workflow('    description: d\n    x-arazzo-owner: team # <-'),
    pass: workflow('    description: d\n    x-acme-owner: team'),
  },
  {
    rule: 'source-type-missing',
    about: 'checklist 4.4 / Spectral arazzo-source-descriptions-type (info)',
    fail: twoSources('  - { name: more, url: ./api.openapi.yaml } # <-'),
    pass: twoSources('  - { name: more, url: ./api.openapi.yaml, type: openapi }'),
  },
  {
    rule: 'source-unused',
    about: 'checklist 4.7: a source description never used',
    fail: twoSources('  - { name: more, url: ./api.openapi.yaml, type: openapi } # <-'),
    pass: twoSources('').replace('$sourceDescriptions.api.listPets', 'listPets'),
  },
  {
    rule: 'inputs-reusable-reference',
    about: 'checklist 13.7: inputs reuse a schema with $ref, not a Reusable Object',
    fail: document(`
  - workflowId: w
    inputs:
      reference: $components.inputs.pet # <-
    steps: [{ stepId: s, operationId: listPets }]
`, { components: '  inputs:\n    pet: { type: object }' }),
    pass: document(`
  - workflowId: w
    inputs:
      $ref: '#/components/inputs/pet'
    steps: [{ stepId: s, operationId: listPets }]
`, { components: '  inputs:\n    pet: { type: object }' }),
  },
];

describeRuleCases(cases);

describe('rules off by default (issue 4 --rule)', () => {
  it('info-summary-missing and workflow-summary-missing are not reported unless turned on', async () => {
    const codes = (await lintText(withInfo('info: { title: t, version: "1" }'))).map((d) => d.code);
    expect(codes).not.toContain('info-summary-missing');
    expect(codes).not.toContain('workflow-summary-missing');
  });
});

describe('extension-reserved-prefix — data is not checked', () => {
  it('a payload key that looks like a reserved extension is left alone', async () => {
    const text = document(`
  - workflowId: w
    steps:
      - stepId: create
        operationId: createPet
        requestBody: { payload: { x-arazzo-id: 1 } }
`);
    expect((await lintText(text)).filter((d) => d.code === 'extension-reserved-prefix')).toEqual([]);
  });
});
