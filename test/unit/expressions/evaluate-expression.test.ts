import { describe, expect, it } from 'vitest';
import type { RuntimeExpression } from '../../../src/expressions/ast.js';
import { evaluateExpression } from '../../../src/expressions/evaluate-expression.js';
import { parseExpression } from '../../../src/expressions/parse-expression.js';
import type { Evaluation, ExpressionScope } from '../../../src/expressions/scope.js';

const scope: ExpressionScope = {
  inputs: { username: 'ann', count: 3, customer: { uri: 'https://x/c/1', name: 'Ann' }, 'a.b': 'exact', a: { b: 'nested' }, flag: false },
  steps: {
    find: { pets: [{ id: 7 }, { id: 8 }], 'page.next': 'p2', token: 'tok' },
    empty: {},
  },
  outputs: { bar: { name: 'B' } },
  workflows: { foo: { inputs: { username: 'bob' }, outputs: { mappedResponse: { name: 'M' } } }, noOutputs: { inputs: {} } },
  sourceDescriptions: { petstore: { name: 'petstore', url: 'https://example.com/openapi.yaml', type: 'openapi' }, bare: { name: 'bare', url: 'u' } },
  components: { parameters: { page: { name: 'page', in: 'query', value: 1 } } },
  request: {
    url: 'https://api.example.com/pets?limit=2',
    method: 'POST',
    headers: { accept: 'application/json', 'x-request-id': 'r1' },
    query: { limit: '2' },
    path: { id: 42 },
    body: { user: { uuid: 'u-1' } },
  },
  response: {
    statusCode: 200,
    headers: { server: 'nginx', 'x-rate-limit': '10' },
    body: { status: 'ok', items: [{ id: 1 }], 'a/b': { '~': 'tilde' }, zero: 0, none: null },
  },
};

