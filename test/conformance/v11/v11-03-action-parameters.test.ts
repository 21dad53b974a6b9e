/**
 * Arazzo 1.1.0 §Success Action Object and §Failure Action Object: `parameters` of a goto/retry to a
 * workflowId become the target workflow's inputs, rendered in the step's scope.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { loadDocument, runDocument } from '../support/run-document.js';

const flow = (version: string, action: string): string => `arazzo: ${version}
info: { title: actions, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: first
    steps:
      - stepId: list
        operationId: findPets
        onSuccess:
${action}
  - workflowId: second
    inputs: { type: object, properties: { status: { type: string } } }
    steps:
      - stepId: again
        operationId: findPets
        parameters: [{ name: status, in: query, value: $inputs.status }]
        outputs: { n: $response.body#/0/n }
    outputs: { n: $steps.again.outputs.n, status: $inputs.status }
`;

const GOTO = `          - name: next
            type: goto
            workflowId: second
            parameters:
              - { name: status, value: $response.body#/0/next }`;

describe('Arazzo 1.1.0 §Success Action Object parameters', () => {
  it('a goto to a workflow passes its parameters as the target inputs (taken from the response)', async () => {
    const api = await startApi({ 'GET /pets': json([{ n: 1, next: 'sold' }]) });
    const { result } = await runDocument(flow('1.1.0', GOTO), { api, workflowId: 'first' });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.target)).toEqual(['/pets', '/pets?status=sold']);
  });

  it('parameters on an action without workflowId: action-parameters-without-workflow', async () => {
    const loaded = await loadDocument(flow('1.1.0', `          - name: next
            type: goto
            stepId: list
            parameters: [{ name: status, value: x }]`));
    expect(loaded.errors.map((d) => d.code)).toContain('action-parameters-without-workflow');
  });
});
