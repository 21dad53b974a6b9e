import { describe, expect, it } from 'vitest';
import type { RuntimeExpression } from '../../../src/expressions/ast.js';
import { compileValue } from '../../../src/expressions/compile-value.js';

const texts = (parts: ReadonlyArray<string | RuntimeExpression>) => parts.map((p) => (typeof p === 'string' ? p : `<${p.text}>`));

function templateParts(value: string, options?: { bareExpressions?: boolean }) {
  const { template, problems } = compileValue(value, options);
  if (template.kind !== 'template') throw new Error(`expected a template, got ${template.kind}`);
  return { parts: texts(template.parts), problems };
}

describe('Embedded expressions (Arazzo 1.0.1 §Runtime Expressions, last paragraph; checklist §16)', () => {
  it('a string that is exactly one expression compiles to an expression (keeps its type)', () => {
    const { template, problems } = compileValue('$inputs.count');
    expect(template).toEqual({ kind: 'expression', expression: { kind: 'inputs', name: 'count', text: '$inputs.count' } });
    expect(problems).toEqual([]);
  });

  it('"{$inputs.a}-{$inputs.b}" has two expression parts', () => {
    expect(templateParts('{$inputs.a}-{$inputs.b}')).toEqual({ parts: ['<$inputs.a>', '-', '<$inputs.b>'], problems: [] });
  });

  it('an embedded expression ends at the first "}"', () => {
    expect(templateParts('{$response.body#/a}b}').parts).toEqual(['<$response.body#/a>', 'b}']);
  });

  it('a "{" not followed by "$" is literal text', () => {
    expect(templateParts('{"id": {$inputs.id}, "x": "{a}"}').parts).toEqual(['{"id": ', '<$inputs.id>', ', "x": "{a}"}']);
    expect(compileValue('{a} {b}').template).toEqual({ kind: 'literal', value: '{a} {b}' });
  });

  it('"{$inputs.a}" alone is a one-part template (a string), not a typed expression', () => {
    expect(templateParts('{$inputs.a}').parts).toEqual(['<$inputs.a>']);
  });

  it('reports a missing "}" at the "{", and an unexpected character where it is', () => {
    const unclosed = compileValue('id={$inputs.a');
    expect(unclosed.template).toEqual({ kind: 'literal', value: 'id={$inputs.a' });
    expect(unclosed.problems).toEqual([expect.objectContaining({ code: 'expression-syntax', offset: 3, severity: 'error', path: [] })]);
    expect(compileValue('{$inputs.a b}').problems).toMatchObject([{ code: 'expression-syntax', offset: 10 }]);
  });

  it('reports a parse error inside braces at its offset in the string', () => {
    expect(compileValue('x {$respons.body}').problems).toMatchObject([{ code: 'expression-unknown-source', offset: 3 }]);
    expect(compileValue('x {$inputs.}').problems).toMatchObject([{ code: 'expression-empty-name', offset: 11 }]);
    expect(compileValue('x {$steps.s.id} y').problems).toMatchObject([
      { code: 'expression-steps-missing-outputs', offset: 12, fix: 'x {$steps.s.outputs.id} y' },
    ]);
  });

  it('a dot-body warning in a template carries a fix for the whole string', () => {
    const { parts, problems } = templateParts('id={$response.body.id}');
    expect(parts).toEqual(['id=', '<$response.body.id>']);
    expect(problems).toMatchObject([{ code: 'expression-dot-body', severity: 'warning', offset: 18, fix: 'id={$response.body#/id}' }]);
  });
});

describe('Bare expressions in text (project decision, checklist §16.3)', () => {
  it('"Bearer $inputs.apiToken" → expression part + warning with a braced fix', () => {
    const { parts, problems } = templateParts('Bearer $inputs.apiToken');
    expect(parts).toEqual(['Bearer ', '<$inputs.apiToken>']);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'expression-bare-in-string', severity: 'warning', offset: 7, fix: 'Bearer {$inputs.apiToken}', path: [] }),
    ]);
  });

  it('one warning per string, fixing every bare expression', () => {
    const { parts, problems } = templateParts('$inputs.a and $steps.s.outputs.b.');
    expect(parts).toEqual(['<$inputs.a>', ' and ', '<$steps.s.outputs.b>', '.']);
    expect(problems).toMatchObject([{ code: 'expression-bare-in-string', offset: 0, fix: '{$inputs.a} and {$steps.s.outputs.b}.' }]);
  });

  it.each(['$.items[*]', 'price is US$5', 'US$ 5', '$5', '$foo', 'costs $5.00', 'a$inputs.x', '$$inputs.x', '$', '$inputs'])(
    '%j stays literal with no problem',
    (value) => {
      expect(compileValue(value)).toEqual({ template: { kind: 'literal', value }, problems: [] });
    },
  );

  it('bareExpressions: false leaves bare tokens as text', () => {
    expect(compileValue('Bearer $inputs.apiToken', { bareExpressions: false })).toEqual({
      template: { kind: 'literal', value: 'Bearer $inputs.apiToken' },
      problems: [],
    });
    expect(templateParts('{$inputs.a} $inputs.b', { bareExpressions: false }).parts).toEqual(['<$inputs.a>', ' $inputs.b']);
  });

  it('a bare $steps without outputs reads that output, with a warning and a fix (issue 10 item 9)', () => {
    const { template, problems } = compileValue('Bearer $steps.login.token');
    expect(template).toMatchObject({ kind: 'template', parts: ['Bearer ', { kind: 'steps', stepId: 'login', name: 'token' }] });
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'expression-steps-missing-outputs', severity: 'warning', offset: 20, fix: 'Bearer $steps.login.outputs.token' }),
    ]));
  });
});

