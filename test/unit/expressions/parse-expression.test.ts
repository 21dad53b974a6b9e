import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/expressions/parse-expression.js';

function parsed(text: string) {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`${text}: ${result.problem.code} at ${result.problem.offset}`);
  return result;
}

function problem(text: string) {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return result.problem;
}

describe('Runtime Expressions (Arazzo 1.0.1 §Runtime Expressions, examples table)', () => {
  it.each([
    ['$method', { kind: 'method' }],
    ['$request.header.accept', { kind: 'request', source: { kind: 'header', name: 'accept' } }],
    ['$request.path.id', { kind: 'request', source: { kind: 'path', name: 'id' } }],
    ['$request.body#/user/uuid', { kind: 'request', source: { kind: 'body', pointer: ['user', 'uuid'] } }],
    ['$url', { kind: 'url' }],
    ['$response.body#/status', { kind: 'response', source: { kind: 'body', pointer: ['status'] } }],
    ['$response.header.Server', { kind: 'response', source: { kind: 'header', name: 'Server' } }],
    ['$inputs.username', { kind: 'inputs', name: 'username' }],
    ['$workflows.foo.inputs.username', { kind: 'workflows', workflowId: 'foo', field: 'inputs', name: 'username' }],
    ['$steps.someStepId.outputs.pets', { kind: 'steps', stepId: 'someStepId', name: 'pets' }],
    ['$steps.someStepId.outputs.pets#/0/id', { kind: 'steps', stepId: 'someStepId', name: 'pets', pointer: ['0', 'id'] }],
    ['$outputs.bar', { kind: 'outputs', name: 'bar' }],
    ['$workflows.foo.outputs.bar', { kind: 'workflows', workflowId: 'foo', field: 'outputs', name: 'bar' }],
    [
      '$workflows.foo.outputs.mappedResponse#/name',
      { kind: 'workflows', workflowId: 'foo', field: 'outputs', name: 'mappedResponse', pointer: ['name'] },
    ],
    ['$components.parameters.foo', { kind: 'components', section: 'parameters', name: 'foo' }],
  ])('%s', (text, node) => {
    const result = parsed(text);
    expect(result.expression).toEqual({ ...node, text });
    expect(result.warnings).toEqual([]);
  });
});

describe('Runtime Expressions: sub-rules adopted from the checklist (§15)', () => {
  it('$statusCode and whole bodies', () => {
    expect(parsed('$statusCode').expression.kind).toBe('statusCode');
    expect(parsed('$response.body').expression).toEqual({ kind: 'response', source: { kind: 'body' }, text: '$response.body' });
    expect(parsed('$request.body#').expression).toMatchObject({ source: { kind: 'body', pointer: [] } });
  });

  it('query parameters and RFC 9110 header tokens', () => {
    expect(parsed('$request.query.page_size').expression).toMatchObject({ source: { kind: 'query', name: 'page_size' } });
    expect(parsed("$response.header.X-Rate_Limit!#$%&'*+.^`|~").expression).toMatchObject({
      source: { kind: 'header', name: "X-Rate_Limit!#$%&'*+.^`|~" },
    });
  });

  it('pointer escapes into inputs (bnpl example $inputs.customer#/uri)', () => {
    expect(parsed('$inputs.customer#/uri').expression).toMatchObject({ kind: 'inputs', name: 'customer', pointer: ['uri'] });
    expect(parsed('$response.body#/a~1b/c~0d').expression).toMatchObject({ source: { pointer: ['a/b', 'c~d'] } });
  });

  it('names keep dots and hyphens; identifiers keep hyphens and underscores', () => {
    expect(parsed('$steps.get-pet_1.outputs.pet.name-x').expression).toMatchObject({ stepId: 'get-pet_1', name: 'pet.name-x' });
    expect(parsed('$sourceDescriptions.petstore-api.url').expression).toEqual({
      kind: 'sourceDescriptions',
      name: 'petstore-api',
      member: 'url',
      text: '$sourceDescriptions.petstore-api.url',
    });
    expect(parsed('$sourceDescriptions.api.findPets').expression).toMatchObject({ member: 'findPets' });
  });

  it.each(['successActions', 'failureActions', 'inputs'] as const)('$components.%s', (section) => {
    expect(parsed(`$components.${section}.retry`).expression).toMatchObject({ kind: 'components', section, name: 'retry' });
  });

  it('keeps the exact source text', () => {
    const text = '$steps.a.outputs.b#/c~1d';
    expect(parsed(text).expression.text).toBe(text);
  });
});

