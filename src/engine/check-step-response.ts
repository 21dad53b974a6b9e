/**
 * The engine's hook for response checks (issue 13): the response against its operation's declared
 * responses, through the ResponseCheckPort. `warn` (the CLI's default) reports a warning per
 * finding; `error` also fails the step, for contract tests in CI.
 */
import type { StepPlan } from '../plan/plan.js';
import type { HttpResponse, ResponseFinding } from './ports.js';
import type { RunContext, WorkflowFrame } from './run-context.js';

export interface StepResponseCheck {
  findings: ResponseFinding[];
  /** Set in `error` mode when a check failed: why the step fails. */
  failure?: string;
}

export async function checkStepResponse(run: RunContext, frame: WorkflowFrame, step: StepPlan, response: HttpResponse): Promise<StepResponseCheck> {
  const checks = run.options.responseChecks;
  const responses = step.target.kind === 'operation' ? step.target.operation.responses : undefined;
  if (!checks || !responses) return { findings: [] };
  const findings = await checks.check(responses, response);
  if (findings.length === 0) return { findings };
  const described = findings.map((f) => `${f.check}: ${f.message}`).join('; ');
  const label = step.target.kind === 'operation' ? step.target.operation.operationId ?? `${step.target.operation.method} ${step.target.operation.path}` : step.stepId;
  const message = `step ${step.stepId}: the response (HTTP ${response.status}) does not match operation ${label} in the description — ${described}`;
  if (checks.mode === 'warn') {
    run.warn('response-check-failed', message, { file: frame.document.key, pointer: step.pointer });
    return { findings };
  }
  return { findings, failure: `response check failed — ${described}` };
}
