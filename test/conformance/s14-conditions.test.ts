/** Spec §Criterion Object, simple conditions; checklist section 14 (literals, operators, navigation, comparison rules). */
import { describe, expect, it } from 'vitest';
import { json, startApi, type Reply } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

/** Does `condition` pass on a GET /echo answered with `reply`? */
async function holds(condition: string, reply: Reply = json({})): Promise<boolean> {
  const api = await startApi({ 'GET /echo': reply });
  const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: echo
        parameters: [{ name: q, in: query, value: hello }]
        successCriteria: [{ condition: ${JSON.stringify(condition)} }]
`), { api });
  return stepOf(result, 's').status === 'succeeded';
}

describe('14.1 literals: true/false, null, JSON numbers, single-quoted strings with \'\' escapes', () => {
  const body = json({ name: "O'Brien", n: 1000, neg: -2.5, flag: false, none: null });
  it.each([
    "$response.body#/name == 'O''Brien'",
    '$response.body#/n == 1e3',
    '$response.body#/neg == -2.5',
    '$response.body#/flag == false',
    '$response.body#/none == null',
  ])('%s', async (condition) => {
    expect(await holds(condition, body)).toBe(true);
  });
});

describe('14.3 operators <, <=, >, >=, ==, !=, !, &&, ||, () (decision: ! > comparison > && > ||)', () => {
  it.each([
    ['!($statusCode == 500) && $statusCode < 300', true],
    ['$statusCode == 500 || $statusCode == 200 && $response.body#/a == 1', true],
    ['($statusCode == 500 || $statusCode == 200) && $response.body#/a == 2', false],
    ['$statusCode >= 200 && $statusCode <= 200 && $statusCode > 199 && $statusCode != 201', true],
    ['!$response.body#/a', false],
  ])('%s → %s', async (condition, expected) => {
    expect(await holds(condition, json({ a: 1 }))).toBe(expected);
  });
});

describe('14.4 . and [] navigate into a runtime expression\'s value', () => {
  it('$response.body.items[0].id and $steps.s.outputs.list[1]', async () => {
    expect(await holds('$response.body.items[0].id == 7', json({ items: [{ id: 7 }] }))).toBe(true);
    const api = await startApi({ 'GET /echo': json({ list: [1, 3] }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: s, operationId: echo, outputs: { list: $response.body#/list } }
      - { stepId: t, operationId: echo, successCriteria: [{ condition: '$steps.s.outputs.list[1] == 3' }] }
`), { api });
    expect(stepOf(result, 't').status).toBe('succeeded');
  });
});

describe('14.5 string comparisons are case-insensitive', () => {
  it("'AVAILABLE' == 'available'; a body value against a literal", async () => {
    expect(await holds("'AVAILABLE' == 'available'")).toBe(true);
    expect(await holds("$response.body#/status == 'SOLD'", json({ status: 'sold' }))).toBe(true);
    expect(await holds("$response.body#/status != 'Sold'", json({ status: 'sold' }))).toBe(false);
  });
});

describe('14.6 loose comparison: numeric strings against numbers; null equals only null; relational with null is false', () => {
  it.each([
    ['$response.header.X-Rate-Limit > 5', true],
    ["$response.header.X-Rate-Limit == 10", true],
    ['$response.body#/missing == null', true],
    ['$response.body#/zero == null', false],
    ['$response.body#/missing < 5', false],
    ['$response.body#/missing >= 0', false],
  ])('%s → %s', async (condition, expected) => {
    expect(await holds(condition, json({ zero: 0 }, 200, { 'X-Rate-Limit': '10' }))).toBe(expected);
  });
});

describe('14.7 a bare operand is a truthy test', () => {
  it('$response.body#/done and !$response.body#/error', async () => {
    expect(await holds('$response.body#/done', json({ done: true }))).toBe(true);
    expect(await holds('$response.body#/done', json({ done: false }))).toBe(false);
    expect(await holds('!$response.body#/error', json({ done: true }))).toBe(true);
  });
});

describe('14.8 conditions are never evaluated as code', () => {
  it('$statusCode == 200 || (function(){})() is a parse error; nothing runs', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: s
        operationId: echo
        successCriteria: [{ condition: '$statusCode == 200 || (function(){})()' }]
`));
    expect(codes(loaded.errors).some((c) => c.startsWith('condition-') || c.startsWith('criterion-') || c.startsWith('expression-'))).toBe(true);
  });
});
