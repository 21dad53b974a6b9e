/**
 * Routes for the scripted server: a scenario's responses keys (stepId first, then operationId)
 * resolved to the operations of the steps a workflow can reach; one route per operation, the
 * responses of every key that names it in the order written; expect.requests keys resolve the
 * same way. A key naming nothing is a problem with its line.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedOperation } from '../plan/operation.js';
import type { StepPlan } from '../plan/plan.js';
import type { ExpectedRequests } from './compare-requests.js';
import type { Scenario, ScriptedResponse } from './read-scenario.js';
import type { Route } from './scripted-server.js';

export const routeKey = (operation: ResolvedOperation): string => `${operation.method.toUpperCase()} ${operation.path}`;

export function scenarioRoutes(scenario: Scenario, steps: readonly StepPlan[], workflowId: string): { routes: Map<string, Route>; problems: Diagnostic[] } {
  const routes = new Map<string, Route>();
  const problems: Diagnostic[] = [];
  for (const [key, responses] of scenario.responses) {
    const targets = targetsOf(key, steps);
    if (targets.length === 0) {
      problems.push(namesNothing(scenario, `responses.${key}`, scenario.keyLines.get(key), steps, workflowId));
      continue;
    }
    for (const target of targets) {
      const route = routes.get(routeKey(target.operation)) ?? routeFor(target, []);
      route.responses.push(...responses);
      routes.set(routeKey(target.operation), route);
    }
  }
  return { routes, problems };
}

/** A scenario's expect.requests, each key resolved to the routes of the operations it names (as responses keys are). */
export function expectedRequests(scenario: Scenario, steps: readonly StepPlan[], workflowId: string): { expectations: ExpectedRequests[]; problems: Diagnostic[] } {
  const expectations: ExpectedRequests[] = [];
  const problems: Diagnostic[] = [];
  for (const [key, expected] of scenario.expect.requests ?? []) {
    const targets = targetsOf(key, steps);
    if (targets.length === 0) problems.push(namesNothing(scenario, `expect.requests.${key}`, scenario.requestKeyLines.get(key), steps, workflowId));
    for (const target of targets) expectations.push({ key, route: routeKey(target.operation), expected });
  }
  return { expectations, problems };
}

type OperationTarget = Extract<StepPlan['target'], { kind: 'operation' }>;

/** The route serving a step's operation; `describedIn` names where the operation is described. */
export const routeFor = (target: OperationTarget, responses: ScriptedResponse[], extra: Pick<Route, 'fallback'> = {}): Route => ({
  method: target.operation.method.toUpperCase(),
  path: target.operation.path,
  responses,
  operation: target.operation,
  describedIn: target.source.url,
  ...extra,
});

/** What a scenario key names: the steps with that stepId, else those calling that operationId. */
function targetsOf(key: string, steps: readonly StepPlan[]): OperationTarget[] {
  const byStep = steps.filter((s) => s.stepId === key);
  const matching = byStep.length > 0 ? byStep : steps.filter((s) => s.target.kind === 'operation' && s.target.operation.operationId === key);
  return matching.flatMap((s) => (s.target.kind === 'operation' ? [s.target] : []));
}

function namesNothing(scenario: Scenario, what: string, line: number | undefined, steps: readonly StepPlan[], workflowId: string): Diagnostic {
  return makeDiagnostic('scenario-invalid', 'error', `${what} names no step or operationId of workflow ${workflowId}`, { file: scenario.file, ...(line !== undefined ? { line } : {}), hint: `Steps: ${steps.map((s) => s.stepId).join(', ')}.` });
}