function evaluate(text: string, where: ExpressionScope = scope): Evaluation {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.code}`);
  return evaluateExpression(parsed.expression, where);
}

const value = (text: string, where?: ExpressionScope): unknown => {
  const result = evaluate(text, where);
  if (!result.found) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};

const reason = (text: string, where?: ExpressionScope): string => {
  const result = evaluate(text, where);
  if (result.found) throw new Error(`${text} was found`);
  return result.reason;
};

describe('Evaluating runtime expressions (Arazzo 1.0.1 §Runtime Expressions, examples table)', () => {
  it.each([
    ['$method', 'POST'],
    ['$url', 'https://api.example.com/pets?limit=2'],
    ['$request.header.accept', 'application/json'],
    ['$request.path.id', 42],
    ['$request.query.limit', '2'],
    ['$request.body#/user/uuid', 'u-1'],
    ['$response.body#/status', 'ok'],
    ['$response.header.Server', 'nginx'],
    ['$inputs.username', 'ann'],
    ['$workflows.foo.inputs.username', 'bob'],
    ['$steps.find.outputs.pets#/0/id', 7],
    ['$outputs.bar#/name', 'B'],
    ['$workflows.foo.outputs.mappedResponse#/name', 'M'],
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it('$statusCode is a number (checklist §15.2) and values keep their type (§15.14)', () => {
    expect(value('$statusCode')).toBe(200);
    expect(value('$inputs.count')).toBe(3);
    expect(value('$inputs.flag')).toBe(false);
    expect(value('$response.body#/zero')).toBe(0);
    expect(value('$response.body#/none')).toBeNull();
    expect(value('$steps.find.outputs.pets')).toEqual([{ id: 7 }, { id: 8 }]);
  });

  it('whole bodies and escaped pointers (checklist §15.5)', () => {
    expect(value('$response.body')).toBe(scope.response?.body);
    expect(value('$response.body#/a~1b/~0')).toBe('tilde');
    expect(value('$request.body#')).toBe(scope.request?.body);
  });

  it('headers are case-insensitive (checklist §15.3)', () => {
    expect(value('$response.header.X-Rate-Limit')).toBe('10');
    expect(value('$response.header.x-RATE-limit')).toBe('10');
    expect(value('$request.header.X-Request-ID')).toBe('r1');
  });

  it('tolerates a header map that was not lower-cased', () => {
    const mixed: ExpressionScope = { ...scope, response: { statusCode: 200, headers: { 'X-Trace': 't' } } };
    expect(value('$response.header.x-trace', mixed)).toBe('t');
  });

  it('pointer into an input object (bnpl $inputs.customer#/uri, checklist §15.7)', () => {
    expect(value('$inputs.customer#/uri')).toBe('https://x/c/1');
  });

  it('$sourceDescriptions.<name>.url|type|name and $components (checklist §15.12-13)', () => {
    expect(value('$sourceDescriptions.petstore.url')).toBe('https://example.com/openapi.yaml');
    expect(value('$sourceDescriptions.petstore.type')).toBe('openapi');
    expect(value('$sourceDescriptions.petstore.name')).toBe('petstore');
    expect(value('$components.parameters.page')).toEqual({ name: 'page', in: 'query', value: 1 });
  });
});

describe('Dotted names (checklist §15 grammar gap: name = *CHAR)', () => {
  it('prefers the exact key, then the longest existing prefix', () => {
    expect(value('$inputs.a.b')).toBe('exact');
    expect(value('$inputs.customer.name')).toBe('Ann');
    expect(value('$steps.find.outputs.page.next')).toBe('p2');
    expect(value('$steps.find.outputs.pets.1.id')).toBe(8);
    expect(value('$workflows.foo.outputs.mappedResponse.name')).toBe('M');
  });

  it('reports a miss below an existing prefix', () => {
    expect(reason('$inputs.customer.phone')).toContain('customer');
  });
});

describe('Missing data is a value, never an exception or "" (checklist §15.15)', () => {
  const none: ExpressionScope = { inputs: {}, steps: {}, workflows: {}, sourceDescriptions: {} };

  it.each([
    ['$statusCode', none],
    ['$url', none],
    ['$method', none],
    ['$request.body', none],
    ['$response.header.server', none],
    ['$outputs.x', none],
    ['$components.parameters.page', none],
    ['$response.body#/nope', scope],
    ['$response.body#/items/1', scope],
    ['$response.header.missing', scope],
    ['$request.query.missing', scope],
    ['$response.query.limit', scope],
    ['$response.path.id', scope],
    ['$inputs.missing', scope],
    ['$steps.empty.outputs.x', scope],
    ['$steps.find.outputs.pets#/5', scope],
    ['$workflows.nope.inputs.x', scope],
    ['$workflows.noOutputs.outputs.x', scope],
    ['$sourceDescriptions.nope.url', scope],
    ['$sourceDescriptions.bare.type', scope],
    ['$sourceDescriptions.petstore.findPets', scope],
    ['$components.successActions.x', scope],
  ])('%s → found:false with a reason', (text, where) => {
    const result = evaluate(text, where);
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('names the step that has not run and the input that was not given', () => {
    expect(reason('$steps.pollBuild.outputs.state')).toContain('pollBuild');
    expect(reason('$inputs.cpu')).toContain('cpu');
  });

  it('a key whose value is undefined counts as missing', () => {
    expect(evaluate('$inputs.x', { ...none, inputs: { x: undefined } }).found).toBe(false);
  });

  it('never reaches prototypes through names, step ids or pointers', () => {
    for (const text of [
      '$inputs.constructor',
      '$inputs.__proto__',
      '$inputs.toString',
      '$inputs.customer.constructor',
      '$steps.constructor.outputs.x',
      '$steps.find.outputs.hasOwnProperty',
      '$workflows.__proto__.inputs.x',
      '$workflows.foo.inputs.constructor',
      '$sourceDescriptions.constructor.url',
      '$components.parameters.constructor',
      '$response.header.constructor',
      '$request.query.__proto__',
      '$response.body#/constructor/prototype',
      '$inputs.customer#/__proto__',
    ]) {
      expect(evaluate(text).found, text).toBe(false);
    }
  });

  it('never throws on a hand-built expression against an odd scope', () => {
    const odd = { inputs: null, steps: { s: null }, workflows: { w: 5 }, sourceDescriptions: null } as unknown as ExpressionScope;
    const expressions: RuntimeExpression[] = [
      { kind: 'inputs', name: 'a.b', text: '$inputs.a.b' },
      { kind: 'steps', stepId: 's', name: 'x', text: '$steps.s.outputs.x' },
      { kind: 'workflows', workflowId: 'w', field: 'inputs', name: 'x', text: '$workflows.w.inputs.x' },
      { kind: 'sourceDescriptions', name: 'a', member: 'url', text: '$sourceDescriptions.a.url' },
    ];
    for (const expression of expressions) expect(evaluateExpression(expression, odd).found).toBe(false);
  });
});
