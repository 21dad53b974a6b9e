/**
 * `--report junit=<path>`: one <testsuite> per workflow that ran, holding one test case for the
 * workflow and one per step. A failure message names the step, the criterion (or transport
 * reason) and the last HTTP status, which is what a CI test tab shows. Pure: values in, XML out;
 * the caller masks secrets in the result first.
 */
import type { RunError, RunResult, StepRecord } from '../engine/run-result.js';
import { runFailureText, stepFailureText } from './describe-failure.js';
import type { WorkflowStatus } from './run-journal.js';

export interface JunitInput {
  result: RunResult;
  workflows: ReadonlyMap<string, WorkflowStatus>;
  /** The workflow file as shown to the user. */
  file: string;
  timestamp: string;
  interruptedBy?: string;
}

interface Case {
  name: string;
  classname: string;
  seconds: number;
  failure?: { type: string; message: string; detail: string };
  skipped?: string;
  out?: string;
}

export function buildJunitReport(input: JunitInput): string {
  const suites = workflowIds(input).map((workflowId) => ({ workflowId, cases: casesOf(input, workflowId) }));
  const all = suites.flatMap((s) => s.cases);
  const totals = counts(all);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="arazzo" tests="${all.length}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="${seconds(input.result.durationMs)}" timestamp="${input.timestamp}">`,
  ];
  for (const suite of suites) {
    const c = counts(suite.cases);
    const time = suite.cases.reduce((sum, k) => sum + (k.name.startsWith('workflow ') ? 0 : k.seconds), 0);
    lines.push(`  <testsuite name="${escapeXml(suite.workflowId)}" file="${escapeXml(input.file)}" tests="${suite.cases.length}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${time.toFixed(3)}" timestamp="${input.timestamp}">`);
    for (const testCase of suite.cases) lines.push(...formatCase(testCase, input.file));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** When nothing could run (exit 2): one failing test case carrying every problem, so CI still shows why. */
export function buildJunitForInvalid(file: string, problems: readonly { code: string; message: string; line?: number }[], timestamp: string): string {
  const message = `${problems.length} problem${problems.length === 1 ? '' : 's'}; no request was sent`;
  const detail = problems.map((p) => `${file}${p.line !== undefined ? `:${p.line}` : ''} ${p.code} ${p.message}`).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="arazzo" tests="1" failures="1" errors="0" skipped="0" time="0.000" timestamp="${timestamp}">`,
    `  <testsuite name="validate" file="${escapeXml(file)}" tests="1" failures="1" errors="0" skipped="0" time="0.000" timestamp="${timestamp}">`,
    `    <testcase name="validate ${escapeXml(file)}" classname="validate" file="${escapeXml(file)}" time="0.000">`,
    `      <failure message="${escapeXml(message)}" type="invalid">${escapeText(detail)}</failure>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function workflowIds(input: JunitInput): string[] {
  const ids = [input.result.workflowId, ...input.workflows.keys(), ...input.result.steps.map((s) => s.workflowId)];
  return [...new Set(ids)];
}

function casesOf(input: JunitInput, workflowId: string): Case[] {
  const steps = input.result.steps.filter((s) => s.workflowId === workflowId);
  return [workflowCase(input, workflowId, steps), ...steps.map((step) => stepCase(step))];
}

function workflowCase(input: JunitInput, workflowId: string, steps: readonly StepRecord[]): Case {
  const { result } = input;
  const isRoot = workflowId === result.workflowId;
  const status = isRoot ? result.status : input.workflows.get(workflowId) ?? 'failed';
  const base: Case = { name: `workflow ${workflowId}`, classname: workflowId, seconds: isRoot ? result.durationMs / 1000 : sumSeconds(steps) };
  const error = result.error && (isRoot || result.error.workflowId === workflowId) ? result.error : undefined;
  if (status === 'succeeded' && !(isRoot && error)) return base;
  const failing = steps.find((s) => s.stepId === error?.stepId) ?? [...steps].reverse().find((s) => s.status === 'failed');
  const type = error?.code ?? (status === 'running' ? 'aborted' : 'step-failed');
  const message = isRoot ? runFailureText(result, input.interruptedBy) : failing ? stepFailureText(failing) : error?.message ?? 'failed';
  return { ...base, failure: { type, message, detail: detailOf(error, failing) } };
}

function stepCase(step: StepRecord): Case {
  const base: Case = { name: step.stepId, classname: step.workflowId, seconds: step.durationMs / 1000, out: describeStep(step) };
  if (step.status === 'skipped') return { ...base, skipped: 'not reached' };
  if (step.status === 'succeeded') return base;
  const type = step.lastStatusCode === undefined && step.reason !== undefined ? 'request-failed' : 'step-failed';
  return { ...base, failure: { type, message: stepFailureText(step), detail: describeStep(step) } };
}

function describeStep(step: StepRecord): string {
  const parts = [`status: ${step.status}`, `executions: ${step.executions}`, `attempts: ${step.attempts}`];
  if (step.lastStatusCode !== undefined) parts.push(`last HTTP status: ${step.lastStatusCode}`);
  if (step.request) parts.push(`last request: ${step.request.method} ${step.request.url}`);
  if (step.reason) parts.push(`reason: ${step.reason}`);
  return parts.join('\n');
}

const detailOf = (error: RunError | undefined, step: StepRecord | undefined): string =>
  [error ? `${error.code}: ${error.message}` : undefined, step ? describeStep(step) : undefined].filter(Boolean).join('\n\n');

function formatCase(testCase: Case, file: string): string[] {
  const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${escapeXml(testCase.classname)}" file="${escapeXml(file)}" time="${testCase.seconds.toFixed(3)}"`;
  const body: string[] = [];
  if (testCase.failure) body.push(`      <failure message="${escapeXml(testCase.failure.message)}" type="${escapeXml(testCase.failure.type)}">${escapeText(testCase.failure.detail)}</failure>`);
  if (testCase.skipped) body.push(`      <skipped message="${escapeXml(testCase.skipped)}"/>`);
  if (testCase.out && !testCase.failure) body.push(`      <system-out>${escapeText(testCase.out)}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

function counts(cases: readonly Case[]): { failures: number; skipped: number } {
  return { failures: cases.filter((c) => c.failure).length, skipped: cases.filter((c) => c.skipped).length };
}

const sumSeconds = (steps: readonly StepRecord[]): number => steps.reduce((sum, s) => sum + s.durationMs, 0) / 1000;
const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** XML 1.0 escaping for attribute values (newlines kept as &#10;); characters XML cannot carry are dropped. */
export function escapeXml(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

function escapeText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
