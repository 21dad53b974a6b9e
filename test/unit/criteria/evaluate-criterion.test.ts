import { describe, expect, it } from 'vitest';
import { compileCriterion, type CompiledCriterion } from '../../../src/criteria/compile-criterion.js';
import { evaluateCriteria, evaluateCriterion } from '../../../src/criteria/evaluate-criterion.js';
import type { ExpressionScope } from '../../../src/expressions/scope.js';
import { makeScope } from './make-scope.js';

function compile(criterion: Record<string, unknown>): CompiledCriterion {
  const { compiled, problems } = compileCriterion(criterion);
  if (compiled === undefined) throw new Error(problems.map((p) => p.code).join(', '));
  return compiled;
}

const passes = (criterion: Record<string, unknown>, scope: ExpressionScope): boolean => evaluateCriterion(compile(criterion), scope).passed;

const withBody = (body: unknown, statusCode = 200): ExpressionScope => makeScope({ statusCode, body });

describe('Criterion Object › simple (checklist 12.4)', () => {
  it('$statusCode == 200', () => {
    expect(passes({ condition: '$statusCode == 200' }, withBody({}))).toBe(true);
    expect(passes({ condition: '$statusCode == 200' }, withBody({}, 500))).toBe(false);
  });

  it('a failure carries a reason', () => {
    expect(evaluateCriterion(compile({ condition: '$statusCode == 200' }), withBody({}, 404)).reason).toBeTypeOf('string');
  });
});

describe('Criterion Object › regex (checklist 12.5)', () => {
  const status2xx = { context: '$statusCode', condition: '^2\\d\\d$', type: 'regex' };

  it.each([
    [200, true],
    [204, true],
    [404, false],
    [2000, false],
  ])('context $statusCode = %i, ^2\\d\\d$ → %s', (statusCode, expected) => {
    expect(passes(status2xx, withBody(null, statusCode))).toBe(expected);
  });

  it('search semantics: an unanchored pattern matches anywhere', () => {
    expect(passes({ context: '$response.body#/msg', condition: 'ok', type: 'regex' }, withBody({ msg: 'all ok here' }))).toBe(true);
  });

  it('objects are matched as JSON text', () => {
    expect(passes({ context: body, condition: '"id":7', type: 'regex' }, withBody({ id: 7 }))).toBe(true);
  });

  it('null or missing context fails with a reason', () => {
    const criterion = compile({ context: '$response.body#/msg', condition: '.*', type: 'regex' });
    for (const scope of [withBody({ msg: null }), withBody({}), makeScope()]) {
      const result = evaluateCriterion(criterion, scope);
      expect([result.passed, typeof result.reason]).toEqual([false, 'string']);
    }
  });
});

const body = '$response.body';

describe('Criterion Object › jsonpath, RFC 9535 (checklist 12.6, 12.7)', () => {
  const pets = { context: body, condition: '$.pets[*]', type: 'jsonpath' };

  it('passes on a non-empty nodelist, fails on an empty one', () => {
    expect(passes(pets, withBody({ pets: [1] }))).toBe(true);
    expect(passes(pets, withBody({ pets: [] }))).toBe(false);
    expect(passes(pets, withBody({}))).toBe(false);
  });

  it('missing context fails', () => {
    expect(passes(pets, makeScope())).toBe(false);
  });

  it('a root filter tests children (strict RFC 9535, no wrapping)', () => {
    const criterion = { context: body, condition: '$[?count(@.pets) > 0]', type: 'jsonpath' };
    expect(passes(criterion, withBody({ pets: [1] }))).toBe(false);
    expect(passes(criterion, withBody([{ pets: [1] }]))).toBe(true);
  });

  it('filters compare with RFC semantics (case-sensitive)', () => {
    const criterion = { context: body, condition: "$.items[?@.state == 'ok']", type: 'jsonpath' };
    expect(passes(criterion, withBody({ items: [{ state: 'ok' }] }))).toBe(true);
    expect(passes(criterion, withBody({ items: [{ state: 'OK' }] }))).toBe(false);
  });
});

