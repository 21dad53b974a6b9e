/** Which workflow to run, and every workflow it can reach (for pre-flight checks). */
import type { Plan, WorkflowPlan, WorkflowRef } from '../plan/plan.js';
import { workflowKey } from '../plan/plan.js';
import { UsageError } from './parse-cli-values.js';

export function selectWorkflow(plan: Plan, requested: string | undefined): WorkflowPlan {
  const document = plan.documents.get(plan.rootKey);
  const workflows = [...(document?.workflows.values() ?? [])];
  if (requested !== undefined) {
    const found = document?.workflows.get(requested);
    if (found) return found;
    throw new UsageError(`No workflow "${requested}" in this file`, `Workflows: ${workflows.map((w) => w.workflowId).join(', ') || '(none)'}.`);
  }
  if (workflows.length === 1) return workflows[0]!;
  throw new UsageError(
    `The file has ${workflows.length} workflows; choose one with --workflow`,
    `Workflows: ${workflows.map((w) => w.workflowId).join(', ')}.`,
  );
}

export function reachableWorkflows(plan: Plan, start: WorkflowRef): WorkflowPlan[] {
  const seen = new Map<string, WorkflowPlan>();
  const visit = (ref: WorkflowRef): void => {
    const key = workflowKey(ref);
    const workflow = plan.documents.get(ref.documentKey)?.workflows.get(ref.workflowId);
    if (!workflow || seen.has(key)) return;
    seen.set(key, workflow);
    workflow.dependsOn.forEach(visit);
    for (const step of workflow.steps) {
      if (step.target.kind === 'workflow') visit(step.target.workflow);
      for (const action of [...step.onSuccess, ...step.onFailure]) {
        if (action.target?.kind === 'workflow') visit(action.target.workflow);
      }
    }
  };
  visit(start);
  return [...seen.values()];
}