describe('Runtime Expressions: lenient forms (checklist §15.6, §15.9)', () => {
  it('$response.body.id.x → pointer /id/x with a warning and a fix', () => {
    const result = parsed('$response.body.id.x');
    expect(result.expression).toMatchObject({ kind: 'response', source: { kind: 'body', pointer: ['id', 'x'] } });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'expression-dot-body', severity: 'warning', offset: 14, fix: '$response.body#/id/x' }),
    ]);
  });

  it('$request.body.items[0].id → pointer /items/0/id', () => {
    const result = parsed('$request.body.items[0].id');
    expect(result.expression).toMatchObject({ kind: 'request', source: { pointer: ['items', '0', 'id'] } });
    expect(result.warnings[0]?.fix).toBe('$request.body#/items/0/id');
  });

  it('issue 10 item 9: $steps.s.x (the 1.0.0 text\'s form) reads output x, with a warning and a fix inserting outputs.', () => {
    const result = parsed('$steps.s.x');
    expect(result.expression).toEqual({ kind: 'steps', stepId: 's', name: 'x', text: '$steps.s.x' });
    expect(result.warnings).toMatchObject([{ code: 'expression-steps-missing-outputs', severity: 'warning', offset: 9, fix: '$steps.s.outputs.x' }]);
    expect(parsed('$steps.someStep.pets#/0').warnings[0]).toMatchObject({ fix: '$steps.someStep.outputs.pets#/0' });
    expect(problem('$steps.s')).toMatchObject({ code: 'expression-steps-missing-outputs', offset: 8 });
    expect(problem('$steps.s').fix).toBeUndefined();
  });
});

describe('issue 10 item 9: 1.0.x forms of $steps (ABNF `"$steps." name`, name = *CHAR)', () => {
  it('a stepId with spaces is read up to the dot that follows it', () => {
    expect(parsed('$steps.get pet.outputs.name').expression).toEqual({ kind: 'steps', stepId: 'get pet', name: 'name', text: '$steps.get pet.outputs.name' });
    expect(parsed('$steps.Plan a Trip_0.outputs.r#/a').expression).toMatchObject({ stepId: 'Plan a Trip_0', name: 'r', pointer: ['a'] });
    expect(problem('$steps.get pet').code).toBe('expression-steps-missing-outputs');
  });

  it('$steps.s.outputs is the whole map (no name)', () => {
    const result = parsed('$steps.s.outputs');
    expect(result.expression).toEqual({ kind: 'steps', stepId: 's', text: '$steps.s.outputs' });
    expect(result.warnings).toEqual([]);
  });
});

describe('Runtime Expressions: errors carry a code and an offset (checklist §15.1)', () => {
  it('$respons.body → unknown source at offset 0, with a hint', () => {
    const p = problem('$respons.body');
    expect(p).toMatchObject({ code: 'expression-unknown-source', offset: 0, severity: 'error' });
    expect(p.hint).toContain('$response');
  });

  it.each([
    ['', 'expression-syntax', 0],
    ['inputs.a', 'expression-syntax', 0],
    ['$', 'expression-unknown-source', 0],
    ['$.items[*]', 'expression-unknown-source', 0],
    ['$foo.bar', 'expression-unknown-source', 0],
    ['$urlx', 'expression-unknown-source', 0],
    ['$inputs', 'expression-syntax', 7],
    ['$inputs.', 'expression-empty-name', 8],
    ['$inputs.a b', 'expression-syntax', 9],
    ['$url.x', 'expression-syntax', 4],
    ['$statusCode == 200', 'expression-syntax', 11],
    ['$steps..outputs.x', 'expression-empty-name', 7],
    ['$steps.s.outputs.', 'expression-empty-name', 17],
    ['$workflows.w.params.x', 'expression-syntax', 13],
    ['$workflows.w.inputs', 'expression-syntax', 19],
    ['$request.cookie.a', 'expression-syntax', 9],
    ['$response.header.', 'expression-empty-name', 17],
    ['$response.body#a', 'expression-invalid-pointer', 15],
    ['$response.body#/a~2', 'expression-invalid-pointer', 17],
    ['$inputs.obj#/x~', 'expression-invalid-pointer', 14],
    ['$components.schemas.Pet', 'expression-syntax', 12],
    ['$components.parameters', 'expression-syntax', 22],
    ['$sourceDescriptions.api', 'expression-syntax', 23],
    ['$sourceDescriptions.api.', 'expression-empty-name', 24],
  ])('%j → %s at %i', (text, code, offset) => {
    expect(problem(text)).toMatchObject({ code, offset });
  });

  it('suggests the closest source for a case slip', () => {
    expect(problem('$statuscode').hint).toContain('$statusCode');
  });
});
