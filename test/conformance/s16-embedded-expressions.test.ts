/** Spec §Runtime Expressions, "Expressions can be embedded into string values"; checklist section 16. */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

const declared = `    inputs:
      type: object
      properties: { token: { type: string }, obj: { type: object }, a: { type: string }, b: { type: string }, n: { type: integer }, missing: { type: string }, path: { type: string } }
`;
const inputs = { token: 'tk', obj: { k: [1, 'x'] }, a: 'A', b: 'B', n: 5, path: '/pets' };

describe('16.1 embedded {…} in strings; a string that is exactly one expression keeps its type', () => {
  it('"Bearer {$inputs.token}" and value: $inputs.n', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
${declared}    steps:
      - stepId: s
        operationId: placeOrder
        parameters: [{ name: Authorization, in: header, value: 'Bearer {$inputs.token}' }]
        requestBody: { contentType: application/json, payload: { n: $inputs.n, text: 'n={$inputs.n}' } }
`), { api, inputs });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer tk');
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ n: 5, text: 'n=5' });
  });
});

describe('16.2 embedded objects become JSON text; a missing value becomes "" with a warning (decision)', () => {
  it('"id={$inputs.obj}" → JSON text; "id={$inputs.missing}" → "id=" + expression-unresolved', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
${declared}    steps:
      - stepId: s
        operationId: echo
        parameters:
          - { name: q, in: query, value: 'id={$inputs.obj}' }
          - { name: X-Request-Id, in: header, value: 'id={$inputs.missing}' }
`), { api, inputs });
    expect(api.requests[0]?.query.get('q')).toBe('id={"k":[1,"x"]}');
    expect(api.requests[0]?.headers['x-request-id']).toBe('id=');
    expect(codes(result.warnings)).toContain('expression-unresolved');
  });
});

describe('16.3 a bare $… inside longer text (project decision): substituted only when it parses with a known source', () => {
  it('"Bearer $inputs.token" is substituted; "$.items[*]" and "US$5" are sent verbatim', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
${declared}    steps:
      - stepId: s
        operationId: placeOrder
        parameters: [{ name: Authorization, in: header, value: Bearer $inputs.token }]
        requestBody: { contentType: application/json, payload: { expression: '$.items[*]', price: 'US$5', mixed: 'see $.a and $5' } }
`), { api, inputs });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer tk');
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ expression: '$.items[*]', price: 'US$5', mixed: 'see $.a and $5' });
  });
});

describe('16.4 no escape syntax (decision): a whole-value string is an expression only if it parses as one', () => {
  it('payload leaf $.items[*] is sent verbatim', async () => {
    const api = await startApi({ 'POST /orders': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: s, operationId: placeOrder, requestBody: { contentType: application/json, payload: { q: '$.items[*]', d: '$5' } } }
`), { api });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ q: '$.items[*]', d: '$5' });
  });
});

describe('16.5 brace boundaries (decision): an embedded expression ends at the first }', () => {
  it('"{$inputs.a}-{$inputs.b}" is two expressions', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    await runDocument(arazzo(`
  - workflowId: w
${declared}    steps:
      - { stepId: s, operationId: echo, parameters: [{ name: q, in: query, value: '{$inputs.a}-{$inputs.b}' }] }
`), { api, inputs });
    expect(api.requests[0]?.query.get('q')).toBe('A-B');
  });
});

describe('16.7 embedding works everywhere a value can hold expressions', () => {
  it('parameters, payload strings and leaves, replacement values, outputs, criteria conditions and contexts, operationPath', async () => {
    const api = await startApi({ 'POST /orders': json({ id: 'o-A' }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
${declared}    steps:
      - stepId: s
        operationPath: '{$sourceDescriptions.api.url}#/paths/~1orders/post'
        parameters: [{ name: X-Trace, in: header, value: 't-{$inputs.a}' }]
        requestBody:
          contentType: application/json
          payload: { leaf: 'leaf-{$inputs.b}', n: 0 }
          replacements: [{ target: /n, value: 'n-{$inputs.n}' }]
        successCriteria:
          - { context: $response.body#/id, type: regex, condition: '^o-{$inputs.a}$' }
          - { context: $response.body, type: jsonpath, condition: "$[?@ == 'o-{$inputs.a}']" }
        outputs: { summary: '{$statusCode}:{$response.body#/id}' }
`), { api, inputs });
    expect(api.requests[0]?.headers['x-trace']).toBe('t-A');
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ leaf: 'leaf-B', n: 'n-5' });
    expect(stepOf(result, 's')).toMatchObject({ status: 'succeeded', outputs: { summary: '200:o-A' } });
  });
});

describe('16.7 (decision) simple conditions take expressions as typed operands; {$…} inside a quoted literal is not evaluated', () => {
  it("$response.body#/id == 'o-{$inputs.a}' gets condition-literal-embedded", async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
${declared}    steps:
      - { stepId: s, operationId: echo, successCriteria: [{ condition: "$response.body#/id == 'o-{$inputs.a}'" }] }
`));
    expect(loaded.warnings.find((w) => w.code === 'condition-literal-embedded')?.pointer).toBe('/workflows/0/steps/0/successCriteria/0/condition');
  });
});
