// style.md §4 rule 3 / issue 11 "diagnostic codes typed by the catalogue's union": one catalogue of
// codes (src/diagnostics/codes.ts). Diagnostic.code and Problem.code are the union of its keys, so
// the compiler (npm test runs tsc over src and test) rejects a code that is not listed; the
// expect-error lines below fail the typecheck if that typing is ever loosened back to string.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CODES, describeCode, type Code } from '../../../src/diagnostics/codes.js';
import { applyRuleSettings, settingFor } from '../../../src/lint/apply-rule-settings.js';
import { makeDiagnostic, type Diagnostic, type Problem } from '../../../src/diagnostics/diagnostic.js';

describe('style.md §4.3: the one catalogue of codes', () => {
  it('Diagnostic.code and Problem.code are exactly the catalogue union', () => {
    expectTypeOf<Diagnostic['code']>().toEqualTypeOf<Code>();
    expectTypeOf<Problem['code']>().toEqualTypeOf<Code>();
    // @ts-expect-error a code missing from codes.ts does not compile
    const unlisted: Diagnostic = makeDiagnostic('no-such-code', 'error', 'm');
    // @ts-expect-error nor as a Problem
    const problem: Problem = { code: 'no-such-code', message: 'm' };
    expect(describeCode(unlisted.code)).toBeUndefined();
    expect(describeCode(problem.code)).toBeUndefined();
  });

  it('every member of the union is catalogued (the runtime table and the type agree)', () => {
    const listed: Code[] = ['file-not-found', 'schema-required', 'expression-syntax', 'step-reference-unknown', 'input-missing', 'timeout'];
    for (const code of listed) expect(describeCode(code)?.stage).toBeDefined();
    expect(Object.keys(CODES).length).toBeGreaterThan(100);
  });

  it('gives every code a title and a default severity', () => {
    const bad = Object.entries(CODES).filter(([, entry]) => entry.title.length < 5 || !['error', 'warning', 'info', 'off'].includes(entry.severity));
    expect(bad).toEqual([]);
  });
});

describe('issue 4 --rule id=off|warn|error: severity settings', () => {
  const d = (code: Code) => makeDiagnostic(code, 'warning', 'm');

  it('an exact id wins over the longest matching prefix-*', () => {
    const settings = { 'step-*': 'off', 'step-id-*': 'error', 'step-id-pattern': 'info' } as const;
    expect(settingFor('step-id-pattern', settings)).toBe('info');
    expect(settingFor('step-id-duplicate', settings)).toBe('error');
    expect(settingFor('step-unreachable', settings)).toBe('off');
    expect(settingFor('loop-without-exit', settings)).toBeUndefined();
  });

  it('off drops a diagnostic; default-off rules appear only when turned on', () => {
    expect(applyRuleSettings([d('step-unreachable')], { 'step-unreachable': 'off' })).toEqual([]);
    expect(applyRuleSettings([d('info-summary-missing')])).toEqual([]);
    expect(applyRuleSettings([d('info-summary-missing')], { 'info-summary-missing': 'warning' }).map((x) => x.severity)).toEqual(['warning']);
  });
});
