/**
 * Arazzo 1.1.0 §Runtime Expressions, the rewritten ABNF with strict identifiers: `step-id =
 * identifier-strict` ([A-Za-z0-9_-]+) and `steps-reference = step-id ".outputs." output-name`.
 * The version selects the grammar: a 1.0.x document keeps 1.0's readings (`name = *CHAR`: a stepId
 * with spaces, `$steps.<id>.outputs` as the whole map); in a 1.1 document the first is an error at
 * its place and the second a warning (the 1.1 schema's own pass documents use it as a Selector
 * Object context: schema-tests/pass/payload-replacement-using-selector.arazzo.yaml).
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { loadDocument, runDocument } from '../support/run-document.js';

const flow = (version: string, read: string, condition = '$statusCode == 200'): string => `arazzo: ${version}
info: { title: grammar, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list pets
        operationId: findPets
        outputs: { first: $response.body#/0 }
      - stepId: again
        operationId: findPets
        successCriteria: [ { condition: "${condition}" } ]
    outputs: { read: ${read} }
`;

const errorsOf = async (text: string) => (await loadDocument(text)).errors.map((e) => [e.code, e.pointer]);

describe('Arazzo 1.1.0 §Runtime Expressions: the grammar follows the document version', () => {
  it('a stepId with a space in an expression: read in 1.0.1, an error at its place in 1.1.0', async () => {
    expect(await errorsOf(flow('1.0.1', '$steps.list pets.outputs.first'))).toEqual([]);
    expect(await errorsOf(flow('1.1.0', '$steps.list pets.outputs.first'))).toEqual([['expression-syntax', '/workflows/0/outputs/read']]);
  });

  it('$steps.<id>.outputs (the whole map): read in 1.0.1; in 1.1.0 read too, with a warning at its place — in a value and in a condition', async () => {
    const whole = (version: string): string => flow(version, '$steps.listPets.outputs', '$steps.listPets.outputs != null').replace('stepId: list pets', 'stepId: listPets');
    const warned = async (version: string) => (await loadDocument(whole(version))).warnings.filter((w) => w.code === 'expression-steps-missing-outputs').map((w) => w.pointer);
    expect(await errorsOf(whole('1.0.1'))).toEqual([]);
    expect(await warned('1.0.1')).toEqual([]);
    expect(await errorsOf(whole('1.1.0'))).toEqual([]);
    expect(await warned('1.1.0')).toEqual(['/workflows/0/steps/1/successCriteria/0', '/workflows/0/outputs/read']);
  });

  it('a 1.1.0 document in the strict grammar runs', async () => {
    const api = await startApi({ 'GET /pets': json([{ name: 'Rex' }]) });
    const text = flow('1.1.0', '$steps.list_pets.outputs.first').replace('stepId: list pets', 'stepId: list_pets');
    const { result } = await runDocument(text, { api });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ read: { name: 'Rex' } });
  });
});
