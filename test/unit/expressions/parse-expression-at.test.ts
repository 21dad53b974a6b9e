import { describe, expect, it } from 'vitest';
import { parseExpressionAt, type EmbeddingMode } from '../../../src/expressions/parse-expression.js';

/** The text of the expression found at `start`, as cut by `end`. */
function cut(text: string, start: number, mode: EmbeddingMode): string {
  const result = parseExpressionAt(text, start, mode);
  if (!result.ok) throw new Error(`${text}: ${result.problem.code} at ${result.problem.offset}`);
  expect(result.expression.text).toBe(text.slice(start, result.end));
  return result.expression.text;
}

describe('Runtime Expressions inside simple conditions (Criterion Object §Operators; checklist §14.4)', () => {
  it.each([
    ['$statusCode == 200', '$statusCode'],
    ['$statusCode==200', '$statusCode'],
    ['$response.header.x-count>5', '$response.header.x-count'],
    ['$response.header.x-a&&$statusCode', '$response.header.x-a'],
    ['$response.header.x-a||true', '$response.header.x-a'],
    ['$response.header.x-a!=null', '$response.header.x-a'],
    ['$response.header.x-a!', '$response.header.x-a!'],
    ['$response.body.items[0].id == 3', '$response.body'],
    ['$response.body[0]', '$response.body'],
    ['$steps.s.outputs.list[0] == 3', '$steps.s.outputs.list'],
    ['$inputs.a.b<3', '$inputs.a.b'],
    ['$response.body#/a/b == 1', '$response.body#/a/b'],
    ['$response.body#/done)', '$response.body#/done'],
    ["$inputs.name == 'x'", '$inputs.name'],
  ])('%s → %s', (text, expected) => {
    expect(cut(text, 0, 'condition')).toBe(expected);
  });

  it('starts at the given offset and reports offsets inside the whole text', () => {
    const text = '!($statusCode == 200) && $respons.body';
    expect(cut(text, 2, 'condition')).toBe('$statusCode');
    const bad = parseExpressionAt(text, 25, 'condition');
    expect(bad).toMatchObject({ ok: false, problem: { code: 'expression-unknown-source', offset: 25 } });
  });

  it('does not read $response.body.x as a pointer (no dot-body warning in conditions)', () => {
    const result = parseExpressionAt('$response.body.x == 1', 0, 'condition');
    expect(result).toMatchObject({ ok: true, end: 14, warnings: [] });
  });

  it('fails with a syntax problem when text[start] is not "$"', () => {
    expect(parseExpressionAt('x', 0, 'condition')).toMatchObject({ ok: false, problem: { code: 'expression-syntax', offset: 0 } });
    expect(parseExpressionAt('x', 5, 'condition')).toMatchObject({ ok: false, problem: { offset: 5 } });
  });
});

describe('Runtime Expressions embedded with {} (§Runtime Expressions last paragraph; checklist §16.5)', () => {
  it('stops at the first "}"', () => {
    expect(cut('{$inputs.a}-{$inputs.b}', 1, 'template')).toBe('$inputs.a');
    expect(cut('{$response.body#/a}b}', 1, 'template')).toBe('$response.body#/a');
    expect(cut('{$response.header.X-Id}', 1, 'template')).toBe('$response.header.X-Id');
  });

  it('reads a pointer with spaces up to the "}"', () => {
    const result = parseExpressionAt('{$response.body#/first name}', 1, 'template');
    expect(result).toMatchObject({ ok: true, end: 27, expression: { source: { pointer: ['first name'] } } });
  });

  it('accepts $response.body.id with a warning whose fix replaces the expression text', () => {
    const result = parseExpressionAt('id={$response.body.id}', 4, 'template');
    expect(result).toMatchObject({ ok: true, end: 21, warnings: [{ code: 'expression-dot-body', offset: 18, fix: '$response.body#/id' }] });
  });
});

describe('Bare runtime expressions inside text (project decision, checklist §16.3)', () => {
  it.each([
    ['Bearer $inputs.apiToken', 7, '$inputs.apiToken'],
    ['token $inputs.x.', 6, '$inputs.x'],
    ['token $inputs.x..', 6, '$inputs.x'],
    ['see $response.body#/id.', 4, '$response.body#/id'],
    ['see $response.body#/id, then', 4, '$response.body#/id'],
    ['$inputs.a,$inputs.b', 0, '$inputs.a'],
    ['"$inputs.a"', 1, '$inputs.a'],
    ['{"id": "$response.body#/id"}', 8, '$response.body#/id'],
    ['x-$response.header.X-Id;', 2, '$response.header.X-Id'],
    ['$inputs.a-b/c', 0, '$inputs.a-b'],
    ['($steps.s.outputs.id)', 1, '$steps.s.outputs.id'],
  ])('%j at %i → %s', (text, start, expected) => {
    expect(cut(text, start, 'bare')).toBe(expected);
  });

  it('reads $response.body.token as a pointer with a warning', () => {
    const result = parseExpressionAt('Bearer $response.body.token.', 7, 'bare');
    expect(result).toMatchObject({ ok: true, end: 27, warnings: [{ code: 'expression-dot-body', fix: '$response.body#/token' }] });
  });

  it('reads a $steps expression missing outputs up to its end, with a warning whose fix can be placed', () => {
    const result = parseExpressionAt('Bearer $steps.login.token now', 7, 'bare');
    expect(result).toMatchObject({ ok: true, end: 25, warnings: [{ code: 'expression-steps-missing-outputs', offset: 20, fix: '$steps.login.outputs.token' }] });
  });

  it('a stepId with spaces is not joined in bare text, where a space ends the expression', () => {
    expect(parseExpressionAt('x $steps.get pet.outputs.a', 2, 'bare')).toMatchObject({ ok: false, problem: { code: 'expression-steps-missing-outputs' } });
    expect(parseExpressionAt('{$steps.get pet.outputs.a}', 1, 'template')).toMatchObject({ ok: true, end: 25, expression: { stepId: 'get pet' } });
  });
});
