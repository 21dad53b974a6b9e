/**
 * Arazzo 1.1.0 §Criterion Object "Condition Evaluation" and "Runtime Expressions in Conditions":
 * jsonpath passes on a non-empty nodelist and fails on an empty one; regex/jsonpath conditions
 * embed expressions in `{}`, substituted before the condition is evaluated; an evaluation error
 * (a context that does not resolve) fails the criterion instead of ending the run; criteria
 * combine with AND; `null` equals only itself.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { runDocument } from '../support/run-document.js';

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
