/**
 * `--report junit=<path>`: one <testsuite> per workflow that ran, one test case per step. A
 * workflow gets a test case of its own only when it failed for a reason no step case carries
 * (interrupted, timed out between steps, a dependency or an output failed), so each failure is
 * counted once. A suite's time is the workflow's wall time (the run's, for the workflow that was
 * asked for), not the sum of its steps. A failure message names the step, the criterion (or
 * transport reason) and the last HTTP status, which is what a CI test tab shows. Pure: values
 * in, XML out (junit-xml.ts writes it); the caller masks secrets in the result first.
 */
import type { RunError, RunResult, StepRecord } from '../engine/run-result.js';
import { endingText, runFailureText, stepFailureText } from './describe-failure.js';
import { renderJunit, type JunitCase } from './junit-xml.js';
import { responseText } from './response-excerpt.js';
import type { WorkflowStatus } from './run-journal.js';

export interface JunitInput {
  result: RunResult;
  workflows: ReadonlyMap<string, WorkflowStatus>;
  /** Wall time (ms) of each workflow, from the journal; the run's own duration is used for the root. */
  workflowDurations?: ReadonlyMap<string, number>;
  /** The workflow file as shown to the user. */
  file: string;
  timestamp: string;
  interruptedBy?: string;
}

export function buildJunitReport(input: JunitInput): string {
  const suites = workflowIds(input).map((workflowId) => ({
    name: workflowId,
    file: input.file,
    seconds: wallTimeMs(input, workflowId) / 1000,
    timestamp: input.timestamp,
    cases: casesOf(input, workflowId),
  }));
  return renderJunit({ name: 'arazzo', seconds: input.result.durationMs / 1000, timestamp: input.timestamp, suites });
}

/** When nothing could run (exit 2): one failing test case carrying every problem, so CI still shows why. */
export function buildJunitForInvalid(file: string, problems: readonly { code: string; message: string; line?: number }[], timestamp: string): string {
  const message = `${problems.length} problem${problems.length === 1 ? '' : 's'}; no request was sent`;
  const detail = problems.map((p) => `${file}${p.line !== undefined ? `:${p.line}` : ''} ${p.code} ${p.message}`).join('\n');
  const testCase: JunitCase = { name: `validate ${file}`, classname: 'validate', file, seconds: 0, failure: { type: 'invalid', message, detail } };
  return renderJunit({ name: 'arazzo', seconds: 0, timestamp, suites: [{ name: 'validate', file, seconds: 0, timestamp, cases: [testCase] }] });
}

function workflowIds(input: JunitInput): string[] {
  const ids = [input.result.workflowId, ...input.workflows.keys(), ...input.result.steps.map((s) => s.workflowId)];
  return [...new Set(ids)];
}

function wallTimeMs(input: JunitInput, workflowId: string): number {
  if (workflowId === input.result.workflowId) return input.result.durationMs;
  return input.workflowDurations?.get(workflowId) ?? input.result.steps.filter((s) => s.workflowId === workflowId).reduce((sum, s) => sum + s.durationMs, 0);
}

function casesOf(input: JunitInput, workflowId: string): JunitCase[] {
  const steps = input.result.steps.filter((s) => s.workflowId === workflowId);
  // The step whose end (or goto to another workflow) action ended the run says so (issue 12 item 10).
  const ending = workflowId === input.result.workflowId ? endingText(input.result) : undefined;
  const stepCases = steps.map((step) => stepCase(step, input.file, step.stepId === input.result.endedBy?.stepId ? ending : undefined));
  const workflow = workflowFailure(input, workflowId, steps);
  return workflow ? [workflow, ...stepCases] : stepCases;
}

/** The workflow's own failing case, or undefined when it succeeded or a step case already carries its failure. */
function workflowFailure(input: JunitInput, workflowId: string, steps: readonly StepRecord[]): JunitCase | undefined {
  const { result } = input;
  const isRoot = workflowId === result.workflowId;
  const status = isRoot ? result.status : input.workflows.get(workflowId) ?? 'failed';
  const error = result.error && (isRoot || result.error.workflowId === workflowId) ? result.error : undefined;
  if (status === 'succeeded' && !(isRoot && error)) return undefined;
  const onStep = error?.stepId !== undefined && (error.workflowId === undefined || error.workflowId === workflowId)
    ? steps.find((s) => s.stepId === error.stepId)
    : undefined;
  if (onStep?.status === 'failed' || (!error && steps.some((s) => s.status === 'failed'))) return undefined;
  const failing = onStep ?? [...steps].reverse().find((s) => s.status === 'failed');
  const type = error?.code ?? (status === 'running' ? 'aborted' : 'step-failed');
  const message = isRoot ? runFailureText(result, input.interruptedBy) : failing ? stepFailureText(failing) : error?.message ?? 'failed';
  return {
    name: `workflow ${workflowId}`,
    classname: workflowId,
    file: input.file,
    seconds: wallTimeMs(input, workflowId) / 1000,
    failure: { type, message, detail: detailOf(error, failing) },
  };
}

function stepCase(step: StepRecord, file: string, ending?: string): JunitCase {
  const systemOut = ending ? `${describeStep(step)}\n${ending}` : describeStep(step);
  const base: JunitCase = { name: step.stepId, classname: step.workflowId, file, seconds: step.durationMs / 1000, systemOut };
  if (step.status === 'skipped') return { ...base, skipped: 'not reached' };
  if (step.status === 'succeeded') return base;
  const type = step.lastStatusCode === undefined && step.reason !== undefined ? 'request-failed' : 'step-failed';
  return { ...base, failure: { type, message: stepFailureText(step), detail: describeStep(step) } };
}

function describeStep(step: StepRecord): string {
  const parts = [`status: ${step.status}`, `executions: ${step.executions}`, `attempts: ${step.attempts}`];
  if (step.lastStatusCode !== undefined) parts.push(`last HTTP status: ${step.lastStatusCode}`);
  if (step.request) parts.push(`last request: ${step.request.method} ${step.request.url}`);
  if (step.message) {
    const { action, protocol, address, headers, payload } = step.message;
    parts.push(`last message: ${action === 'send' ? 'sent to' : 'received from'} ${protocol} ${address}`);
    if (Object.keys(headers).length > 0) parts.push(`message headers: ${Object.entries(headers).map(([name, value]) => `${name}=${value}`).join(', ')}`);
    if (payload !== undefined) parts.push(`message payload: ${JSON.stringify(payload)}`);
  }
  if (step.reason) parts.push(`reason: ${step.reason}`);
  if (step.response) parts.push(`response: ${responseText(step.response)}`);
  for (const finding of step.responseChecks ?? []) parts.push(`response check (${finding.check}): ${finding.message}${finding.pointer !== undefined ? ` [pointer: ${finding.pointer || '/'}]` : ''}`);
  return parts.join('\n');
}

const detailOf = (error: RunError | undefined, step: StepRecord | undefined): string =>
  [error ? `${error.code}: ${error.message}` : undefined, step ? describeStep(step) : undefined].filter(Boolean).join('\n\n');
