import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../../src/criteria/evaluate-condition.js';
import { parseCondition } from '../../../src/criteria/parse-condition.js';
import type { ExpressionScope } from '../../../src/expressions/scope.js';
import { makeScope } from './make-scope.js';

const scope = makeScope(
  {
    statusCode: 200,
    headers: { 'x-rate-limit': '10', 'x-flag': 'TRUE', 'x-name': 'Available' },
    body: { done: true, error: null, count: 0, name: "O'Brien", items: [{ id: 7, tags: ['a'] }], empty: '', nested: { a: [1, 'X'] } },
  },
  { inputs: { min: 5, list: [1, 2], obj: { k: 'v' } }, steps: { s: { list: [3, 4] } } },
);

function run(text: string, where: ExpressionScope = scope, context?: unknown): boolean {
  const parsed = parseCondition(text, { contextPaths: context !== undefined });
  if (!parsed.ok) throw new Error(`${parsed.problem.code} at ${parsed.problem.offset}`);
  const result = evaluateCondition(parsed.ast, where, context);
  if ('error' in result) throw new Error(result.error);
  return result.value;
}

describe('Criterion Object › simple conditions: literals and operators (checklist 14.1, 14.3)', () => {
  it.each([
    ['$statusCode == 200', true],
    ['$statusCode != 200', false],
    ['$statusCode < 300', true],
    ['$statusCode <= 200', true],
    ['$statusCode > 200', false],
    ['$statusCode >= 201', false],
    ['!($statusCode == 500) && $statusCode < 300', true],
    ['!($statusCode == 200) && $statusCode < 300', false],
    ['$statusCode == 404 || $statusCode == 200', true],
    ['true && false || true', true],
    ['true && (false || false)', false],
    ['!true == false', true],
    ['($statusCode == 200) == true', true],
    ['1.5e2 == 150', true],
  ])('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('&& and || short-circuit left to right', () => {
    expect(run('false && $response.body#/missing == 1')).toBe(false);
    expect(run('true || $response.body#/missing == 1')).toBe(true);
  });
});

describe('Criterion Object › string comparisons MUST be case insensitive (checklist 14.5)', () => {
  it.each([
    ["'AVAILABLE' == 'available'", true],
    ["'AVAILABLE' != 'available'", false],
    ["$response.header.x-name == 'available'", true],
    ["$response.body#/name == 'o''brien'", true],
    ["$response.body#/name == 'OBrien'", false],
    ["'apple' < 'BANANA'", true],
    ["'B' >= 'a'", true],
  ])('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });
});

describe('Criterion Object › loose comparison (checklist 14.6)', () => {
  it.each([
    ['$response.header.x-rate-limit > 5', true],
    ['$response.header.x-rate-limit == 10', true],
    ["$response.header.x-rate-limit == '10'", true],
    ["'10.0' == 10", true],
    ["' 7 ' < 8", true],
    ["'abc' == 0", false],
    ["'abc' < 1", false],
    ["'' == 0", false],
    ["'0x10' == 16", false],
    ["'10' > '5'", false],
    ['$response.header.x-flag == true', true],
    ["'false' == false", true],
    ["'yes' == true", false],
    ['1 == true', false],
  ])('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ['$response.body#/error == null', true],
    ['$response.body#/missing == null', true],
    ['$response.body#/missing != null', false],
    ['$response.body#/count == null', false],
    ["$response.body#/empty == null", false],
    ['null == false', false],
    ['null == 0', false],
    ['null == null', true],
    ['$response.body#/error < 1', false],
    ['$response.body#/error >= 1', false],
    ['$response.body#/missing <= 1', false],
    ['$response.body#/missing > 1', false],
    ['null <= null', false],
    ['true < false', false],
    ['$inputs.obj > 1', false],
  ])('null, missing and non-comparable values: %s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ['$inputs.list == $steps.s.outputs.list', false],
    ['$response.body#/nested == $response.body#/nested', true],
    ["$response.body#/items[0].tags[0] == 'A'", true],
    ['$inputs.obj == $response.body#/nested', false],
  ])('objects and arrays compare deeply: %s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('deep equality sees element values', () => {
    const where = makeScope(undefined, { inputs: { a: [1, 'X', { k: null }], b: [1, 'x', { k: null }], c: [1, 'x', { k: 0 }] } });
    expect(run('$inputs.a == $inputs.b', where)).toBe(true);
    expect(run('$inputs.a == $inputs.c', where)).toBe(false);
  });
});

describe('Criterion Object › bare operands are truthy tests (checklist 14.7)', () => {
  it.each([
    ['$response.body#/done', true],
    ['!$response.body#/done', false],
    ['$response.body#/error', false],
    ['$response.body#/missing', false],
    ['!$response.body#/missing', true],
    ['$response.body#/count', false],
    ['$response.body#/empty', false],
    ['$response.body#/name', true],
    ['$response.body#/items', true],
    ['$statusCode', true],
  ])('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('an unresolvable expression is missing, not an exception (15.15)', () => {
    expect(run('$response.body#/nope == null', makeScope())).toBe(true);
    expect(run('$steps.never.outputs.x == 1')).toBe(false);
  });
});

describe('Criterion Object › [] index and . property de-reference (checklist 14.4)', () => {
  it.each([
    ['$response.body#/items[0].id == 7', true],
    ['$response.body.items[0].id == 7', true],
    ["$response.body['items'][0]['id'] == 7", true],
    ['$response.body.items.0.id == 7', true],
    ['$response.body.items[1].id == null', true],
    ['$steps.s.outputs.list[0] == 3', true],
    ['$inputs.list[1] == 2', true],
    ["$inputs.obj.k == 'v'", true],
    ["$inputs.obj['k'] == 'v'", true],
    ['$response.body.items.length == 1', false],
    ['$response.body.name[0] == null', true],
    ['$response.body.items.constructor == null', true],
    ['$response.body.__proto__ == null', true],
  ])('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });
});

describe('Criterion Object › context paths over a context value (checklist 12.8)', () => {
  it('$.… paths read the given context', () => {
    const body = { state: 'ACTIVE', items: [{ id: 'x' }] };
    expect(run("$.state == 'active'", scope, body)).toBe(true);
    expect(run("$.items[0].id == 'X'", scope, body)).toBe(true);
    expect(run('$.missing != null', scope, body)).toBe(false);
    expect(run('$', scope, body)).toBe(true);
  });
});