describe('Whole-string values that look like expressions (checklist §16.4)', () => {
  it('issue 10 item 10: a `$word.` with no such source ($faker, $dependencies) is sent as text, with a warning', () => {
    for (const text of ['$faker.name.firstName', '$dependencies.login.token']) {
      const { template, problems } = compileValue(text);
      expect(template).toEqual({ kind: 'literal', value: text });
      expect(problems).toMatchObject([{ code: 'expression-unknown-source', severity: 'warning', offset: 0 }]);
    }
    expect(compileValue('$.items[*]').problems).toEqual([]);
    expect(compileValue('$100').problems).toEqual([]);
  });

  it('a known source that fails to parse is an error', () => {
    expect(compileValue('$inputs.').problems).toMatchObject([{ code: 'expression-empty-name', offset: 8, severity: 'error' }]);
    expect(compileValue('$steps.x').problems).toMatchObject([{ code: 'expression-steps-missing-outputs', severity: 'error' }]);
    expect(compileValue('$steps.x').template).toEqual({ kind: 'literal', value: '$steps.x' });
  });

  it('$response.body.id as a whole value → expression + dot-body warning', () => {
    const { template, problems } = compileValue('$response.body.id');
    expect(template).toMatchObject({ kind: 'expression', expression: { source: { pointer: ['id'] } } });
    expect(problems).toMatchObject([{ code: 'expression-dot-body', fix: '$response.body#/id' }]);
  });

  it('a near miss of a known source stays text, with a warning offering the fix', () => {
    const { template, problems } = compileValue('$respons.body#/id');
    expect(template).toEqual({ kind: 'literal', value: '$respons.body#/id' });
    expect(problems).toMatchObject([{ code: 'expression-unknown-source', severity: 'warning', offset: 0, fix: '$response.body#/id' }]);
  });

  it('an expression followed by text becomes a bare template', () => {
    expect(templateParts('$inputs.a b').parts).toEqual(['<$inputs.a>', ' b']);
  });
});

describe('Compiling containers (checklist §16.7: parameters, payloads, outputs)', () => {
  it('compiles objects and arrays recursively; keys are never expressions', () => {
    const { template } = compileValue({ $inputs: '$inputs.a', list: [1, '$inputs.b', null] });
    expect(template).toEqual({
      kind: 'object',
      entries: [
        ['$inputs', { kind: 'expression', expression: { kind: 'inputs', name: 'a', text: '$inputs.a' } }],
        [
          'list',
          {
            kind: 'array',
            items: [
              { kind: 'literal', value: 1 },
              { kind: 'expression', expression: { kind: 'inputs', name: 'b', text: '$inputs.b' } },
              { kind: 'literal', value: null },
            ],
          },
        ],
      ],
    });
  });

  it('gives each problem the key path to its leaf', () => {
    const { problems } = compileValue({ a: [{ b: 'x {$inputs.' }], c: 'Bearer $inputs.t' });
    expect(problems).toMatchObject([
      { code: 'expression-empty-name', offset: 11, path: ['a', 0, 'b'] },
      { code: 'expression-bare-in-string', path: ['c'] },
    ]);
  });

  it('keeps a "__proto__" key as data', () => {
    const { template } = compileValue(JSON.parse('{"__proto__": "$inputs.a"}'));
    expect(template).toMatchObject({ kind: 'object', entries: [['__proto__', { kind: 'expression' }]] });
  });

  it('treats numbers, booleans, null and non-plain objects as literals', () => {
    const date = new Date(0);
    for (const value of [3, true, null, undefined, date]) expect(compileValue(value).template).toEqual({ kind: 'literal', value });
  });

  it('survives a cyclic value', () => {
    const cyclic: Record<string, unknown> = { a: '$inputs.a' };
    cyclic.self = cyclic;
    const { template } = compileValue(cyclic);
    expect(template).toMatchObject({ kind: 'object', entries: [['a', { kind: 'expression' }], ['self', { kind: 'literal' }]] });
  });
});
