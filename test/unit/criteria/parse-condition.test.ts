import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../src/criteria/parse-condition.js';
import type { ConditionNode } from '../../../src/criteria/simple-condition.js';

function ast(text: string, contextPaths = false): ConditionNode {
  const parsed = parseCondition(text, { contextPaths });
  if (!parsed.ok) throw new Error(`${parsed.problem.code} at ${parsed.problem.offset}`);
  return parsed.ast;
}

function problem(text: string, contextPaths = false): { code: string; offset?: number } {
  const parsed = parseCondition(text, { contextPaths });
  if (parsed.ok) throw new Error(`expected a parse error for ${text}`);
  return { code: parsed.problem.code, offset: parsed.problem.offset };
}

describe('Criterion Object › Literals (checklist 14.1)', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['null', null],
    ['200', 200],
    ['-1.5e2', -150],
    ['0', 0],
    ["'ok'", 'ok'],
    ["'O''Brien'", "O'Brien"],
    ["''", ''],
  ])('%s is a literal', (text, value) => {
    expect(ast(text)).toEqual({ type: 'literal', value, offset: 0 });
  });

  it.each(['01', '1.', '-', '1x', "'open", 'truth', 'undefined', 'function'])('%s is a syntax error', (text) => {
    expect(problem(text).code).toBe('condition-syntax');
  });

  it('double-quoted strings parse with a warning and a single-quoted fix (14.2)', () => {
    const parsed = parseCondition('$statusCode == 200 && "a\'b" != "c"');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings.map((w) => [w.code, w.severity, w.offset])).toEqual([['condition-double-quoted-string', 'warning', 22]]);
    expect(parsed.warnings[0]?.fix).toBe("$statusCode == 200 && 'a''b' != 'c'");
  });

  it('single-quoted strings raise no warning', () => {
    const parsed = parseCondition("$statusCode == 'x'");
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });
});

describe('Criterion Object › Operators: precedence and grouping (checklist 14.3)', () => {
  it('|| binds looser than &&', () => {
    const node = ast('true || false && false');
    expect(node.type).toBe('or');
    if (node.type === 'or') expect(node.right.type).toBe('and');
  });

  it('&& binds looser than comparison', () => {
    const node = ast('1 == 1 && 2 < 3');
    expect(node.type).toBe('and');
    if (node.type === 'and') expect([node.left.type, node.right.type]).toEqual(['compare', 'compare']);
  });

  it('! binds tighter than comparison', () => {
    const node = ast('!true == false');
    expect(node.type).toBe('compare');
    if (node.type === 'compare') expect(node.left.type).toBe('not');
  });

  it('!($statusCode == 500) && $statusCode < 300 groups as intended', () => {
    const node = ast('!($statusCode == 500) && $statusCode < 300');
    expect(node.type).toBe('and');
    if (node.type !== 'and') return;
    expect(node.left.type).toBe('not');
    if (node.left.type === 'not') expect(node.left.operand.type).toBe('compare');
    expect(node.right).toMatchObject({ type: 'compare', operator: '<', offset: 25 });
  });

  it.each(['==', '!=', '<', '<=', '>', '>='])('parses %s', (operator) => {
    expect(ast(`$statusCode ${operator} 1`)).toMatchObject({ type: 'compare', operator });
  });

  it('operators need no surrounding spaces', () => {
    expect(ast('$statusCode==200&&$statusCode<=299')).toMatchObject({ type: 'and', right: { operator: '<=' } });
  });

  it('a chained comparison is an error at the second operator', () => {
    expect(problem('$statusCode == 200 == true')).toEqual({ code: 'condition-chained-comparison', offset: 19 });
    expect(problem('1 < 2 < 3').code).toBe('condition-chained-comparison');
  });

  it('a parenthesised comparison may be compared', () => {
    expect(ast('($statusCode == 200) == true').type).toBe('compare');
  });

  it.each([
    ['(true', 5],
    ['true)', 4],
    ['== 1', 0],
    ['1 ==', 4],
    ['$statusCode = 200', 12],
    ['$statusCode == 200 & true', 19],
    ['', 0],
  ])('%j is a syntax error at %i', (text, offset) => {
    expect(problem(text)).toEqual({ code: 'condition-syntax', offset });
  });

  it('nothing executable gets through (14.8)', () => {
    expect(problem('$statusCode == 200 || (function(){})()')).toEqual({ code: 'condition-syntax', offset: 23 });
    expect(problem("$statusCode == 200 || constructor('x')").code).toBe('condition-syntax');
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(problem('('.repeat(5000) + 'true' + ')'.repeat(5000)).code).toBe('condition-syntax');
    expect(problem('!'.repeat(5000) + 'true').code).toBe('condition-syntax');
  });

  it('a malformed runtime expression reports the expression problem', () => {
    expect(problem('$respons.body == 1').code).toBe('expression-unknown-source');
  });
});

describe('Criterion Object › Operators: [] index and . property (checklist 14.4)', () => {
  it('$response.body#/items[0].id: pointer, then index and property steps', () => {
    const node = ast('$response.body#/items[0].id == 7');
    expect(node).toMatchObject({
      type: 'compare',
      left: {
        type: 'expression',
        expression: { kind: 'response', source: { kind: 'body', pointer: ['items'] } },
        steps: [
          { kind: 'index', index: 0, offset: 21 },
          { kind: 'property', name: 'id', offset: 24 },
        ],
      },
    });
  });

  it('$response.body.items[0].id: navigation straight after body', () => {
    expect(ast('$response.body.items[0].id')).toMatchObject({
      type: 'expression',
      expression: { source: { kind: 'body' } },
      steps: [{ name: 'items' }, { index: 0 }, { name: 'id' }],
    });
  });

  it("['key'] is a property step", () => {
    expect(ast("$steps.s.outputs.list[0]['a b']")).toMatchObject({
      expression: { kind: 'steps', stepId: 's', name: 'list' },
      steps: [{ kind: 'index', index: 0 }, { kind: 'property', name: 'a b' }],
    });
  });

  it.each(['$response.body[-1]', '$response.body[1.5]', '$response.body[true]', '$response.body[0', '$response.body.'])(
    '%s is a syntax error',
    (text) => {
      expect(problem(text).code).toBe('condition-syntax');
    },
  );

  it('navigation only follows an operand', () => {
    expect(problem("'a'.length").code).toBe('condition-syntax');
    expect(problem('(true).x').code).toBe('condition-syntax');
  });
});

describe('Criterion Object › JSONPath-style context paths (checklist 12.8)', () => {
  it('$.state is a context path only when enabled', () => {
    expect(ast('$.state == "x"', true)).toMatchObject({ left: { type: 'contextPath', steps: [{ name: 'state' }] } });
    expect(parseCondition('$.state == "x"').ok).toBe(false);
  });

  it('$.items[0].id and bare $', () => {
    expect(ast('$.items[0].id', true)).toMatchObject({ type: 'contextPath', steps: [{ name: 'items' }, { index: 0 }, { name: 'id' }] });
    expect(ast('$ != null', true)).toMatchObject({ left: { type: 'contextPath', steps: [] } });
  });

  it('runtime expressions still parse next to context paths', () => {
    expect(ast('$.count >= $inputs.min', true)).toMatchObject({ right: { type: 'expression', expression: { kind: 'inputs', name: 'min' } } });
  });
});
