/**
 * Control flow (checklist 11.2, 11.8; OAI #328): steps no path reaches, loops that nothing can
 * leave while their steps succeed, and workflows that depend on or call each other in a cycle
 * (the runner refuses recursion, checklist 11.3; dependsOn cycles, checklist 5.5).
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { ownField } from '../../document/model.js';
import { endlessLoops, reachableSteps, type ControlFlow } from '../control-flow.js';
import type { LintModel, LintWorkflow } from '../lint-model.js';
import type { LintReport } from '../lint-report.js';

export function checkFlow(model: LintModel, flows: ReadonlyMap<LintWorkflow, ControlFlow>, report: LintReport): void {
  for (const workflow of model.workflows) {
    const flow = flows.get(workflow)!;
    const reachable = reachableSteps(flow);
    for (const step of workflow.steps) {
      if (reachable.has(step.index)) continue;
      report.add('step-unreachable', `Step "${step.stepId}" of workflow "${workflow.workflowId}" can never run: no step falls through or goes to it`, step.pointer, {
        hint: 'Remove it, or add a goto to it (an earlier step with onSuccess/onFailure that ends or jumps skips the steps after it).',
      });
    }
    for (const action of endlessLoops(workflow, flow)) {
      const target = workflow.steps.find((s) => s.index === action.targetStep)?.stepId ?? '?';
      report.add('loop-without-exit', `goto "${action.name}" loops back to step "${target}" and nothing ends the loop while its steps succeed`, action.pointer);
    }
  }
  checkWorkflowCycles(model, report);
}

interface Edge {
  to: string;
  pointer: string;
  how: 'dependsOn' | 'calls';
}

function checkWorkflowCycles(model: LintModel, report: LintReport): void {
  const edges = new Map<string, Edge[]>();
  for (const workflow of model.workflows) {
    const list: Edge[] = [];
    const dependsOn = ownField(workflow.raw, 'dependsOn');
    (Array.isArray(dependsOn) ? dependsOn : []).forEach((id, index) => {
      if (typeof id === 'string' && model.byId.has(id)) list.push({ to: id, pointer: childPointer(childPointer(workflow.pointer, 'dependsOn'), index), how: 'dependsOn' });
    });
    for (const step of workflow.steps) {
      if (step.calls !== undefined) list.push({ to: step.calls, pointer: childPointer(step.pointer, 'workflowId'), how: 'calls' });
    }
    edges.set(workflow.workflowId, list);
  }
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'active');
    path.push(id);
    for (const edge of edges.get(id) ?? []) {
      if (state.get(edge.to) === 'active') {
        const cycle = [...path.slice(path.indexOf(edge.to)), edge.to].join(' → ');
        report.add('workflow-cycle', `Workflow cycle ${cycle}: the run would never finish (the runner stops it as recursion)`, edge.pointer, {
          hint: edge.how === 'dependsOn' ? 'Remove one of the dependsOn entries.' : 'A workflow cannot call itself, directly or through others.',
        });
      } else if (!state.has(edge.to)) {
        visit(edge.to);
      }
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
}
