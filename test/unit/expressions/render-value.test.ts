import { describe, expect, it } from 'vitest';
import type { RuntimeExpression } from '../../../src/expressions/ast.js';
import { compileValue } from '../../../src/expressions/compile-value.js';
import { renderValue, stringifyForTemplate } from '../../../src/expressions/evaluate-expression.js';
import type { ExpressionScope } from '../../../src/expressions/scope.js';

const scope: ExpressionScope = {
  inputs: { count: 3, apiToken: 'secret', obj: { a: 1 }, list: [1, 'x'], nothing: null, yes: true },
  steps: { login: { token: 'tok' } },
  workflows: {},
  sourceDescriptions: {},
};

function render(value: unknown) {
  const misses: Array<[string, string]> = [];
  const { template, problems } = compileValue(value);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const rendered = renderValue(template, scope, (expression: RuntimeExpression, reason) => misses.push([expression.text, reason]));
  return { rendered, misses: misses.map(([text]) => text) };
}

describe('Rendering compiled values (Arazzo 1.0.1 §Runtime Expressions: "preserve the type")', () => {
  it('a whole expression keeps its type', () => {
    expect(render('$inputs.count').rendered).toBe(3);
    expect(render('$inputs.yes').rendered).toBe(true);
    expect(render('$inputs.obj').rendered).toEqual({ a: 1 });
    expect(render('$inputs.nothing').rendered).toBeNull();
  });

  it('a missing whole expression renders as undefined and is reported', () => {
    expect(render('$inputs.cpu')).toEqual({ rendered: undefined, misses: ['$inputs.cpu'] });
  });

  it('templates stringify scalars and JSON-encode objects (checklist §16.2)', () => {
    expect(render('n={$inputs.count}&ok={$inputs.yes}').rendered).toBe('n=3&ok=true');
    expect(render('id={$inputs.obj}').rendered).toBe('id={"a":1}');
    expect(render('l={$inputs.list}').rendered).toBe('l=[1,"x"]');
    expect(render('Bearer $inputs.apiToken').rendered).toBe('Bearer secret');
    expect(render('Bearer {$steps.login.outputs.token}').rendered).toBe('Bearer tok');
  });

  it('a missing template part renders as "" and is reported', () => {
    expect(render('id={$inputs.cpu}!')).toEqual({ rendered: 'id=!', misses: ['$inputs.cpu'] });
  });

  it('literal look-alikes are sent verbatim (checklist §16.3/§16.4)', () => {
    expect(render({ expression: '$.items[*]', price: 'US$5' }).rendered).toEqual({ expression: '$.items[*]', price: 'US$5' });
  });

  it('object entries that render to undefined are omitted, never null or "undefined"', () => {
    const { rendered, misses } = render({ name: 'x', cpu: '$inputs.cpu', count: '$inputs.count', none: '$inputs.nothing' });
    expect(rendered).toEqual({ name: 'x', count: 3, none: null });
    expect(Object.hasOwn(rendered as object, 'cpu')).toBe(false);
    expect(misses).toEqual(['$inputs.cpu']);
  });

  it('undefined array items become null, keeping positions', () => {
    expect(render(['$inputs.cpu', '$inputs.count']).rendered).toEqual([null, 3]);
  });

  it('renders nested containers into fresh objects each time', () => {
    const { template } = compileValue({ a: { b: ['$inputs.count'] } });
    const first = renderValue(template, scope) as { a: { b: unknown[] } };
    first.a.b.push('mutated');
    expect(renderValue(template, scope)).toEqual({ a: { b: [3] } });
  });

  it('keeps a "__proto__" key as an own data property', () => {
    const rendered = render(JSON.parse('{"__proto__": {"polluted": "$inputs.count"}}')).rendered as Record<string, unknown>;
    expect(Object.hasOwn(rendered, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
    expect((rendered as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('stringifyForTemplate (checklist §16.2)', () => {
  it.each([
    ['s', 's'],
    [5, '5'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
    [{ a: [1] }, '{"a":[1]}'],
    [10n, '10'],
  ])('%s → %j', (input, expected) => {
    expect(stringifyForTemplate(input)).toBe(expected);
  });

  it('does not throw on values JSON cannot encode', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(typeof stringifyForTemplate(cyclic)).toBe('string');
    expect(typeof stringifyForTemplate({ big: 1n })).toBe('string');
  });
});
