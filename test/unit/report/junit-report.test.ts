import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJunitForInvalid, buildJunitReport } from '../../../src/report/junit-report.js';
import { formatJunit } from '../../../src/report/lint-formats/format-junit.js';
import { findAll, parseXml } from './parse-xml.js';
import { failedOnCriterion, step, succeeded } from './run-result-fixtures.js';

const timestamp = '2026-01-01T00:00:00.000Z';
const workflows = (entries: Array<[string, 'succeeded' | 'failed' | 'running']>) => new Map(entries);

describe('issue 5 reports: --report junit has one test case per workflow and per step', () => {
  it('a succeeded run: a suite per workflow, a case per step, no failures', () => {
    const root = parseXml(buildJunitReport({ result: succeeded, workflows: workflows([['build', 'succeeded']]), file: 'flow.yml', timestamp }));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '2', failures: '0', skipped: '0' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['create', 'poll']);
    expect(cases.every((c) => c.attributes.file === 'flow.yml')).toBe(true);
    expect(findAll(root, 'failure')).toHaveLength(0);
    expect(cases[1]!.attributes.time).toBe('2.100');
  });

  it('issue 12 item 12: the suite time is the run\'s wall time (2.3 s), not the sum of its steps (2.22 s)', () => {
    const root = parseXml(buildJunitReport({ result: succeeded, workflows: workflows([['build', 'succeeded']]), file: 'flow.yml', timestamp }));
    expect(root.attributes.time).toBe('2.300');
    expect(findAll(root, 'testsuite')[0]!.attributes).toMatchObject({ name: 'build', time: '2.300', tests: '2', failures: '0' });
  });

  it('a failed step: the failure names the step, the criterion and the HTTP status; unreached steps are skipped', () => {
    const root = parseXml(buildJunitReport({ result: failedOnCriterion, workflows: workflows([['build', 'failed']]), file: 'flow.yml', timestamp }));
    const [createCase, pollCase] = findAll(root, 'testcase');
    const failure = findAll(createCase!, 'failure')[0]!;
    expect(failure.attributes.message).toContain('create');
    expect(failure.attributes.message).toContain('$statusCode == 200');
    expect(failure.attributes.message).toContain('401');
    expect(failure.attributes.type).toBe('step-failed');
    expect(findAll(pollCase!, 'skipped')).toHaveLength(1);
  });

  it('issue 12 item 12: one failed step is one failure, on <testsuites> and on its <testsuite> (no second failing workflow case)', () => {
    const root = parseXml(buildJunitReport({ result: failedOnCriterion, workflows: workflows([['build', 'failed']]), file: 'flow.yml', timestamp }));
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
    expect(findAll(root, 'testsuite')[0]!.attributes).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
    expect(findAll(root, 'failure')).toHaveLength(1);
    expect(findAll(root, 'testcase').map((c) => c.attributes.name)).toEqual(['create', 'poll']);
  });

  it('a workflow that failed with no failing step (timeout between steps) gets one failing workflow case', () => {
    const result = { ...succeeded, status: 'failed' as const, error: { code: 'timeout' as const, message: 'the run took longer than --timeout 2s', workflowId: 'build' } };
    const root = parseXml(buildJunitReport({ result, workflows: workflows([['build', 'failed']]), file: 'f.yml', timestamp }));
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1' });
    const failure = findAll(findAll(root, 'testcase').find((c) => c.attributes.name === 'workflow build')!, 'failure')[0]!;
    expect(failure.attributes).toMatchObject({ type: 'timeout' });
    expect(failure.attributes.message).toContain('--timeout 2s');
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
    const root = parseXml(buildJunitReport({ result, workflows: workflows([['build', 'failed'], ['child', 'failed']]), workflowDurations: new Map([['build', 150], ['child', 90]]), file: 'f.yml', timestamp }));
    expect(findAll(root, 'testsuite').map((s) => s.attributes.name)).toEqual(['build', 'child']);
    expect(findAll(root, 'testsuite').map((s) => [s.attributes.failures, s.attributes.time])).toEqual([['1', '0.150'], ['1', '0.090']]);
    const childFetch = findAll(root, 'testcase').find((c) => c.attributes.name === 'fetch')!;
    expect(findAll(childFetch, 'failure')[0]!.attributes.type).toBe('request-failed');
  });

  it('an interrupted run says so on the workflow case', () => {
    const result = { ...succeeded, status: 'failed' as const, error: { code: 'aborted' as const, message: 'The run was cancelled', stepId: 'poll', workflowId: 'build' } };
    const root = parseXml(buildJunitReport({ result, workflows: workflows([['build', 'running']]), file: 'f.yml', timestamp, interruptedBy: 'SIGINT' }));
    const failure = findAll(root, 'failure')[0]!;
    expect(failure.attributes.type).toBe('aborted');
    expect(failure.attributes.message).toContain('SIGINT');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1' });
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

describe('JUnit XML is well-formed for any text (fuzz: control characters, lone surrogates, markup)', () => {
  const anyText = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
      fc.constantFrom('\uD800', '\uDFFF', '\uD83D\uDE00', '<', '&', '"', "'", ']]>', '\r\n', '\t', '\u0000', '\uFFFE'),
    ),
    { maxLength: 30 },
  ).map((parts) => parts.join(''));
  const xmlChars = (text: string): string => [...text].filter((c) => /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u.test(c)).join('');

  it('run report and lint format parse back, and names and messages keep every character XML can carry', () => {
    fc.assert(
      fc.property(anyText, anyText, (name, reason) => {
        const result = { ...failedOnCriterion, steps: [step(name, { status: 'failed', reason })], error: { ...failedOnCriterion.error!, stepId: name } };
        const root = parseXml(buildJunitReport({ result, workflows: workflows([]), file: reason, timestamp }));
        expect(root.attributes).toMatchObject({ tests: '1', failures: '1' });
        const testCase = findAll(root, 'testcase')[0]!;
        expect(testCase.attributes.name).toBe(xmlChars(name));
        expect(findAll(testCase, 'failure')[0]!.attributes.message).toContain(xmlChars(reason));
        const lint = parseXml(formatJunit({ files: [], diagnostics: [{ code: 'yaml-syntax', severity: 'error', message: name, file: reason }] }, { cwd: '/', toolVersion: '0' }));
        expect(findAll(lint, 'failure')[0]!.attributes.message).toBe(xmlChars(name));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('test support: the XML parser rejects what is not well-formed', () => {
  for (const bad of ['<a><b></a>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a', '<a x=1/>', '<a>&bogus;</a>', '<a>\uD800</a>', '<a x="\u0001"/>', '<a>&#1;</a>', '<a>&#xD800;</a>']) {
    it(`rejects ${bad}`, () => expect(() => parseXml(bad)).toThrow(/not well-formed/));
  }
});

describe('issue 14 reports: a JUnit step case carries its AsyncAPI message', () => {
  it('system-out says what was sent or received, where, with headers and payload', () => {
    const result = { ...succeeded, steps: [step('confirm', { lastStatusCode: undefined, message: { action: 'receive' as const, protocol: 'mqtt', address: 'orders/confirmed', headers: { orderrequestid: 'r-1' }, payload: { orderId: 7 } } })] };
    const xml = buildJunitReport({ result, workflows: workflows([['build', 'succeeded']]), file: 'flow.yml', timestamp });
    expect(xml).toContain('last message: received from mqtt orders/confirmed');
    expect(xml).toContain('message headers: orderrequestid=r-1');
    expect(xml).toContain('message payload: {"orderId":7}');
  });
});
