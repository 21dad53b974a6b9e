/**
 * Arazzo 1.1.0 §Criterion Object "Condition Evaluation" and "Runtime Expressions in Conditions":
 * jsonpath passes on a non-empty nodelist and fails on an empty one; regex/jsonpath conditions
 * embed expressions in `{}`, substituted before the condition is evaluated; an evaluation error
 * (a context that does not resolve) fails the criterion instead of ending the run; criteria
 * combine with AND; `null` equals only itself.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { loadDocument, runDocument } from '../support/run-document.js';

const flow = (criteria: string): string => `arazzo: 1.1.0
info: { title: criteria, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    inputs: { type: object, properties: { wanted: { type: string }, pattern: { type: string } } }
    steps:
      - stepId: list
        operationId: findPets
        successCriteria:
${criteria}
`;

const run = async (criteria: string, inputs: Record<string, unknown> = {}) => {
  const api = await startApi({ 'GET /pets': json({ status: 'Available', items: [{ id: 'p1', status: 'sold' }, { id: 'p2', status: 'available' }], missing: null }) });
  return (await runDocument(flow(criteria), { api, inputs })).result;
};

describe('Arazzo 1.1.0 §Criterion Object: condition evaluation', () => {
  it('jsonpath: a non-empty nodelist passes, an empty one fails the step', async () => {
    expect((await run(`          - { context: $response.body, type: jsonpath, condition: '$.items[?@.status == "available"]' }`)).status).toBe('succeeded');
    const failed = await run(`          - { context: $response.body, type: jsonpath, condition: '$.items[?@.status == "lost"]' }`);
    expect(failed.status).toBe('failed');
    expect(failed.error?.stepId).toBe('list');
  });

  it('"Runtime Expressions in Conditions": {$inputs.x} is substituted into jsonpath and regex conditions first', async () => {
    expect((await run(`          - { context: $response.body, type: jsonpath, condition: '$.items[?@.status == "{$inputs.wanted}"]' }`, { wanted: 'sold' })).status).toBe('succeeded');
    expect((await run(`          - { context: $response.body, type: jsonpath, condition: '$.items[?@.status == "{$inputs.wanted}"]' }`, { wanted: 'gone' })).status).toBe('failed');
    expect((await run(`          - { context: $response.body#/status, type: regex, condition: '^({$inputs.pattern})$' }`, { pattern: 'Avail.*' })).status).toBe('succeeded');
    expect((await run(`          - { context: $response.body#/status, type: regex, condition: '^({$inputs.pattern})$' }`, { pattern: 'sold' })).status).toBe('failed');
  });

  it('an evaluation error (the context resolves to nothing) fails the criterion, and the run ends as a failed step, not an error', async () => {
    const result = await run(`          - { context: $response.body#/nothing/here, type: jsonpath, condition: '$.x' }`);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('step-failed');
  });

  it('criteria combine with AND; null equals only itself; string comparison is case-insensitive', async () => {
    expect((await run(`          - condition: $statusCode == 200\n          - condition: $response.body#/status == 'available'\n          - condition: $response.body#/missing == null`)).status).toBe('succeeded');
    expect((await run(`          - condition: $statusCode == 200\n          - condition: $response.body#/missing == 0`)).status).toBe('failed');
  });
});

describe('Arazzo 1.1.0 §Expression Type Object in a Criterion Object', () => {
  it('{type: jsonpath, version: rfc9535} is RFC 9535 (the default named); draft-goessner-dispatch-jsonpath-00 is the Goessner dialect', async () => {
    expect((await run(`          - { context: $response.body, type: { type: jsonpath, version: rfc9535 }, condition: '$.items[?@.status == "available"]' }`)).status).toBe('succeeded');
    expect((await run(`          - { context: $response.body, type: { type: jsonpath, version: rfc9535 }, condition: '$.items[?@.status == "lost"]' }`)).status).toBe('failed');
    expect((await run(`          - { context: $response.body, type: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 }, condition: "$.items[?(@.status == 'sold')]" }`)).status).toBe('succeeded');
  });

  it('xpath-31 is a known version (XPath refused at load, as every XPath criterion); jsonpointer is refused for a criterion; a 1.0.1 document keeps its own version list', async () => {
    const codes = async (version: string, type: string) => (await loadDocument(flow(`          - { context: $response.body, type: ${type}, condition: '$.x' }`).replace('arazzo: 1.1.0', `arazzo: ${version}`))).errors.map((e) => [e.code, e.pointer]);
    expect(await codes('1.1.0', '{ type: xpath, version: xpath-31 }')).toEqual([['criterion-xpath-unsupported', '/workflows/0/steps/0/successCriteria/0/type']]);
    expect(await codes('1.1.0', '{ type: jsonpointer, version: rfc6901 }')).toEqual(expect.arrayContaining([['criterion-invalid-type', '/workflows/0/steps/0/successCriteria/0/type']]));
    expect(await codes('1.0.1', '{ type: jsonpath, version: rfc9535 }')).toEqual(expect.arrayContaining([['criterion-invalid-version', '/workflows/0/steps/0/successCriteria/0/type']]));
  });
});