describe('Criterion Object › seed-style JSONPath comparisons evaluated over the context (checklist 12.8)', () => {
  const seed = (condition: string): Record<string, unknown> => ({ context: body, condition, type: 'jsonpath' });
  const states = ['active', 'inactive', 'error', 'build_failed', 'building', 'pending'];
  const branches: Array<[string, (state: string) => boolean]> = [
    ['$.state == "inactive"', (s) => s === 'inactive'],
    ['$.state == "active"', (s) => s === 'active'],
    ['$.state == "error" || $.state == "build_failed"', (s) => s === 'error' || s === 'build_failed'],
    [
      '$.state != "active" && $.state != "inactive" && $.state != "error" && $.state != "build_failed"',
      (s) => !['active', 'inactive', 'error', 'build_failed'].includes(s),
    ],
  ];

  for (const [condition, expected] of branches) {
    it.each(states)(`${condition} with state %s`, (state) => {
      expect(passes(seed(condition), withBody({ id: 'snap', state }))).toBe(expected(state));
    });
  }

  it.each([
    ['STOPPED', true],
    ['stopped', true],
    ['RUNNING', false],
  ])('$.lifecycleState == "STOPPED" with %s → %s', (lifecycleState, expected) => {
    expect(passes(seed('$.lifecycleState == "STOPPED"'), withBody({ lifecycleState }))).toBe(expected);
  });

  it('exactly one seed branch matches each state', () => {
    for (const state of states) {
      const matched = branches.filter(([condition]) => passes(seed(condition), withBody({ state })));
      expect(matched.length).toBe(1);
    }
  });

  it('a missing or null context fails instead of matching "!="', () => {
    const criterion = seed('$.state != "active"');
    expect(passes(criterion, makeScope())).toBe(false);
    expect(passes(criterion, withBody(null))).toBe(false);
  });
});

describe('Criterion Expression Type Object › Goessner (checklist 12.10)', () => {
  const type = { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' };

  it('non-empty result passes', () => {
    const criterion = { context: body, condition: '$..pets[?(@.id > 1)]', type };
    expect(passes(criterion, withBody({ a: { pets: [{ id: 2 }] } }))).toBe(true);
    expect(passes(criterion, withBody({ a: { pets: [{ id: 1 }] } }))).toBe(false);
  });

  it('filter scripts cannot reach globals', () => {
    const criterion = compile({ context: body, condition: '$[?(process.exit(1))]', type });
    expect(evaluateCriterion(criterion, withBody([{ a: 1 }])).passed).toBe(false);
  });
});

describe('Criterion Object › embedded {$…} substituted before evaluation (checklist 12.12)', () => {
  it("$[?@.status == '{$inputs.s}']", () => {
    const criterion = compile({ context: body, condition: "$[?@.status == '{$inputs.s}']", type: 'jsonpath' });
    const response = { statusCode: 200, body: [{ status: 'sold' }] };
    expect(evaluateCriterion(criterion, makeScope(response, { inputs: { s: 'sold' } })).passed).toBe(true);
    expect(evaluateCriterion(criterion, makeScope(response, { inputs: { s: 'available' } })).passed).toBe(false);
  });

  it('regex template', () => {
    const criterion = compile({ context: '$statusCode', condition: '^{$inputs.code}$', type: 'regex' });
    expect(evaluateCriterion(criterion, makeScope({ statusCode: 201 }, { inputs: { code: 201 } })).passed).toBe(true);
    expect(evaluateCriterion(criterion, makeScope({ statusCode: 2010 }, { inputs: { code: 201 } })).passed).toBe(false);
  });

  it('a missing embedded value fails instead of widening the pattern', () => {
    const criterion = compile({ context: '$statusCode', condition: '^{$inputs.code}', type: 'regex' });
    const result = evaluateCriterion(criterion, makeScope({ statusCode: 201 }));
    expect([result.passed, typeof result.reason]).toEqual([false, 'string']);
  });

  it('a substitution that breaks the query fails with a reason', () => {
    const criterion = compile({ context: body, condition: '$.items[{$inputs.i}]', type: 'jsonpath' });
    expect(evaluateCriterion(criterion, makeScope({ body: { items: [1] } }, { inputs: { i: 0 } })).passed).toBe(true);
    expect(evaluateCriterion(criterion, makeScope({ body: { items: [1] } }, { inputs: { i: 'x' } })).passed).toBe(false);
  });
});

describe('Criterion Object › a list of criteria is ANDed (checklist 12.11)', () => {
  const ok = compile({ condition: '$statusCode == 200' });
  const bad = compile({ condition: '$response.body#/done' });

  it('all pass → pass', () => {
    expect(evaluateCriteria([ok, ok], withBody({ done: true }))).toEqual({ passed: true });
    expect(evaluateCriteria([], withBody({}))).toEqual({ passed: true });
  });

  it('the first failure is reported with its index', () => {
    const result = evaluateCriteria([ok, bad, bad], withBody({ done: false }));
    expect([result.passed, result.failedIndex, typeof result.reason]).toEqual([false, 1, 'string']);
  });
});
