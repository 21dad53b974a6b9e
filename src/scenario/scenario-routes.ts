/**
 * Routes for the scripted server: a scenario's responses keys (stepId first, then operationId)
 * resolved to the operations of the steps a workflow can reach; one route per operation, the
 * responses of every key that names it in the order written. A key naming nothing is a problem
 * with its line.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedOperation } from '../plan/operation.js';
import type { StepPlan } from '../plan/plan.js';
import type { Scenario } from './read-scenario.js';
import type { Route } from './scripted-server.js';

export const routeKey = (operation: ResolvedOperation): string => `${operation.method.toUpperCase()} ${operation.path}`;

export function scenarioRoutes(scenario: Scenario, steps: readonly StepPlan[], workflowId: string): { routes: Map<string, Route>; problems: Diagnostic[] } {
  const routes = new Map<string, Route>();
  const problems: Diagnostic[] = [];
  for (const [key, responses] of scenario.responses) {
    const operations = operationsFor(key, steps);
    if (operations.length === 0) {
      problems.push(namesNothing(scenario, `responses.${key}`, scenario.keyLines.get(key), steps, workflowId));
      continue;
    }
    for (const operation of operations) {
      const source = steps.find((s) => s.target.kind === 'operation' && s.target.operation === operation)?.target;
      const describedIn = source?.kind === 'operation' ? source.source.url : undefined;
      const route = routes.get(routeKey(operation)) ?? { method: operation.method.toUpperCase(), path: operation.path, responses: [], operation, ...(describedIn !== undefined ? { describedIn } : {}) };
      route.responses.push(...responses);
      routes.set(routeKey(operation), route);
    }
  }
  return { routes, problems };
}

/** The operations a scenario key names: the steps with that stepId, else those calling that operationId. */
export function operationsFor(key: string, steps: readonly StepPlan[]): ResolvedOperation[] {
  const byStep = steps.filter((s) => s.stepId === key);
  const matching = byStep.length > 0 ? byStep : steps.filter((s) => s.target.kind === 'operation' && s.target.operation.operationId === key);
  return matching.flatMap((s) => (s.target.kind === 'operation' ? [s.target.operation] : []));
}

export function namesNothing(scenario: Scenario, what: string, line: number | undefined, steps: readonly StepPlan[], workflowId: string): Diagnostic {
  return makeDiagnostic('scenario-invalid', 'error', `${what} names no step or operationId of workflow ${workflowId}`, { file: scenario.file, ...(line !== undefined ? { line } : {}), hint: `Steps: ${steps.map((s) => s.stepId).join(', ')}.` });
}
