// Issue 10 item 9, run side: the 1.0.x forms lint now accepts run as their authors meant, against
// a loopback server. Spec: Runtime Expressions (`"$steps." name`, name = *CHAR), Step Object outputs.
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { runDocument } from './support/run-document.js';

const header = (version = '1.0.1'): string => `arazzo: ${version}
info: { title: public forms, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
`;

describe('issue 10 item 9 at run time', () => {
  it('a stepId with spaces is read by $steps.get pet.outputs.name, whole and embedded', async () => {
    const api = await startApi({ 'GET /pets': json([{ name: 'Rex' }]), 'GET /pets/{petId}': json({ id: 'x' }) });
    const { result } = await runDocument(`${header()}
  - workflowId: w
    steps:
      - stepId: get pet
        operationId: findPets
        outputs: { name: $response.body#/0/name }
      - stepId: by name
        operationId: getPet
        parameters: [{ name: petId, in: path, value: "{$steps.get pet.outputs.name}" }]
    outputs: { name: $steps.get pet.outputs.name }
`, { api });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ name: 'Rex' });
    expect(api.calls('GET /pets/{petId}').map((r) => r.path)).toEqual(['/pets/Rex']);
  });

  it('$steps.<workflowStep>.outputs.x reads the child workflow\'s output when the step declares no outputs', async () => {
    const api = await startApi({ 'GET /pets': json([{ name: 'Rex' }]) });
    const { result, loaded } = await runDocument(`${header()}
  - workflowId: main
    steps:
      - stepId: call
        workflowId: child
    outputs: { name: $steps.call.outputs.name }
  - workflowId: child
    steps:
      - stepId: list
        operationId: findPets
        outputs: { name: $response.body#/0/name }
    outputs: { name: $steps.list.outputs.name }
`, { api, workflowId: 'main' });
    expect(loaded.warnings.map((w) => w.code)).toContain('step-output-from-child');
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ name: 'Rex' });
  });

  it('$steps.x.outputs is the whole map; $steps.x.name in a 1.0.0 document reads output name', async () => {
    const api = await startApi({ 'GET /pets': json([{ name: 'Rex', id: 7 }]) });
    const { result, loaded } = await runDocument(`${header('1.0.0')}
  - workflowId: w
    steps:
      - stepId: list
        operationId: findPets
        outputs: { name: $response.body#/0/name, id: $response.body#/0/id }
    outputs:
      all: $steps.list.outputs
      name: $steps.list.name
`, { api });
    expect(loaded.warnings.map((w) => w.code)).toContain('expression-steps-missing-outputs');
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ all: { name: 'Rex', id: 7 }, name: 'Rex' });
  });
});
