import { describe, expect, it } from 'vitest';
import { compileCriterion } from '../../../src/criteria/compile-criterion.js';
import { parseCondition } from '../../../src/criteria/parse-condition.js';

const codes = (criterion: unknown): Array<[string, string | undefined, string | undefined]> =>
  compileCriterion(criterion).problems.map((p) => [p.code, p.severity, p.field]);

const kind = (criterion: unknown): string | undefined => compileCriterion(criterion).compiled?.kind;

const body = '$response.body';

describe('Criterion Object › fixed fields (checklist 12.1-12.3)', () => {
  it('condition is required and must be a string', () => {
    expect(codes({})).toEqual([['criterion-missing-condition', 'error', 'condition']]);
    expect(codes({ condition: 200 })).toEqual([['criterion-invalid-condition', 'error', 'condition']]);
    expect(codes('$statusCode == 200')).toEqual([['criterion-invalid', 'error', undefined]]);
    expect(codes(null)).toEqual([['criterion-invalid', 'error', undefined]]);
  });

  it('type defaults to simple; explicit simple needs no context', () => {
    expect(kind({ condition: '$statusCode == 200' })).toBe('simple');
    expect(compileCriterion({ condition: '$statusCode == 200', type: 'simple' })).toMatchObject({ compiled: { kind: 'simple' }, problems: [] });
  });

  it.each(['JSONPath', 'Regex', 'json', 'sql'])('type %s is invalid', (type) => {
    expect(codes({ condition: 'x', context: body, type })).toEqual([['criterion-invalid-type', 'error', 'type']]);
  });

  it.each(['regex', 'jsonpath', 'xpath'])('%s without context is an error', (type) => {
    expect(codes({ condition: '$', type })).toContainEqual(['criterion-missing-context', 'error', 'context']);
    expect(compileCriterion({ condition: '$', type }).compiled).toBeUndefined();
  });

  it('context must be a valid runtime expression', () => {
    expect(codes({ condition: '.', type: 'regex', context: 5 })).toEqual([['criterion-invalid-context', 'error', 'context']]);
    expect(codes({ condition: '.', type: 'regex', context: '$respons.body' })).toEqual([['expression-unknown-source', 'error', 'context']]);
    expect(codes({ condition: '$statusCode == 200', context: 'body' })[0]?.[2]).toBe('context');
  });

  it('a simple condition that does not parse is an error with its offset', () => {
    const { problems, compiled } = compileCriterion({ condition: '$statusCode == 200 ==  1' });
    expect(compiled).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'condition-chained-comparison', offset: 19, field: 'condition', severity: 'error' }]);
  });

  it('simple-condition warnings are passed through', () => {
    expect(compileCriterion({ condition: '$statusCode == "200"' })).toMatchObject({
      compiled: { kind: 'simple' },
      problems: [{ code: 'condition-double-quoted-string', severity: 'warning', field: 'condition' }],
    });
  });
});

describe('Criterion Object › type: regex (checklist 12.5)', () => {
  it('compiles once to an unanchored ECMAScript RegExp', () => {
    const { compiled } = compileCriterion({ context: '$statusCode', condition: '^2\\d\\d$', type: 'regex' });
    expect(compiled?.kind).toBe('regex');
    if (compiled?.kind === 'regex') expect([compiled.pattern.test('204'), compiled.pattern.flags]).toEqual([true, '']);
  });

  it('an invalid pattern is an error', () => {
    expect(codes({ context: '$statusCode', condition: '(2', type: 'regex' })).toEqual([['criterion-invalid-regex', 'error', 'condition']]);
  });

  it('patterns over 1000 characters are refused', () => {
    expect(codes({ context: '$statusCode', condition: 'a'.repeat(1001), type: 'regex' })).toEqual([['criterion-regex-too-long', 'error', 'condition']]);
    expect(kind({ context: '$statusCode', condition: 'a'.repeat(1000), type: 'regex' })).toBe('regex');
  });
});

describe('Criterion Object › type: jsonpath, RFC 9535 (checklist 12.6, 12.7)', () => {
  it('a valid RFC 9535 query compiles', () => {
    expect(compileCriterion({ context: body, condition: '$.pets[*]', type: 'jsonpath' })).toMatchObject({ compiled: { kind: 'jsonpath' }, problems: [] });
  });

  it('a filter on the root warns', () => {
    expect(compileCriterion({ context: body, condition: '$[?count(@.pets) > 0]', type: 'jsonpath' })).toMatchObject({
      compiled: { kind: 'jsonpath' },
      problems: [{ code: 'criterion-jsonpath-root-filter', severity: 'warning', field: 'condition' }],
    });
    expect(codes({ context: body, condition: '$.pets[?@.id > 0]', type: 'jsonpath' })).toEqual([]);
  });

  it('an invalid query is an error at the json-p3 position', () => {
    const { problems, compiled } = compileCriterion({ context: body, condition: '$.pets[', type: 'jsonpath' });
    expect(compiled).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'criterion-invalid-jsonpath', severity: 'error', field: 'condition', offset: 7 }]);
  });

  it('Goessner-only syntax is not RFC 9535', () => {
    expect(codes({ context: body, condition: '$.pets[(@.length-1)]', type: 'jsonpath' })[0]?.[0]).toBe('criterion-invalid-jsonpath');
  });
});

