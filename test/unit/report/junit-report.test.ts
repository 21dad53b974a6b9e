import { describe, expect, it } from 'vitest';
import { buildJunitForInvalid, buildJunitReport } from '../../../src/report/junit-report.js';
import { findAll, parseXml } from './parse-xml.js';
import { failedOnCriterion, step, succeeded } from './run-result-fixtures.js';

const timestamp = '2026-01-01T00:00:00.000Z';
const workflows = (entries: Array<[string, 'succeeded' | 'failed' | 'running']>) => new Map(entries);

describe('issue 5 reports: --report junit has one test case per workflow and per step', () => {
  it('a succeeded run: a suite per workflow, the workflow case and each step case, no failures', () => {
    const root = parseXml(buildJunitReport({ result: succeeded, workflows: workflows([['build', 'succeeded']]), file: 'flow.yml', timestamp }));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '0', skipped: '0' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['workflow build', 'create', 'poll']);
    expect(cases.every((c) => c.attributes.file === 'flow.yml')).toBe(true);
    expect(findAll(root, 'failure')).toHaveLength(0);
    expect(cases[2]!.attributes.time).toBe('2.100');
  });

  it('a failed step: the failure names the step, the criterion and the HTTP status; unreached steps are skipped', () => {
    const root = parseXml(buildJunitReport({ result: failedOnCriterion, workflows: workflows([['build', 'failed']]), file: 'flow.yml', timestamp }));
    expect(root.attributes).toMatchObject({ tests: '3', failures: '2', skipped: '1' });
    const [workflowCase, createCase, pollCase] = findAll(root, 'testcase');
    for (const testCase of [workflowCase!, createCase!]) {
      const failure = findAll(testCase, 'failure')[0]!;
      expect(failure.attributes.message).toContain('create');
      expect(failure.attributes.message).toContain('$statusCode == 200');
      expect(failure.attributes.message).toContain('401');
      expect(failure.attributes.type).toBe('step-failed');
    }
    expect(findAll(pollCase!, 'skipped')).toHaveLength(1);
  });

  it('child workflows get their own suite; a transport failure is typed request-failed', () => {
    const result = {
      ...failedOnCriterion,
      steps: [
        step('callChild', { status: 'failed', lastStatusCode: undefined, reason: 'workflow child failed' }),
        step('fetch', { workflowId: 'child', status: 'failed', lastStatusCode: undefined, reason: 'connection: refused' }),
      ],
      error: { code: 'step-failed' as const, message: 'step callChild failed', workflowId: 'build', stepId: 'callChild' },
    };
    const root = parseXml(buildJunitReport({ result, workflows: workflows([['build', 'failed'], ['child', 'failed']]), file: 'f.yml', timestamp }));
    expect(findAll(root, 'testsuite').map((s) => s.attributes.name)).toEqual(['build', 'child']);
    const childFetch = findAll(root, 'testcase').find((c) => c.attributes.name === 'fetch')!;
    expect(findAll(childFetch, 'failure')[0]!.attributes.type).toBe('request-failed');
  });

  it('an interrupted run says so on the workflow case', () => {
    const result = { ...succeeded, status: 'failed' as const, error: { code: 'aborted' as const, message: 'The run was cancelled', stepId: 'poll', workflowId: 'build' } };
    const root = parseXml(buildJunitReport({ result, workflows: workflows([['build', 'running']]), file: 'f.yml', timestamp, interruptedBy: 'SIGINT' }));
    const failure = findAll(root, 'failure')[0]!;
    expect(failure.attributes.type).toBe('aborted');
    expect(failure.attributes.message).toContain('SIGINT');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const result = { ...failedOnCriterion, steps: [step('a<b>&"c"', { status: 'failed', reason: "x < y && '\u0001z'\nnext" })] };
    const xml = buildJunitReport({ result, workflows: workflows([]), file: 'dir/&.yml', timestamp });
    const root = parseXml(xml);
    const testCase = findAll(root, 'testcase').find((c) => c.attributes.name === 'a<b>&"c"')!;
    expect(findAll(testCase, 'failure')[0]!.attributes.message).toContain("x < y && 'z'\nnext");
    expect(xml).not.toContain('\u0001');
  });

  it('an invalid document (exit 2) still gives one failing test case listing every problem', () => {
    const root = parseXml(buildJunitForInvalid('flow.yml', [{ code: 'input-missing', message: 'Required input "name" was not given', line: 12 }, { code: 'input-type', message: 'x' }], timestamp));
    const failure = findAll(root, 'failure')[0]!;
    expect(failure.attributes.type).toBe('invalid');
    expect(failure.text).toContain('flow.yml:12 input-missing');
    expect(failure.text).toContain('input-type');
  });
});

describe('test support: the XML parser rejects what is not well-formed', () => {
  for (const bad of ['<a><b></a>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a', '<a x=1/>', '<a>&bogus;</a>']) {
    it(`rejects ${bad}`, () => expect(() => parseXml(bad)).toThrow(/not well-formed/));
  }
});
