/**
 * Arazzo 1.1.0 §Step Object dependsOn and "Tools supporting only sequential execution MUST execute
 * steps in an order that satisfies both explicit (dependsOn) and implicit (output reference)
 * dependencies": this runner runs steps in document order, so a dependency must come first.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { loadDocument, runDocument } from '../support/run-document.js';

const flow = (steps: string): string => `arazzo: 1.1.0
info: { title: depends, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
${steps}
`;

describe('Arazzo 1.1.0 §Step Object dependsOn (sequential execution)', () => {
  it('a dependency on an earlier step runs in document order', async () => {
    const api = await startApi({ 'GET /pets': json([]), 'POST /pets': json({}, 201) });
    const { result } = await runDocument(flow(`      - { stepId: a, operationId: findPets }
      - { stepId: b, operationId: createPet, dependsOn: [a] }`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('a dependency on a later step, on itself or on no step is an error at its place; another workflow step is a warning', async () => {
    const loaded = await loadDocument(flow(`      - { stepId: a, operationId: findPets, dependsOn: [b] }
      - { stepId: b, operationId: createPet, dependsOn: [b, nope] }
      - { stepId: c, operationId: findPets, dependsOn: [$workflows.other.steps.x] }`));
    const found = [...loaded.errors, ...loaded.diagnostics.filter((d) => d.severity === 'warning')].map((d) => [d.code, d.pointer]);
    expect(found).toEqual(expect.arrayContaining([
      ['step-depends-on-order', '/workflows/0/steps/0/dependsOn/0'],
      ['step-depends-on-order', '/workflows/0/steps/1/dependsOn/0'],
      ['step-depends-on-unknown', '/workflows/0/steps/1/dependsOn/1'],
      ['step-depends-on-external', '/workflows/0/steps/2/dependsOn/0'],
    ]));
  });
});