describe('Criterion Object › seed-style JSONPath comparisons (checklist 12.8, project decision)', () => {
  it.each([
    ['$.state == "inactive"', "$response.body#/state == 'inactive'"],
    ['$.state == "error" || $.state == "build_failed"', "$response.body#/state == 'error' || $response.body#/state == 'build_failed'"],
    [
      '$.state != "active" && $.state != "inactive" && $.state != "error" && $.state != "build_failed"',
      "$response.body#/state != 'active' && $response.body#/state != 'inactive' && $response.body#/state != 'error' && $response.body#/state != 'build_failed'",
    ],
    ['$.lifecycleState == "STOPPED"', "$response.body#/lifecycleState == 'STOPPED'"],
    ["!($.items[0].id == 'a~b/c')", "!($response.body#/items/0/id == 'a~b/c')"],
  ])('%s compiles with a warning and the fix %s', (condition, fix) => {
    const { compiled, problems } = compileCriterion({ context: body, condition, type: 'jsonpath' });
    expect(compiled?.kind).toBe('jsonpath-comparison');
    expect(problems).toMatchObject([{ code: 'criterion-jsonpath-comparison', severity: 'warning', field: 'condition', fix }]);
    expect(parseCondition(fix).ok).toBe(true);
  });

  it('the fix extends a pointer already on the context', () => {
    const { problems } = compileCriterion({ context: '$steps.s.outputs.doc#/data', condition: "$.id == 1", type: 'jsonpath' });
    expect(problems[0]?.fix).toBe('$steps.s.outputs.doc#/data/id == 1');
  });

  it('contexts that take no pointer get the warning without a fix', () => {
    const { compiled, problems } = compileCriterion({ context: '$statusCode', condition: '$.x == 1', type: 'jsonpath' });
    expect(compiled?.kind).toBe('jsonpath-comparison');
    expect(problems.map((p) => [p.code, p.fix])).toEqual([['criterion-jsonpath-comparison', undefined]]);
  });

  it('a comparison without any $.path is not accepted', () => {
    expect(codes({ context: body, condition: '$statusCode == 200', type: 'jsonpath' })).toEqual([['criterion-invalid-jsonpath', 'error', 'condition']]);
    expect(codes({ context: body, condition: '$ == 1', type: 'jsonpath' })).toEqual([['criterion-invalid-jsonpath', 'error', 'condition']]);
  });
});

describe('Criterion Expression Type Object (checklist 12.10)', () => {
  const goessner = { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' };

  it('draft-goessner selects the Goessner engine', () => {
    expect(compileCriterion({ context: body, condition: '$..pets[?(@.id > 0)]', type: goessner })).toMatchObject({
      compiled: { kind: 'goessner', path: '$..pets[?(@.id > 0)]' },
      problems: [],
    });
  });

  it('Goessner paths must start at $ and may not reach prototypes', () => {
    expect(codes({ context: body, condition: 'pets', type: goessner })).toEqual([['criterion-invalid-jsonpath', 'error', 'condition']]);
    expect(codes({ context: body, condition: '$[?(@.constructor.constructor("x")())]', type: goessner })).toEqual([
      ['criterion-goessner-unsafe', 'error', 'condition'],
    ]);
  });

  it.each([
    [{ type: 'jsonpath', version: 'rfc9535' }, 'criterion-invalid-version'],
    [{ type: 'jsonpath' }, 'criterion-invalid-version'],
    [{ type: 'xpath', version: 'xpath-31' }, 'criterion-invalid-version'],
    [{ type: 'regex', version: 'x' }, 'criterion-invalid-type'],
    [['jsonpath'], 'criterion-invalid-type'],
  ])('%j → %s', (type, code) => {
    expect(codes({ context: body, condition: '$', type })).toEqual([[code, 'error', 'type']]);
  });
});

describe('Criterion Object › type: xpath (checklist 12.9)', () => {
  it.each(['xpath', { type: 'xpath', version: 'xpath-30' }])('%j is refused, never silently passed', (type) => {
    const { compiled, problems } = compileCriterion({ context: body, condition: 'count(/pets/*) > 0', type });
    expect(compiled).toBeUndefined();
    expect(problems.map((p) => [p.code, p.severity, p.field])).toEqual([['criterion-xpath-unsupported', 'error', 'type']]);
  });
});

describe('Criterion Object › embedded {$…} in regex/jsonpath conditions (checklist 12.12)', () => {
  it('conditions with {$ compile to templates', () => {
    expect(kind({ context: body, condition: "$.pets[?@.status == '{$inputs.s}']", type: 'jsonpath' })).toBe('jsonpath-template');
    expect(kind({ context: '$statusCode', condition: '^{$inputs.code}$', type: 'regex' })).toBe('regex-template');
  });

  it('conditions without {$ are compiled once', () => {
    expect(kind({ context: '$statusCode', condition: '^\\d{3}$', type: 'regex' })).toBe('regex');
  });

  it('a malformed embedded expression is an error', () => {
    expect(compileCriterion({ context: '$statusCode', condition: '^{$inputs.code$', type: 'regex' }).compiled).toBeUndefined();
    expect(compileCriterion({ context: '$statusCode', condition: '^{$inputz.code}$', type: 'regex' }).problems[0]).toMatchObject({
      severity: 'error',
      field: 'condition',
    });
  });
});
